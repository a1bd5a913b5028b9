// Every span of each source's text that supports something, in text order:
// the evidence of its statements and events (the IN_SOURCE lists), of its
// roles, memberships and participations (the <TYPE>_EVIDENCE relationships
// that carry its id, found by index) and the places where it names
// entities. Each fact comes whole, as every other read gives it. One row
// per id, in the order given; an unknown source has an empty list. The
// variables keep clear of the names the projections use inside them (s, l,
// e, r, …), which a subquery would otherwise take from here.
UNWIND $ids AS id
CALL (id) {
  OPTIONAL MATCH (src:Source {id: id})
  CALL (src) {
    MATCH (st:Statement)-[link:IN_SOURCE]->(src)
    RETURN 'STATEMENT' AS kind, link.starts[0] AS start, link.ends[0] AS end, link.excerpts[0] AS excerpt, st.id AS key, {{PROJECTION}} AS item
    UNION ALL
    MATCH (n:Event)-[link:IN_SOURCE]->(src)
    UNWIND range(0, size(link.starts) - 1) AS i
    RETURN 'EVENT' AS kind, link.starts[i] AS start, link.ends[i] AS end, link.excerpts[i] AS excerpt, n.id AS key,
      n {.id, .name, .kind, .description, .date, .endDate, .location} AS item
    UNION ALL
    MATCH (n:Entity)-[link:IN_SOURCE]->(src)
    UNWIND range(0, size(link.starts) - 1) AS i
    RETURN 'MENTION' AS kind, link.starts[i] AS start, link.ends[i] AS end, link.excerpts[i] AS excerpt, n.id AS key,
      n {.id, .name, .aliases, .description, labels: labels(n), sourceAliases: coalesce(link.aliases, [])} AS item
    UNION ALL
    MATCH (p)-[span:HOLDS_ROLE_EVIDENCE {sourceId: src.id}]->(o)
    MATCH (p)-[r:HOLDS_ROLE {title: span.title}]->(o)
    RETURN 'ROLE' AS kind, span.start AS start, span.end AS end, span.excerpt AS excerpt, p.id + ' ' + r.title + ' ' + o.id AS key, {{FACT}} AS item
    UNION ALL
    MATCH (p)-[span:MEMBER_OF_EVIDENCE {sourceId: src.id}]->(o)
    MATCH (p)-[r:MEMBER_OF]->(o)
    RETURN 'MEMBERSHIP' AS kind, span.start AS start, span.end AS end, span.excerpt AS excerpt, p.id + ' ' + o.id AS key, {{FACT}} AS item
    UNION ALL
    MATCH (p)-[span:PARTICIPATED_IN_EVIDENCE {sourceId: src.id}]->(o)
    MATCH (p)-[r:PARTICIPATED_IN]->(o)
    RETURN 'PARTICIPATION' AS kind, span.start AS start, span.end AS end, span.excerpt AS excerpt, p.id + ' ' + o.id AS key, {{FACT}} AS item
  }
  WITH kind, start, end, excerpt, key, item ORDER BY start, end, kind, key
  RETURN collect({kind: kind, start: start, end: end, excerpt: excerpt, item: item}) AS evidence
}
RETURN id, evidence
