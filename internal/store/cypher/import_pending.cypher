// Whether the graph came from the offline import and is not yet completed
// (import_finish): one lookup in the count store.
MATCH (p:PendingImport)
RETURN count(p) > 0 AS pending
