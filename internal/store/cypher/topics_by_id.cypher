UNWIND $ids AS id
OPTIONAL MATCH (t:Topic {id: id})
RETURN id, CASE WHEN t IS NULL THEN null ELSE t {.id, .name} END AS t
