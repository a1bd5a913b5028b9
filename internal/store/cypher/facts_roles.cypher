// A person's roles, by title then nation or organisation, each a fact
// (fact_projection); an expression over the bound entity `node` (no roles for
// another kind), for one entity or a list of them (store.entityFacts).
COLLECT {
  MATCH (node:Person)-[r:HOLDS_ROLE]->(o:Entity)
  WITH node AS p, r, o ORDER BY r.title, o.sortKey, o.id
  RETURN {{FACT}}
}
