// Entities of one label whose folded name or alias is one of $keys: the
// candidates a new entity may duplicate. $label is from the allow-list.
UNWIND $keys AS key
MATCH (e:Entity)
WHERE key IN e.nameKeys AND $label IN labels(e)
RETURN key, collect(DISTINCT e.id) AS ids
