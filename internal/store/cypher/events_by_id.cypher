UNWIND $ids AS id
OPTIONAL MATCH (ev:Event {id: id})
RETURN id, CASE WHEN ev IS NULL THEN null ELSE ev {.id, .name, .kind, .description, .date, .endDate, .location} END AS ev
