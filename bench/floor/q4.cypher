// Q4: full-text search over entity names, event names and statement text, top 20.
CALL () {
  CALL db.index.fulltext.queryNodes('entity_names', $q, {limit: 20}) YIELD node, score RETURN node, score
  UNION ALL
  CALL db.index.fulltext.queryNodes('event_names', $q, {limit: 20}) YIELD node, score RETURN node, score
  UNION ALL
  CALL db.index.fulltext.queryNodes('statement_text', $q, {limit: 20}) YIELD node, score RETURN node, score
}
WITH node, score ORDER BY score DESC, node.id LIMIT 20
RETURN node.id AS id, score
