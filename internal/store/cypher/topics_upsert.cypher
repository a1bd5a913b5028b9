UNWIND $topics AS row
MATCH (s:Source {id: row.sourceId})
MERGE (t:Topic {id: row.id})
SET t.name = row.name
CREATE (t)-[:IN_SOURCE {starts: [], ends: [], excerpts: []}]->(s)
