{
  from: p {.id, .name, .aliases, .description, labels: labels(p)},
  to: o {.id, .name, .aliases, .description, .kind, .date, .endDate, .location, labels: labels(o)},
  title: r.title, role: r.role,
  evidence: CASE WHEN $with.evidence THEN COLLECT {
    MATCH (p)-[e]->(o)
    WHERE type(e) = type(r) + '_EVIDENCE' AND coalesce(e.title, '') = coalesce(r.title, '')
    MATCH (s:Source {id: e.sourceId})
    WITH e, s ORDER BY s.sortDate DESC, s.id, e.start
    RETURN {source: s {.id, .title, .publisher, .url, .publishedAt}, start: e.start, end: e.end, excerpt: e.excerpt}
  } ELSE [] END
}
