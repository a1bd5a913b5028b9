// The entities each source names, by name.
UNWIND $ids AS id
CALL (id) {
  MATCH (e:Entity)-[:IN_SOURCE]->(:Source {id: id})
  WITH e ORDER BY e.sortKey, e.id
  RETURN collect(e) AS entities
}
RETURN id, entities
