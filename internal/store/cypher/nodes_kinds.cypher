// Which of these ids exist, and with which labels: documents may refer to
// entities, events and topics that other sources brought in.
UNWIND $ids AS id
OPTIONAL MATCH (n:Entity|Event|Topic {id: id})
RETURN id, CASE WHEN n IS NULL THEN null ELSE labels(n) END AS labels
