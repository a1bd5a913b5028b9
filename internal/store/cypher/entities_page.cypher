// One page of entities in the list's order, after the keyset cursor, with
// the filter's total and how many come before the cursor. $labels is from
// the code's allow-list of entity labels. The SEEK, ORDER and AFTER slots
// take the fixed fragments of the order (entityOrders): SEEK is a
// predicate on the order's first key that its range index answers, in
// order, so ORDER BY … LIMIT reads entities from the index and never
// touches statements. The total and the count before the cursor read
// every entity the filter matches, so they are counted only when
// $with.counts asks for them (totalCount or hasPreviousPage selected);
// otherwise they are 0 and a page reads the order's index only as far as
// it needs. (Slot names in comments are written without braces: the code
// fills every occurrence.)
CALL () {
  // As in statements_page: an empty list ends the count before the MATCH
  // runs, where WITH … WHERE $with.counts would be tested on every row.
  UNWIND CASE WHEN $with.counts THEN [true] ELSE [] END AS counting
  MATCH (e:Entity)
  WHERE any(l IN labels(e) WHERE l IN $labels)
    AND ($name = '' OR any(k IN e.nameKeys WHERE k CONTAINS $name))
  RETURN count(e) AS total,
         count(CASE WHEN $cursor IS NOT NULL AND NOT ({{AFTER}}) THEN 1 END) AS before
}
CALL () {
  MATCH (e:Entity)
  WHERE {{SEEK}}
    AND any(l IN labels(e) WHERE l IN $labels)
    AND ($name = '' OR any(k IN e.nameKeys WHERE k CONTAINS $name))
    AND ($cursor IS NULL OR {{AFTER}})
  WITH e ORDER BY {{ORDER}} LIMIT $limit
  RETURN collect(e) AS page
}
RETURN total, before, page
