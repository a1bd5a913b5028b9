// Recomputes entities' aliases and name keys from the sources that still
// name them, oldest source first, so aliases keep a stable order.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
OPTIONAL MATCH (e)-[l:IN_SOURCE]->(s:Source)
WITH e, l ORDER BY s.sortDate, s.id
WITH e, collect(l) AS links
WITH e,
     reduce(a = [], l IN links | a + [x IN coalesce(l.aliases, []) WHERE NOT x IN a AND x <> e.name]) AS aliases,
     reduce(k = [e.sortKey], l IN links | k + [x IN coalesce(l.keys, []) WHERE NOT x IN k]) AS keys
WITH e, aliases, keys WHERE e.aliases IS NULL OR e.aliases <> aliases OR e.nameKeys <> keys
SET e.aliases = aliases, e.nameKeys = keys
