// Topics and their IN_SOURCE links. A topic that exists is only read, and
// written (which takes its lock) only when its name changes: every source
// names a handful of the same topics, and locking them in each transaction
// made concurrent loads wait on, and deadlock over, one another.
UNWIND $topics AS row
MATCH (s:Source {id: row.sourceId})
OPTIONAL MATCH (found:Topic {id: row.id})
WITH row, s, found
CALL (row, found) {
  WITH row, found WHERE found IS NULL
  MERGE (t:Topic {id: row.id})
  SET t.name = row.name
}
CALL (row, found) {
  WITH row, found AS t WHERE t IS NOT NULL AND t.name <> row.name
  SET t.name = row.name
}
MATCH (t:Topic {id: row.id})
CREATE (t)-[:IN_SOURCE {starts: [], ends: [], excerpts: []}]->(s)
