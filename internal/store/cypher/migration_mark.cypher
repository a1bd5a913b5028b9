// Records that a start-up migration completed. MERGE on the constrained
// name, so a second server finishing the same migration at the same time
// finds the first one's marker instead of making another; the time is the
// first completion's, for an operator wondering when the graph migrated.
MERGE (m:SchemaMigration {name: $name})
ON CREATE SET m.completedAt = datetime()
