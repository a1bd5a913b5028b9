UNWIND $ids AS id
CALL (id) {
  OPTIONAL MATCH (p:Entity {id: id})-[r:MEMBER_OF]->(o:Organisation)
  WITH p, r, o ORDER BY o.sortKey, o.id
  RETURN collect(CASE WHEN r IS NULL THEN null ELSE {{FACT}} END) AS facts
}
RETURN id, facts
