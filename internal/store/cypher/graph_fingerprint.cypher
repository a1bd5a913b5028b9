// Every node and every relationship of the graph, with its labels or type
// and all its properties, relationships with the ids of their ends: what
// GraphFingerprint hashes. For tests on small graphs, never for serving.
// The migration markers and the change feed are left out: they say when
// the database was migrated and what changed when, not what the graph holds.
CALL () {
  MATCH (n) WHERE NOT n:SchemaMigration AND NOT n:Change AND NOT n:ChangeFeed
  RETURN 'node' AS what, labels(n) AS labels, null AS from, null AS to, properties(n) AS props
  UNION ALL
  MATCH (a)-[r]->(b)
  RETURN 'rel' AS what, [type(r)] AS labels, a.id AS from, b.id AS to, properties(r) AS props
}
RETURN what, labels, from, to, props
