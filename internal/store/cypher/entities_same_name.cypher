// Entities of one label whose folded name or alias is one of $keys: the
// candidates a new entity may duplicate. The full-text index finds
// candidates by phrase (keys are folded words, safe as a Lucene phrase);
// the exact comparison on nameKeys decides. $label is from the allow-list.
UNWIND $keys AS key
CALL db.index.fulltext.queryNodes('entity_names', '"' + key + '"', {limit: 50}) YIELD node AS e
WITH key, e
WHERE key IN e.nameKeys AND $label IN labels(e)
RETURN key, collect(DISTINCT e.id) AS ids
