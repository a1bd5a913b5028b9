// Each event's participants, by name.
UNWIND $ids AS id
CALL (id) {
  MATCH (p:Entity)-[r:PARTICIPATED_IN]->(o:Event {id: id})
  WITH p, r, o ORDER BY p.sortKey, p.id
  RETURN collect({{FACT}}) AS facts
}
RETURN id, facts
