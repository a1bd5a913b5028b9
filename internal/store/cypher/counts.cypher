// How many nodes and relationships the graph holds. The migration markers
// (SchemaMigration, see EnsureSchema) and the change feed (Change,
// ChangeFeed) are bookkeeping, not the graph, and are left out. Each count
// is of a label or of everything, which Neo4j answers from its count store
// without reading nodes.
CALL () { MATCH (n) RETURN count(n) AS everything }
CALL () { MATCH (m:SchemaMigration) RETURN count(m) AS markers }
CALL () { MATCH (c:Change) RETURN count(c) AS changes }
CALL () { MATCH (f:ChangeFeed) RETURN count(f) AS feeds }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN everything - markers - changes - feeds AS nodes, relationships
