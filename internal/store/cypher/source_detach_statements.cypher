// First step of loading or deleting sources: their statements go. Each
// statement has exactly one source, so nothing else depends on them.
// Returns the entities that said them or that they were about, whose
// statement counts must be refreshed.
UNWIND $sourceIds AS sid
MATCH (st:Statement)-[:IN_SOURCE]->(:Source {id: sid})
WITH st, [(sp:Entity)-[:SAID]->(st) | sp.id] + [(st)-[:ABOUT]->(x:Entity) | x.id] AS touched
DETACH DELETE st
WITH touched UNWIND touched AS id
RETURN collect(DISTINCT id) AS ids
