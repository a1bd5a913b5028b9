// Takes the write lock of a source about to be deleted, if it exists, so
// that a delete and a load of the same source run one after the other.
MATCH (s:Source {id: $id})
SET s.loadLock = true
REMOVE s.loadLock
