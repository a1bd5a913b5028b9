// Q5: one page of 100 statements in the API's order, after a keyset cursor:
// the order's key (newestKey, kept at ingest) read from its range index in
// order, as newsgraph reads it.
MATCH (st:Statement)
WHERE st.newestKey > coalesce($after, '')
WITH st ORDER BY st.newestKey LIMIT 101
RETURN st {.id, .text, .newestKey} AS node
