// statements_page for a list that starts from one node found by id through
// one relationship (a speaker's statements, those about an entity, during
// an event, on a topic, in a source): the same columns, with the start
// fixed instead of left to the planner. The planner plans the text once,
// with the statistics of that moment: planned while the graph was small
// (or its key index not yet sampled), it read the whole key index and
// tested each statement against the node, and kept that plan as the graph
// grew (25,000 db hits for a speaker with three statements, where walking
// from the speaker takes 141). Here the node's degree (kept by Neo4j: no
// statement is read) chooses, per node and at run time:
//   - walk: read the node's statements and sort them, for most nodes;
//   - scan: read the order's index from the cursor on and test each
//     statement against the node, for a node with so many statements that
//     a page's worth turns up sooner than the walk could read them all
//     (degree squared over the page size times all statements; only with no
//     other condition, which the scan would have to test on the way).
// Slots: ANCHORS, LABEL and ID (the node), HOP_COUNTED, HOP_WALKED and
// HOP_SCANNED (its relationship to st, from the node bound as counted,
// walkFrom and scanFor), DEGREE (the relationship from hop to anything), WHERE, AFTER, ORDER, KEY
// (the order's indexed property) and SCAN (whether the scan may be
// chosen). Slot names in comments are written without braces.
UNWIND {{ANCHORS}} AS anchor
OPTIONAL MATCH (hop:{{LABEL}} {id: {{ID}}})
WITH anchor, hop, {{SCAN}} AND hop IS NOT NULL AND COUNT { {{DEGREE}} } ^ 2 > $limit * COUNT { (:Statement) } AS scan
CALL (anchor, hop) {
  UNWIND CASE WHEN $with.counts AND hop IS NOT NULL THEN [hop] ELSE [] END AS counted
  MATCH {{HOP_COUNTED}}
  WHERE {{WHERE}}
  RETURN count(st) AS total, count(CASE WHEN {{AFTER}} THEN 1 END) AS after
}
CALL (anchor, hop, scan) {
  // COLLECT leaves the planner no way to reach the statements but from
  // the node; ORDER BY and the cursor's test come after it.
  UNWIND CASE WHEN hop IS NOT NULL AND NOT scan THEN [hop] ELSE [] END AS walkFrom
  UNWIND COLLECT { MATCH {{HOP_WALKED}} RETURN st } AS st
  WITH st WHERE {{WHERE}}
    AND {{AFTER}}
  WITH st ORDER BY {{ORDER}}
  LIMIT $limit
  RETURN collect(st) AS walked
}
CALL (hop, scan) {
  UNWIND CASE WHEN scan THEN [hop] ELSE [] END AS scanFor
  // A subquery per row, so that the index is read only for a node that
  // chose the scan.
  CALL (scanFor) {
    MATCH (st:Statement) USING INDEX st:Statement({{KEY}})
    WHERE {{AFTER}}
      AND EXISTS { MATCH {{HOP_SCANNED}} }
    WITH st ORDER BY {{ORDER}}
    LIMIT $limit
    RETURN collect(st) AS sts
  }
  RETURN coalesce(head(collect(sts)), []) AS scanned
}
WITH anchor, total, after, walked + scanned AS sts
// $limit is one more than the page, to tell whether more follow; that
// last statement is only counted, so it is not projected.
RETURN anchor, total, after,
  [st IN sts[..$limit - 1] | {{PROJECTION}}] + [st IN sts[$limit - 1..] | st {.id}] AS page
