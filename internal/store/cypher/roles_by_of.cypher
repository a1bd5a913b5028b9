// The roles held in each nation or organisation (its leaders).
UNWIND $ids AS id
CALL (id) {
  MATCH (p:Person)-[r:HOLDS_ROLE]->(o:Entity {id: id})
  WITH p, r, o ORDER BY r.title, p.sortKey, p.id
  RETURN collect({{FACT}}) AS facts
}
RETURN id, facts
