// Gives entities loaded before their statement counts were kept the
// counts (as entities_refresh_counts computes them). Idempotent: only
// entities without both counts are touched, so on a migrated graph this
// reads the entities and writes nothing. Runs in batches, so a large graph
// does not need one huge transaction.
MATCH (e:Entity)
WHERE e.quotedCount IS NULL OR e.mentionedCount IS NULL
CALL (e) {
  SET e.quotedCount = COUNT { (e)-[:SAID]->() },
      e.mentionedCount = COUNT { (e)<-[:ABOUT]-() }
} IN TRANSACTIONS OF 1000 ROWS
