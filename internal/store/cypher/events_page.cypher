// One page of events per anchor: every event when $scoped is false, else
// the events the anchor entity took part in. Newest first, then id; the
// cursor is (sortDate, id). The total and the count after the cursor read
// every event in the list, so they are counted only when $with.counts
// asks for them (totalCount or hasPreviousPage selected), else they are 0.
UNWIND $anchors AS anchor
CALL (anchor) {
  // As in statements_page: an empty list ends the count before the MATCH.
  UNWIND CASE WHEN $with.counts THEN [true] ELSE [] END AS counting
  MATCH (ev:Event)
  WHERE NOT $scoped OR EXISTS { MATCH (:Entity {id: anchor})-[:PARTICIPATED_IN]->(ev) }
  RETURN count(ev) AS total,
         count(CASE WHEN $cursor IS NULL OR ev.sortDate < $cursor[0] OR (ev.sortDate = $cursor[0] AND ev.id > $cursor[1]) THEN 1 END) AS after
}
CALL (anchor) {
  MATCH (ev:Event)
  WHERE (NOT $scoped OR EXISTS { MATCH (:Entity {id: anchor})-[:PARTICIPATED_IN]->(ev) })
    AND ($cursor IS NULL OR ev.sortDate < $cursor[0] OR (ev.sortDate = $cursor[0] AND ev.id > $cursor[1]))
  WITH ev ORDER BY ev.sortDate DESC, ev.id LIMIT $limit
  RETURN collect(ev {.id, .name, .kind, .description, .date, .endDate, .location, .sortDate}) AS page
}
RETURN anchor, total, after, page
