// An organisation's members, by member, each a fact (fact_projection); an
// expression over the bound entity `node` (none for another kind).
COLLECT {
  MATCH (p:Entity)-[r:MEMBER_OF]->(node:Organisation)
  WITH p, r, node AS o ORDER BY p.sortKey, p.id
  RETURN {{FACT}}
}
