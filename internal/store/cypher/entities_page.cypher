// One page of entities in (sortKey, id) order, after the keyset cursor
// ($afterKey, $afterID), with the filter's total and how many come before
// the cursor. $labels is from the code's allow-list of entity labels.
CALL () {
  MATCH (e:Entity)
  WHERE any(l IN labels(e) WHERE l IN $labels)
    AND ($name = '' OR any(k IN e.nameKeys WHERE k CONTAINS $name))
  RETURN count(e) AS total,
         count(CASE WHEN $afterKey IS NOT NULL
                     AND (e.sortKey < $afterKey OR (e.sortKey = $afterKey AND e.id <= $afterID))
                    THEN 1 END) AS before
}
CALL () {
  MATCH (e:Entity)
  WHERE e.sortKey IS NOT NULL
    AND any(l IN labels(e) WHERE l IN $labels)
    AND ($name = '' OR any(k IN e.nameKeys WHERE k CONTAINS $name))
    AND ($afterKey IS NULL OR e.sortKey > $afterKey OR (e.sortKey = $afterKey AND e.id > $afterID))
  WITH e ORDER BY e.sortKey, e.id LIMIT $limit
  RETURN collect(e) AS page
}
RETURN total, before, page
