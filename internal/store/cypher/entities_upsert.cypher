// Creates or updates entities by id. The kind label is added with a dynamic
// label from the code's allow-list; nameKeys and sortKey are folded in Go.
UNWIND $entities AS row
MERGE (e:Entity {id: row.id})
SET e:$(row.label),
    e.name = row.name,
    e.aliases = row.aliases,
    e.description = row.description,
    e.nameKeys = row.nameKeys,
    e.sortKey = row.sortKey
