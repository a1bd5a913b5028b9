// One page of sources, newest first, then id; the cursor is (sortDate, id).
// The total and the count after the cursor read every source, so they are
// counted only when $with.counts asks for them (totalCount or
// hasPreviousPage selected), else they are 0.
CALL () {
  // As in statements_page: an empty list ends the count before the MATCH.
  UNWIND CASE WHEN $with.counts THEN [true] ELSE [] END AS counting
  MATCH (s:Source)
  RETURN count(s) AS total,
         count(CASE WHEN $cursor IS NULL OR s.sortDate < $cursor[0] OR (s.sortDate = $cursor[0] AND s.id > $cursor[1]) THEN 1 END) AS after
}
CALL () {
  MATCH (s:Source)
  WHERE $cursor IS NULL OR s.sortDate < $cursor[0] OR (s.sortDate = $cursor[0] AND s.id > $cursor[1])
  WITH s ORDER BY s.sortDate DESC, s.id LIMIT $limit
  RETURN collect(s {.id, .title, .publisher, .url, .publishedAt, .sortDate}) AS page
}
RETURN total, after, page
