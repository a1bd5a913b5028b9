// Moves evidence kept the old way, as lists on the fact relationship, to
// one evidence relationship per piece: graphs loaded before the change keep
// their evidence. A no-op on graphs without such lists. Runs in batches, so
// a large graph does not need one huge transaction.
MATCH (a)-[r:HOLDS_ROLE|MEMBER_OF|PARTICIPATED_IN]->(b)
WHERE r.evSources IS NOT NULL
CALL (a, b, r) {
  UNWIND range(0, size(r.evSources) - 1) AS i
  CREATE (a)-[e:$(type(r) + '_EVIDENCE')]->(b)
  SET e.sourceId = r.evSources[i], e.start = r.evStarts[i], e.end = r.evEnds[i], e.excerpt = r.evExcerpts[i], e.title = r.title
  WITH r, count(*) AS moved
  REMOVE r.evSources, r.evStarts, r.evEnds, r.evExcerpts
} IN TRANSACTIONS OF 1000 ROWS
