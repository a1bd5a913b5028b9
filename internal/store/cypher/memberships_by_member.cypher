UNWIND $ids AS id
CALL (id) {
  MATCH (p:Entity {id: id})-[r:MEMBER_OF]->(o:Organisation)
  WITH p, r, o ORDER BY o.sortKey, o.id
  RETURN collect({{FACT}}) AS facts
}
RETURN id, facts
