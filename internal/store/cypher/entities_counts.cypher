// Entities' stored statement counts, one row per id in the order given;
// null counts for a missing id, so loaders can answer in key order.
UNWIND $ids AS id
OPTIONAL MATCH (e:Entity {id: id})
RETURN id, e.quotedCount AS quoted, e.mentionedCount AS mentioned
