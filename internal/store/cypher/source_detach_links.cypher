// Unlinks the entities, events and topics the sources named, returning
// them: after the new versions are written, those no source names any
// more go.
UNWIND $sourceIds AS sid
MATCH (n)-[l:IN_SOURCE]->(:Source {id: sid})
WITH n, l, CASE WHEN n:Entity THEN 'Entity' WHEN n:Event THEN 'Event' WHEN n:Topic THEN 'Topic' END AS label
DELETE l
RETURN label, collect(DISTINCT n.id) AS ids
