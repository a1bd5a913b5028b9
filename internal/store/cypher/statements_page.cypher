// One page of statements per anchor (the ANCHORS slot: $anchors, or a list
// an enclosing query holds), with the total and how many lie after the
// cursor, in the list's order. The MATCH and WHERE slots take fixed
// fragments the code picks for the scope and the filter (statementMatch),
// the ORDER and AFTER slots those of the order (statementOrders), and HINT
// the order's index when nothing narrows the statements; every
// value is a parameter. Totals are counted only when $with.counts asks for
// them. (Slot names in comments are
// written without braces: the code fills every occurrence.)
UNWIND {{ANCHORS}} AS anchor
CALL (anchor) {
  // Not WITH … WHERE $with.counts: the planner tests that on every row of
  // a scan of all statements. An empty list here ends the count before
  // the MATCH runs.
  UNWIND CASE WHEN $with.counts THEN [true] ELSE [] END AS counting
  {{MATCH}}
  WHERE {{WHERE}}
  RETURN count(st) AS total, count(CASE WHEN {{AFTER}} THEN 1 END) AS after
}
CALL (anchor) {
  {{MATCH}}{{HINT}}
  WHERE {{WHERE}}
    AND {{AFTER}}
  WITH st ORDER BY {{ORDER}}
  LIMIT $limit
  // $limit is one more than the page, to tell whether more follow; that
  // last statement is only counted, so it is not projected.
  WITH collect(st) AS sts
  RETURN [st IN sts[..$limit - 1] | {{PROJECTION}}] + [st IN sts[$limit - 1..] | st {.id}] AS page
}
RETURN anchor, total, after, page
