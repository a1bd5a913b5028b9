// The sources that name each entity, newest first.
UNWIND $ids AS id
CALL (id) {
  MATCH (:Entity {id: id})-[:IN_SOURCE]->(s:Source)
  WITH s ORDER BY s.sortDate DESC, s.id
  RETURN collect(s {.id, .title, .publisher, .url, .publishedAt}) AS sources
}
RETURN id, sources
