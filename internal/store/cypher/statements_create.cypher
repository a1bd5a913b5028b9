// Statements, created afresh: the loader removed the source's old ones.
// sourceId and position are kept on the node for the stable statement order
// (date, then source, then position in the source text).
MATCH (s:Source {id: $sourceId})
UNWIND $statements AS row
MATCH (speaker:Entity {id: row.speaker})
CREATE (st:Statement {
  id: row.id, kind: row.kind, text: row.text, attribution: row.attribution,
  date: row.date, dateStart: row.dateStart, dateEnd: row.dateEnd,
  sourceId: $sourceId, position: row.start
})
CREATE (speaker)-[:SAID]->(st)
CREATE (st)-[:IN_SOURCE {starts: [row.start], ends: [row.end], excerpts: [row.excerpt]}]->(s)
WITH st, row
CALL (st, row) {
  UNWIND row.aboutEntities AS id
  MATCH (x:Entity {id: id})
  CREATE (st)-[:ABOUT]->(x)
}
CALL (st, row) {
  UNWIND row.aboutEvents AS id
  MATCH (x:Event {id: id})
  CREATE (st)-[:ABOUT]->(x)
}
CALL (st, row) {
  UNWIND row.topics AS id
  MATCH (t:Topic {id: id})
  CREATE (st)-[:ON_TOPIC]->(t)
}
CALL (st, row) {
  UNWIND row.events AS id
  MATCH (ev:Event {id: id})
  CREATE (st)-[:DURING]->(ev)
}
