// Entities by id, one row per id in the order given; e is null for a
// missing id, so loaders can return results in key order.
UNWIND $ids AS id
OPTIONAL MATCH (e:Entity {id: id})
RETURN id, e
