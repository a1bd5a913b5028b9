// Links every entity a document declares or refers to with its source:
// where the source names it (empty lists when the document does not say),
// and the aliases and folded name keys this source gives it, so that
// deleting the source takes back exactly its aliases.
UNWIND $links AS row
MATCH (s:Source {id: row.sourceId})
MATCH (e:Entity {id: row.id})
CREATE (e)-[:IN_SOURCE {starts: row.starts, ends: row.ends, excerpts: row.excerpts, aliases: row.aliases, keys: row.keys}]->(s)
