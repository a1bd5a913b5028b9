// Constraints and indexes, created idempotently at start. Statements are
// separated by semicolons at the end of a line. Labels here are fixed text,
// never input.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT nation_id IF NOT EXISTS FOR (n:Nation) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organisation_id IF NOT EXISTS FOR (n:Organisation) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT statement_id IF NOT EXISTS FOR (n:Statement) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT topic_id IF NOT EXISTS FOR (n:Topic) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
// One node per start-up migration that has completed on this database
// (EnsureSchema): the constraint lets servers starting together MERGE the
// same marker without making two.
CREATE CONSTRAINT schema_migration_name IF NOT EXISTS FOR (n:SchemaMigration) REQUIRE n.name IS UNIQUE;
// Entities list in name order; this index serves ORDER BY sortKey with LIMIT.
CREATE INDEX entity_sort IF NOT EXISTS FOR (n:Entity) ON (n.sortKey);
// Entities list most quoted or most mentioned first; these serve ORDER BY
// quotedCount DESC (mentionedCount DESC) with LIMIT, without statements.
CREATE INDEX entity_quoted IF NOT EXISTS FOR (n:Entity) ON (n.quotedCount);
CREATE INDEX entity_mentioned IF NOT EXISTS FOR (n:Entity) ON (n.mentionedCount);
// Full-text indexes. standard-folding lower-cases and strips accents, so
// "Zelenskiy", "ZELENSKIY" and "Zélenskiy" index alike; aliases is a list.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliases] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};
CREATE FULLTEXT INDEX statement_text IF NOT EXISTS FOR (n:Statement) ON EACH [n.text] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};
CREATE FULLTEXT INDEX event_names IF NOT EXISTS FOR (n:Event) ON EACH [n.name] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};
// Range indexes behind the stable orders of statements, events and sources.
CREATE INDEX statement_order IF NOT EXISTS FOR (n:Statement) ON (n.sortDate, n.sourceId, n.position);
// Statements list newest (oldest) first by reading these in order: each key
// is one string whose ascending order is the list's order (statementKey in
// statement.go), so ORDER BY newestKey LIMIT n and a keyset cursor seek the
// index instead of sorting every statement.
CREATE INDEX statement_newest IF NOT EXISTS FOR (n:Statement) ON (n.newestKey);
CREATE INDEX statement_oldest IF NOT EXISTS FOR (n:Statement) ON (n.oldestKey);
CREATE INDEX event_order IF NOT EXISTS FOR (n:Event) ON (n.sortDate);
CREATE INDEX source_order IF NOT EXISTS FOR (n:Source) ON (n.sortDate);
CREATE INDEX statement_kind IF NOT EXISTS FOR (n:Statement) ON (n.kind);
// Evidence for roles, memberships and participations: one relationship per
// piece of evidence, found by its source's id when the source is replaced.
CREATE INDEX role_evidence_source IF NOT EXISTS FOR ()-[r:HOLDS_ROLE_EVIDENCE]-() ON (r.sourceId);
CREATE INDEX membership_evidence_source IF NOT EXISTS FOR ()-[r:MEMBER_OF_EVIDENCE]-() ON (r.sourceId);
CREATE INDEX participation_evidence_source IF NOT EXISTS FOR ()-[r:PARTICIPATED_IN_EVIDENCE]-() ON (r.sourceId);

// Last: wait until every index is online, so the first queries use them.
// Building them over a large imported graph (newsgraph import) takes
// minutes on its first start; later starts find them online at once.
CALL db.awaitIndexes(900);
// The change feed (feed.go): one (:ChangeFeed) node holds the last
// sequence number; each ingest or delete adds a (:Change) with the next
// one. Servers follow the feed by seq, and prune it by time.
CREATE CONSTRAINT change_feed_id IF NOT EXISTS FOR (n:ChangeFeed) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT change_seq IF NOT EXISTS FOR (n:Change) REQUIRE n.seq IS UNIQUE;
CREATE INDEX change_at IF NOT EXISTS FOR (n:Change) ON (n.at);
