// The second half of DeleteAll: every node, now without relationships, in
// batches. Used by tests on their own database only.
MATCH (n)
CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS
