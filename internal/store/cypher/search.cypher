// One ranked list across entity names and aliases, event names and
// statement text. Scores from the three indexes are Lucene scores for the
// same query; the caller puts exact name matches first.
CALL () {
  CALL db.index.fulltext.queryNodes('entity_names', $q, {limit: $limit}) YIELD node, score
  RETURN node, score
  UNION ALL
  CALL db.index.fulltext.queryNodes('event_names', $q, {limit: $limit}) YIELD node, score
  RETURN node, score
  UNION ALL
  CALL db.index.fulltext.queryNodes('statement_text', $q, {limit: $limit}) YIELD node, score
  RETURN node, score
}
WITH node AS st, score
ORDER BY score DESC, st.id
LIMIT $limit
RETURN score, labels(st) AS labels,
       CASE WHEN st:Statement THEN {{PROJECTION}}
            // Aliases always: an exact match on one puts the hit first.
            ELSE st {.id, .name, .aliases, labels: labels(st){% if .Details %}, .description, .kind, .date, .endDate, .location{% end %}} END AS n
