// The first half of DeleteAll: every relationship, in batches. Deleting
// them before the nodes keeps each batch small: DETACH DELETE of a popular
// entity would take all of its relationships (hundreds of thousands in the
// benchmark's graph) in one transaction.
MATCH ()-[r]->()
CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS
