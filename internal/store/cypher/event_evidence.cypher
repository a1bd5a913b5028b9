// Each event's evidence: every span of every source that reports it.
UNWIND $ids AS id
CALL (id) {
  MATCH (:Event {id: id})-[l:IN_SOURCE]->(s:Source)
  WITH l, s ORDER BY s.sortDate DESC, s.id
  UNWIND range(0, size(l.starts) - 1) AS i
  RETURN collect({source: s {.id, .title, .publisher, .url, .publishedAt}, start: l.starts[i], end: l.ends[i], excerpt: l.excerpts[i]}) AS evidence
}
RETURN id, evidence
