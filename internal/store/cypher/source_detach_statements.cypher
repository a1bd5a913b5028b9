// First step of loading or deleting sources: their statements go. Each
// statement has exactly one source, so nothing else depends on them.
UNWIND $sourceIds AS sid
MATCH (st:Statement)-[:IN_SOURCE]->(:Source {id: sid})
DETACH DELETE st
