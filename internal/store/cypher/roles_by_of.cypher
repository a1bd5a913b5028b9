// The roles held in each nation or organisation (its leaders).
UNWIND $ids AS id
CALL (id) {
  OPTIONAL MATCH (p:Person)-[r:HOLDS_ROLE]->(o:Entity {id: id})
  WITH p, r, o ORDER BY r.title, p.sortKey, p.id
  RETURN collect(CASE WHEN r IS NULL THEN null ELSE {{FACT}} END) AS facts
}
RETURN id, facts
