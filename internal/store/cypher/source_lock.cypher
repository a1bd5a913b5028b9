// Takes the write lock of each source about to be loaded, first in the
// transaction, creating the ones that are new. Two loads of one source
// (two replicas, or a retry racing the first try) then run one after the
// other: the second sees what the first committed, and neither creates
// the same statement twice. $ids are sorted, so loads of several sources
// take their locks in one order and cannot deadlock. Returns which of the
// sources existed before.
UNWIND $ids AS id
MERGE (s:Source {id: id})
ON CREATE SET s.loadCreated = true
WITH s, s.loadCreated IS NULL AS existed
SET s.loadLock = true
REMOVE s.loadCreated, s.loadLock
RETURN collect(CASE WHEN existed THEN s.id END) AS existing
