// Sets each topic's name to the one its source with the greatest id gives,
// as for events (events_refresh). A topic is recomputed only when it lost
// a source (force) or a document names it otherwise than it is named now:
// a popular topic has thousands of sources to read, and a source that
// repeats the current name cannot change it. Links without a name (older
// graphs; migrate_event_versions fills them in) are passed over.
UNWIND $rows AS row
MATCH (t:Topic {id: row.id})
WITH t, row
WHERE row.force OR any(n IN row.names WHERE n <> t.name)
CALL (t) {
  MATCH (t)-[l:IN_SOURCE]->(s:Source)
  WHERE l.name IS NOT NULL
  RETURN l ORDER BY s.id DESC LIMIT 1
}
WITH t, l WHERE t.name <> l.name
SET t.name = l.name
