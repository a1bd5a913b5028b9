// The stored aliases of entities a document declares, so the loader can
// merge them with the document's own.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e.id AS id, e.aliases AS aliases
