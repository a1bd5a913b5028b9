// The roles held in a nation or organisation (its leaders), by title then
// person, each a fact (fact_projection); an expression over the bound entity
// `node`.
COLLECT {
  MATCH (p:Person)-[r:HOLDS_ROLE]->(node)
  WITH p, r, node AS o ORDER BY r.title, p.sortKey, p.id
  RETURN {{FACT}}
}
