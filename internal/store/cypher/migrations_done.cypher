// The start-up migrations already completed on this database, by name:
// EnsureSchema skips these. A handful of nodes, found by their label.
MATCH (m:SchemaMigration)
RETURN collect(m.name) AS done
