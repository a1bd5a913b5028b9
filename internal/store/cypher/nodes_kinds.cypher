// Which of these ids exist, and with which labels: documents may refer to
// entities, events and topics that other sources brought in. One lookup
// per label, so each uses its id index.
UNWIND $ids AS id
OPTIONAL MATCH (e:Entity {id: id})
OPTIONAL MATCH (ev:Event {id: id})
OPTIONAL MATCH (t:Topic {id: id})
WITH id, coalesce(e, ev, t) AS n
RETURN id, CASE WHEN n IS NULL THEN null ELSE labels(n) END AS labels
