// How many statements of a filter fall in each bucket of one dimension,
// the $limit largest buckets first, ties by key. The MATCH and WHERE slots
// are the statement filter's fixed fragments (statementMatch); the BY slot
// is the dimension's fragment from countBy, which binds x (the bucket's
// node, or null) and key for each statement st. Every value is a parameter.
{{MATCH}}
WHERE {{WHERE}}
{{BY}}
WITH key, x, count(DISTINCT st) AS count
ORDER BY count DESC, key
LIMIT $limit
RETURN key, count,
  x {.id, .name, .aliases, .description, .kind, .date, .endDate, .location, .title, .publisher, .url, .publishedAt, labels: labels(x)} AS node
