// The organisations an entity belongs to, by organisation, each a fact
// (fact_projection); an expression over the bound entity `node`.
COLLECT {
  MATCH (node)-[r:MEMBER_OF]->(o:Organisation)
  WITH node AS p, r, o ORDER BY o.sortKey, o.id
  RETURN {{FACT}}
}
