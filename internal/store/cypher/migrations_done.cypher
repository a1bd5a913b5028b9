// The start-up migrations already completed on this database, by name:
// EnsureSchema skips these. A handful of nodes, found by their label.
// Also whether the graph came from the offline import and is not yet
// completed (import_finish), from the count store.
OPTIONAL MATCH (m:SchemaMigration)
RETURN collect(m.name) AS done, COUNT { (:PendingImport) } > 0 AS importPending
