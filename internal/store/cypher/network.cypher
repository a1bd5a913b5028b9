// Who said something about whom among the statements of a filter: one row
// per speaker and about target (an entity or an event), the $limit
// heaviest first, ties by the speaker's id then the target's. The MATCH and
// WHERE slots are the statement filter's fixed fragments (statementMatch);
// every value is a parameter.
{{MATCH}}
WHERE {{WHERE}}
MATCH (sp:Entity)-[:SAID]->(st)-[:ABOUT]->(x)
WITH DISTINCT sp, x, st
WITH sp, x, count(st) AS count, collect(st.kind) AS kinds
ORDER BY count DESC, sp.id, x.id
LIMIT $limit
RETURN sp {.id, .name, labels: labels(sp), aliases: CASE WHEN $with.details THEN sp.aliases END, description: CASE WHEN $with.details THEN sp.description END} AS from,
  x {.id, .name, labels: labels(x),
      aliases: CASE WHEN $with.details THEN x.aliases END, description: CASE WHEN $with.details THEN x.description END,
      kind: CASE WHEN $with.details THEN x.kind END, date: CASE WHEN $with.details THEN x.date END,
      endDate: CASE WHEN $with.details THEN x.endDate END, location: CASE WHEN $with.details THEN x.location END} AS to,
  count, kinds
