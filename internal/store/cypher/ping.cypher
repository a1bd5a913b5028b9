// A trivial read: it answers only when Neo4j is up, the credentials work
// and the database is online.
RETURN 1 AS ok
