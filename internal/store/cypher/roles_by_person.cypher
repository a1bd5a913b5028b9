// Each person's roles, by title then organisation, with the evidence of
// every supporting source. One row per id, in the order given.
UNWIND $ids AS id
CALL (id) {
  MATCH (p:Person {id: id})-[r:HOLDS_ROLE]->(o:Entity)
  WITH p, r, o ORDER BY r.title, o.sortKey, o.id
  RETURN collect({{FACT}}) AS facts
}
RETURN id, facts
