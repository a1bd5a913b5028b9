// Each event's participants, by name.
UNWIND $ids AS id
CALL (id) {
  OPTIONAL MATCH (p:Entity)-[r:PARTICIPATED_IN]->(o:Event {id: id})
  WITH p, r, o ORDER BY p.sortKey, p.id
  RETURN collect(CASE WHEN r IS NULL THEN null ELSE {{FACT}} END) AS facts
}
RETURN id, facts
