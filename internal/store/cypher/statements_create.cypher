// Statements, created afresh: the loader removed the source's old ones.
// sortDate ('' when undated), sourceId and position are kept on the node for
// the stable statement order: newest first, then source, then position in
// the source text. ord keeps the document's order of about and topics.
UNWIND $statements AS row
MATCH (s:Source {id: row.sourceId})
MATCH (speaker:Entity {id: row.speaker})
CREATE (st:Statement {
  id: row.id, kind: row.kind, text: row.text, attribution: row.attribution,
  date: row.date, dateStart: row.dateStart, dateEnd: row.dateEnd,
  sortDate: coalesce(row.dateStart, ''), sourceId: row.sourceId, position: row.start
})
CREATE (speaker)-[:SAID]->(st)
CREATE (st)-[:IN_SOURCE {starts: [row.start], ends: [row.end], excerpts: [row.excerpt]}]->(s)
WITH st, row
CALL (st, row) {
  UNWIND range(0, size(row.about) - 1) AS i
  WITH i, row.about[i] AS id
  OPTIONAL MATCH (e:Entity {id: id})
  OPTIONAL MATCH (ev:Event {id: id})
  WITH i, coalesce(e, ev) AS x
  CREATE (st)-[:ABOUT {ord: i}]->(x)
}
CALL (st, row) {
  UNWIND range(0, size(row.topics) - 1) AS i
  MATCH (t:Topic {id: row.topics[i]})
  CREATE (st)-[:ON_TOPIC {ord: i}]->(t)
}
CALL (st, row) {
  UNWIND row.events AS id
  MATCH (ev:Event {id: id})
  CREATE (st)-[:DURING]->(ev)
}
