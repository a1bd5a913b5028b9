// Creates or updates entities by id. The kind label is added with a dynamic
// label from the code's allow-list; sortKey is folded in Go. Aliases and
// name keys are recomputed from the IN_SOURCE links afterwards. A
// description is kept unless the document gives one. Properties are only
// written when they change, so loading sources that name the same popular
// entity does not take its write lock for nothing. Rows come sorted by id,
// so concurrent loads lock in the same order. A new entity starts with no
// statements; entities_refresh_counts recounts those the load's statements
// touch.
UNWIND $entities AS row
MERGE (e:Entity {id: row.id})
  ON CREATE SET e.quotedCount = 0, e.mentionedCount = 0
WITH e, row
CALL (e, row) {
  WITH e, row WHERE NOT row.label IN labels(e)
  SET e:$(row.label)
}
CALL (e, row) {
  WITH e, row
  WHERE e.name IS NULL OR e.name <> row.name OR e.sortKey <> row.sortKey
     OR (row.description IS NOT NULL AND coalesce(e.description, '') <> row.description)
  SET e.name = row.name,
      e.description = coalesce(row.description, e.description),
      e.sortKey = row.sortKey
}
