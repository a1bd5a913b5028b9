MATCH (s:Source {id: $sourceId})
UNWIND $topics AS row
MERGE (t:Topic {id: row.id})
SET t.name = row.name
CREATE (t)-[:IN_SOURCE {starts: [], ends: [], excerpts: []}]->(s)
