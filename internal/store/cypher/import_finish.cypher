// Completes a graph written by the offline import (importfiles.go) on its
// first start: the bulk importer stores no empty list, so the lists that
// are empty (evidence of a source that names an entity or topic without
// saying where, aliases of an entity that has none) are set here, in
// batches. Statements are separated by semicolons at the end of a line.
// The PendingImport node, which the import writes, goes last: a start
// that fails midway runs this again.
MATCH ()-[l:IN_SOURCE]->()
WHERE l.starts IS NULL OR l.ends IS NULL OR l.excerpts IS NULL
CALL (l) {
  SET l.starts = coalesce(l.starts, []), l.ends = coalesce(l.ends, []), l.excerpts = coalesce(l.excerpts, [])
} IN TRANSACTIONS OF 10000 ROWS;
MATCH (:Entity)-[l:IN_SOURCE]->()
WHERE l.aliases IS NULL OR l.keys IS NULL
CALL (l) {
  SET l.aliases = coalesce(l.aliases, []), l.keys = coalesce(l.keys, [])
} IN TRANSACTIONS OF 10000 ROWS;
MATCH (e:Entity)
WHERE e.aliases IS NULL
CALL (e) {
  SET e.aliases = []
} IN TRANSACTIONS OF 10000 ROWS;
MATCH (p:PendingImport)
DELETE p;
