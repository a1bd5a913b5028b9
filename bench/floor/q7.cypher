// Q7: the network of a topic over a date range: the 50 heaviest speaker to
// about-target edges, ties by the speaker's id then the target's. A date
// overlaps the range as the API defines it (dateEnd >= from, dateStart <= to).
// The nodes and their degrees are summed from these rows by the handler.
MATCH (st:Statement)-[:ON_TOPIC]->(:Topic {id: $topic})
WHERE st.dateEnd >= $from AND st.dateStart <= $to
MATCH (sp:Entity)-[:SAID]->(st)-[:ABOUT]->(x)
WITH sp, x, count(st) AS count
ORDER BY count DESC, sp.id, x.id
LIMIT 50
RETURN sp {.id, .name} AS from, x {.id, .name} AS to, count
