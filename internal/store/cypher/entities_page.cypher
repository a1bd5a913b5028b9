// One page of entities in the list's order, after the keyset cursor, with
// the filter's total and how many come before the cursor. $labels is from
// the code's allow-list of entity labels. The SEEK, ORDER and AFTER slots
// take the fixed fragments of the order (entityOrders): SEEK is a
// predicate on the order's first key that its range index answers, in
// order, so ORDER BY … LIMIT reads entities from the index and never
// touches statements. (Slot names in comments are written without braces:
// the code fills every occurrence.)
CALL () {
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
