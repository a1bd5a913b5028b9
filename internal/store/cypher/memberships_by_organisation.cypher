UNWIND $ids AS id
CALL (id) {
  MATCH (p:Entity)-[r:MEMBER_OF]->(o:Organisation {id: id})
  WITH p, r, o ORDER BY p.sortKey, p.id
  RETURN collect({{FACT}}) AS facts
}
RETURN id, facts
