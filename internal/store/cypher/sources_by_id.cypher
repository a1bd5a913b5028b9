// Sources without their text, which only Source.text loads.
UNWIND $ids AS id
OPTIONAL MATCH (s:Source {id: id})
RETURN id, CASE WHEN s IS NULL THEN null ELSE s {.id, .title, .publisher, .url, .publishedAt} END AS s
