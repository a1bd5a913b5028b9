// One page of sources, newest first, then id; the cursor is (sortDate, id).
CALL () {
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
