// Creates or updates entities by id. The kind label is added with a dynamic
// label from the code's allow-list; sortKey is folded in Go. Aliases and
// name keys are recomputed from the IN_SOURCE links afterwards. A
// description is kept unless the document gives one.
UNWIND $entities AS row
MERGE (e:Entity {id: row.id})
SET e:$(row.label),
    e.name = row.name,
    e.description = coalesce(row.description, e.description),
    e.sortKey = row.sortKey
