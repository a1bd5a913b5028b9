// Completes a graph written by the offline import (importfiles.go) on its
// first start: the bulk importer stores no empty list, so the lists that
// are empty (the evidence of a source that names an entity, event or
// topic without saying where; the aliases a source gives, or an entity
// has, when there are none) are set here, in batches. One pass per label
// whose links may hold empty lists: statements' links never do, and
// there are as many of those as statements. Statements are separated by
// semicolons at the end of a line. The PendingImport node, which the
// import writes, goes last: a start that fails midway runs this again.
// Two concurrent transactions: each write locks only its relationship,
// and setting the five lists of 900,000 entity links took 21 s in one
// transaction at a time and 17 s in two, on 2 cores.
MATCH (:Entity)-[l:IN_SOURCE]->()
WHERE l.starts IS NULL OR l.aliases IS NULL OR l.keys IS NULL
CALL (l) {
  SET l.starts = coalesce(l.starts, []), l.ends = coalesce(l.ends, []), l.excerpts = coalesce(l.excerpts, []),
      l.aliases = coalesce(l.aliases, []), l.keys = coalesce(l.keys, [])
} IN 2 CONCURRENT TRANSACTIONS OF 10000 ROWS;
MATCH (:Topic)-[l:IN_SOURCE]->()
WHERE l.starts IS NULL
CALL (l) {
  SET l.starts = [], l.ends = [], l.excerpts = []
} IN 2 CONCURRENT TRANSACTIONS OF 10000 ROWS;
MATCH (:Event)-[l:IN_SOURCE]->()
WHERE l.starts IS NULL
CALL (l) {
  SET l.starts = [], l.ends = [], l.excerpts = []
} IN TRANSACTIONS OF 10000 ROWS;
MATCH (e:Entity)
WHERE e.aliases IS NULL
CALL (e) {
  SET e.aliases = []
} IN TRANSACTIONS OF 10000 ROWS;
MATCH (p:PendingImport)
DELETE p;
