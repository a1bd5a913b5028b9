// Statements, created afresh: the loader removed the source's old ones.
// sortDate ('' when undated), sourceId and position are kept on the node for
// the stable statement order: newest first, then source, then position in
// the source text; newestKey and oldestKey are that order (and OLDEST's) as
// one string each, for the range indexes that serve pages (statementKey in
// statement.go builds the same keys; migrate_statement_keys sets them on
// older graphs). ord keeps the document's order of about and topics.
UNWIND $statements AS row
MATCH (s:Source {id: row.sourceId})
MATCH (speaker:Entity {id: row.speaker})
CREATE (st:Statement {
  id: row.id, kind: row.kind, text: row.text, attribution: row.attribution,
  date: row.date, dateStart: row.dateStart, dateEnd: row.dateEnd,
  sortDate: coalesce(row.dateStart, ''), sourceId: row.sourceId, position: row.start
})
SET st.newestKey = CASE st.sortDate WHEN '' THEN '~' ELSE right('0000000' + toString(99999999 - toInteger(replace(st.sortDate, '-', ''))), 8) END
      + ' ' + st.sourceId + ' ' + right('000000000' + toString(st.position), 10) + ' ' + st.id,
    st.oldestKey = CASE st.sortDate WHEN '' THEN '~' ELSE replace(st.sortDate, '-', '') END
      + ' ' + st.sourceId + ' ' + right('000000000' + toString(st.position), 10) + ' ' + st.id
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
