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
RETURN sp {.id, .name, labels: labels(sp){% if .Details %}, .aliases, .description{% end %}} AS from,
  x {.id, .name, labels: labels(x){% if .Details %}, .aliases, .description, .kind, .date, .endDate, .location{% end %}} AS to,
  count, kinds
