// Removes the sources' evidence for roles, memberships and participations
// (found through the sourceId indexes), then deletes the facts no evidence
// supports any more.
UNWIND $sourceIds AS sid
CALL (sid) {
  MATCH (a)-[e:HOLDS_ROLE_EVIDENCE {sourceId: sid}]->(b)
  WITH a, b, e.title AS title, e
  DELETE e
  WITH DISTINCT a, b, title
  MATCH (a)-[r:HOLDS_ROLE {title: title}]->(b)
  WHERE NOT EXISTS { MATCH (a)-[:HOLDS_ROLE_EVIDENCE {title: title}]->(b) }
  DELETE r
}
CALL (sid) {
  MATCH (a)-[e:MEMBER_OF_EVIDENCE {sourceId: sid}]->(b)
  WITH a, b, e
  DELETE e
  WITH DISTINCT a, b
  MATCH (a)-[r:MEMBER_OF]->(b)
  WHERE NOT EXISTS { MATCH (a)-[:MEMBER_OF_EVIDENCE]->(b) }
  DELETE r
}
CALL (sid) {
  MATCH (a)-[e:PARTICIPATED_IN_EVIDENCE {sourceId: sid}]->(b)
  WITH a, b, e
  DELETE e
  WITH DISTINCT a, b
  MATCH (a)-[r:PARTICIPATED_IN]->(b)
  WHERE NOT EXISTS { MATCH (a)-[:PARTICIPATED_IN_EVIDENCE]->(b) }
  DELETE r
}
