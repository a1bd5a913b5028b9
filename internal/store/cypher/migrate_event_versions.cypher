// Gives the IN_SOURCE links of events and topics loaded before the links
// kept each source's version the node's current properties, the best
// guess there is (reloading a source writes its own version). Idempotent:
// only links without a version are touched. Runs in batches.
MATCH (n:Event|Topic)-[l:IN_SOURCE]->(:Source)
WHERE (n:Event AND l.kind IS NULL) OR (n:Topic AND l.name IS NULL)
CALL (n, l) {
  SET l.name = n.name
  WITH n, l WHERE n:Event
  SET l.kind = n.kind, l.description = n.description, l.date = n.date, l.endDate = n.endDate,
      l.dateStart = n.dateStart, l.dateEnd = n.dateEnd, l.location = n.location
} IN TRANSACTIONS OF 1000 ROWS
