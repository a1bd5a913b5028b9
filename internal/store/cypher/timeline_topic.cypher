// Each topic's statements and the events they were made at.
UNWIND $ids AS id
CALL (id) {
  OPTIONAL MATCH (:Topic {id: id})<-[:ON_TOPIC]-(:Statement)-[:DURING]->(ev:Event)
  WITH DISTINCT ev
  RETURN collect(ev {.id, .name, .kind, .description, .date, .endDate, .location, .sortDate, relation: 'DURING'}) AS events
}
CALL (id) {
  OPTIONAL MATCH (st:Statement)-[:ON_TOPIC]->(:Topic {id: id})
  WITH st WHERE st IS NOT NULL
  RETURN collect({relation: 'ON_TOPIC', sortDate: st.sortDate, sourceId: st.sourceId, position: st.position, statement: {{PROJECTION}}}) AS statements
}
RETURN id, events, statements
