// Each entity's events and statements (said or mentioned in); the caller
// orders them. One row per id, in the order given.
UNWIND $ids AS id
CALL (id) {
  OPTIONAL MATCH (:Entity {id: id})-[:PARTICIPATED_IN]->(ev:Event)
  RETURN collect(ev {.id, .name, .kind, .description, .date, .endDate, .location, .sortDate, relation: 'PARTICIPATED'}) AS events
}
CALL (id) {
  CALL (id) {
    MATCH (:Entity {id: id})-[:SAID]->(st:Statement)
    RETURN st, 'SAID' AS relation
    UNION
    MATCH (st:Statement)-[:ABOUT]->(:Entity {id: id})
    RETURN st, 'MENTIONED' AS relation
  }
  RETURN collect({relation: relation, sortDate: st.sortDate, sourceId: st.sourceId, position: st.position, statement: {{PROJECTION}}}) AS statements
}
RETURN id, events, statements
