// Which of a deleted source's facts are still in the graph, held up by
// other sources.
RETURN [id IN $entities WHERE EXISTS { MATCH (:Entity {id: id}) }] AS entities,
       [id IN $events WHERE EXISTS { MATCH (:Event {id: id}) }] AS events,
       [id IN $topics WHERE EXISTS { MATCH (:Topic {id: id}) }] AS topics,
       [k IN $rels WHERE EXISTS {
          MATCH (a:Entity {id: k.from})-[r]->(b:Entity|Event {id: k.to})
          WHERE type(r) = k.type AND coalesce(r.title, '') = k.title
        } | k.key] AS rels
