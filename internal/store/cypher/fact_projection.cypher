{
  from: p {.id, .name, labels: labels(p){% if .Details %}, .aliases, .description{% end %}},
  to: o {.id, .name, labels: labels(o){% if .Details %}, .aliases, .description, .kind, .date, .endDate, .location{% end %}},
  title: r.title, role: r.role
  {%- if .Evidence %},
  evidence: COLLECT {
    MATCH (p)-[e]->(o)
    WHERE type(e) = type(r) + '_EVIDENCE' AND coalesce(e.title, '') = coalesce(r.title, '')
    MATCH (s:Source {id: e.sourceId})
    WITH e, s ORDER BY s.sortDate DESC, s.id, e.start
    RETURN {source: s {.id, .title{% if .Details %}, .publisher, .url, .publishedAt{% end %}}, start: e.start, end: e.end, excerpt: e.excerpt}
  }
  {%- end %}
}
