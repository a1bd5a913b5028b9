// Appends changes to the feed, last in the write transaction that made
// them. Setting the counter locks the (:ChangeFeed) node until the
// transaction commits, so sequence numbers are given in commit order: a
// reader that has seen change n has seen every change before it.
MERGE (f:ChangeFeed {id: 'changes'})
SET f.seq = coalesce(f.seq, 0) + size($changes)
WITH f.seq - size($changes) AS base
UNWIND range(0, size($changes) - 1) AS i
WITH base + i + 1 AS seq, $changes[i] AS c
// realtime, not datetime(): that is the transaction clock, its start.
CREATE (:Change {seq: seq, kind: c.kind, sourceId: c.sourceId, added: c.added, counts: c.counts, at: datetime.realtime()})
