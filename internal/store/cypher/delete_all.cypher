// The second half of DeleteAll: every node, now without relationships, in
// batches. Used by tests on their own database only. The feed's counter
// stays, so servers following the feed never see sequence numbers go
// back. The migration markers stay (see DeleteAll): the empty graph is in
// the migrated shape, and so is everything loaded into it after.
MATCH (n)
WHERE NOT n:SchemaMigration AND NOT n:ChangeFeed
CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS
