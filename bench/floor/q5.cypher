// Q5: one page of 100 statements in the API's order, after a keyset cursor.
MATCH (st:Statement)
WHERE $after IS NULL OR st.sortDate < $after[0] OR (st.sortDate = $after[0] AND (st.sourceId > $after[1]
  OR (st.sourceId = $after[1] AND (st.position > $after[2] OR (st.position = $after[2] AND st.id > $after[3])))))
WITH st ORDER BY st.sortDate DESC, st.sourceId, st.position, st.id LIMIT 101
RETURN st {.id, .text, .sortDate, .sourceId, .position} AS node
