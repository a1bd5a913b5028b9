// Q6: who speaks about an entity: the 20 speakers with the most statements
// about it, ties by id.
MATCH (sp:Entity)-[:SAID]->(st:Statement)-[:ABOUT]->(:Entity {id: $id})
WITH sp, count(st) AS count
ORDER BY count DESC, sp.id
LIMIT 20
RETURN sp.id AS key, count, sp {.id, .name} AS node
