// Unlinks the entities, events and topics the source named, returning them:
// after the new version is written, those no source names any more go.
MATCH (n)-[l:IN_SOURCE]->(:Source {id: $sourceId})
WITH n, l, CASE WHEN n:Entity THEN 'Entity' WHEN n:Event THEN 'Event' WHEN n:Topic THEN 'Topic' END AS label
DELETE l
RETURN label, collect(n.id) AS ids
