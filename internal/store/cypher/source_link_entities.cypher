// Links every entity the document declares or refers to with its source,
// with where the source names it (empty lists when the document does not say).
MATCH (s:Source {id: $sourceId})
UNWIND $links AS row
MATCH (e:Entity {id: row.id})
CREATE (e)-[:IN_SOURCE {starts: row.starts, ends: row.ends, excerpts: row.excerpts}]->(s)
