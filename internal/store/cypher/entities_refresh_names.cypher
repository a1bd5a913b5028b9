// Recomputes entities' aliases and name keys from the sources that still
// name them, oldest source first, so aliases keep a stable order. Only
// entities whose names may have changed are recomputed: those that lost a
// source (force), whose name changed, or to which a new source gives an
// alias or a name key they lack. A bulk load mostly repeats what an entity
// already has, and a popular entity has thousands of sources to read.
// (A source loaded later than a newer one, that repeats known aliases in
// another order, does not reorder them.)
UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
WITH e, row
WHERE row.force OR e.aliases IS NULL OR e.nameKeys IS NULL OR e.nameKeys[0] <> e.sortKey OR e.name IN e.aliases
   OR any(x IN row.aliases WHERE x <> e.name AND NOT x IN e.aliases)
   OR any(k IN row.keys WHERE NOT k IN e.nameKeys)
OPTIONAL MATCH (e)-[l:IN_SOURCE]->(s:Source)
WITH e, l ORDER BY s.sortDate, s.id
WITH e, collect(l) AS links
WITH e,
     reduce(a = [], l IN links | a + [x IN coalesce(l.aliases, []) WHERE NOT x IN a AND x <> e.name]) AS aliases,
     reduce(k = [e.sortKey], l IN links | k + [x IN coalesce(l.keys, []) WHERE NOT x IN k]) AS keys
WITH e, aliases, keys WHERE e.aliases IS NULL OR e.aliases <> aliases OR e.nameKeys <> keys
SET e.aliases = aliases, e.nameKeys = keys
