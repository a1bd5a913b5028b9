// One page of statements per anchor (the ANCHORS slot: $anchors, or a list
// an enclosing query holds), with the total and how many lie after the
// cursor; newest first, then by source, position and id. The MATCH and
// WHERE slots take fixed fragments the code picks for the scope and the
// filter (statementMatch); every value is a parameter. Totals are counted
// only when $with.counts asks for them. (Slot names in comments are
// written without braces: the code fills every occurrence.)
UNWIND {{ANCHORS}} AS anchor
CALL (anchor) {
  WITH anchor WHERE $with.counts
  {{MATCH}}
  WHERE {{WHERE}}
  RETURN count(st) AS total, count(CASE WHEN ($cursor IS NULL OR st.sortDate < $cursor[0] OR (st.sortDate = $cursor[0] AND (st.sourceId > $cursor[1] OR (st.sourceId = $cursor[1] AND (st.position > $cursorPos OR (st.position = $cursorPos AND st.id > $cursor[3])))))) THEN 1 END) AS after
}
CALL (anchor) {
  {{MATCH}}
  WHERE {{WHERE}}
    AND ($cursor IS NULL OR st.sortDate < $cursor[0] OR (st.sortDate = $cursor[0] AND (st.sourceId > $cursor[1] OR (st.sourceId = $cursor[1] AND (st.position > $cursorPos OR (st.position = $cursorPos AND st.id > $cursor[3]))))))
  WITH st ORDER BY st.sortDate DESC, st.sourceId, st.position, st.id
  LIMIT $limit
  RETURN collect({{PROJECTION}}) AS page
}
RETURN anchor, total, after, page
