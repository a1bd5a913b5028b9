{
  from: p {.id, .name, labels: labels(p), aliases: CASE WHEN $with.details THEN p.aliases END, description: CASE WHEN $with.details THEN p.description END},
  to: o {.id, .name, labels: labels(o),
      aliases: CASE WHEN $with.details THEN o.aliases END, description: CASE WHEN $with.details THEN o.description END,
      kind: CASE WHEN $with.details THEN o.kind END, date: CASE WHEN $with.details THEN o.date END,
      endDate: CASE WHEN $with.details THEN o.endDate END, location: CASE WHEN $with.details THEN o.location END},
  title: r.title, role: r.role,
  evidence: CASE WHEN $with.evidence THEN COLLECT {
    MATCH (p)-[e]->(o)
    WHERE type(e) = type(r) + '_EVIDENCE' AND coalesce(e.title, '') = coalesce(r.title, '')
    MATCH (s:Source {id: e.sourceId})
    WITH e, s ORDER BY s.sortDate DESC, s.id, e.start
    RETURN {source: s {.id, .title, publisher: CASE WHEN $with.details THEN s.publisher END, url: CASE WHEN $with.details THEN s.url END, publishedAt: CASE WHEN $with.details THEN s.publishedAt END}, start: e.start, end: e.end, excerpt: e.excerpt}
  } ELSE [] END
}
