// Creates or updates entities by id. The kind label is added with a dynamic
// label from the code's allow-list; nameKeys and sortKey are folded in Go.
// A description is kept unless the document gives one.
UNWIND $entities AS row
MERGE (e:Entity {id: row.id})
SET e:$(row.label),
    e.name = row.name,
    e.aliases = row.aliases,
    e.description = coalesce(row.description, e.description),
    e.nameKeys = row.nameKeys,
    e.sortKey = row.sortKey
