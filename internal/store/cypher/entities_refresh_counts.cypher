// Recounts, exactly, the statements entities said (quotedCount) and the
// statements about them (mentionedCount), for the entities whose
// statements a load or delete changed; rows come sorted by id. SAID only
// ever leads from an entity to a statement and ABOUT only into one from a
// statement (at most once per statement: a document may not list an id
// twice in about), so the counts are the entity's degrees, which Neo4j
// reads without visiting the statements.
//
// The write lock is taken before counting (the _countLock property, set
// and removed in this query, never committed): adding a relationship to a
// dense node does not lock it, so two loads adding statements to one
// popular entity would otherwise each count without the other's and the
// last to commit would lose an update. Holding the lock, the count sees
// every load that committed before.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
SET e._countLock = true
WITH e
SET e.quotedCount = COUNT { (e)-[:SAID]->() },
    e.mentionedCount = COUNT { (e)<-[:ABOUT]-() }
REMOVE e._countLock
