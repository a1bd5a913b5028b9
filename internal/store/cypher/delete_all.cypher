// Deletes every node and relationship, in batches so a large graph does not
// need one huge transaction. Used by tests on their own database only.
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS
