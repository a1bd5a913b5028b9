// First step of loading or deleting a source: its statements go. Each
// statement has exactly one source, so nothing else depends on them.
MATCH (st:Statement)-[:IN_SOURCE]->(:Source {id: $sourceId})
DETACH DELETE st
