// How many nodes and relationships the graph holds. The migration markers
// (SchemaMigration, see EnsureSchema) are bookkeeping, not the graph, and
// are left out. Each count is of a label or of everything, which Neo4j
// answers from its count store without reading nodes.
CALL () { MATCH (n) RETURN count(n) AS everything }
CALL () { MATCH (m:SchemaMigration) RETURN count(m) AS markers }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN everything - markers AS nodes, relationships
