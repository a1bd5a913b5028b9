// Topics and their IN_SOURCE links. A topic that exists is only read here
// (locking it takes only the link): every source names a handful of the
// same topics, and locking them in each transaction made concurrent loads
// wait on, and deadlock over, one another. The link keeps the name this
// source gives; topics_refresh then sets the name of the greatest source
// id, and only for topics whose name may change.
UNWIND $topics AS row
MATCH (s:Source {id: row.sourceId})
OPTIONAL MATCH (found:Topic {id: row.id})
WITH row, s, found
CALL (row, found) {
  WITH row, found WHERE found IS NULL
  MERGE (t:Topic {id: row.id})
  SET t.name = row.name
}
MATCH (t:Topic {id: row.id})
CREATE (t)-[:IN_SOURCE {starts: [], ends: [], excerpts: [], name: row.name}]->(s)
