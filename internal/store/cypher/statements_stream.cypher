// Every statement the filter matches, in the order of a statement page,
// for streaming (the export). The MATCH and WHERE slots are filled as in
// statements_page, with no anchor.
WITH '' AS anchor
{{MATCH}}
WHERE {{WHERE}}
WITH st ORDER BY st.sortDate DESC, st.sourceId, st.position, st.id
RETURN {{PROJECTION}} AS st
