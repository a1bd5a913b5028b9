{
  from: p {.id, .name, .aliases, .description, labels: labels(p)},
  to: o {.id, .name, .aliases, .description, .kind, .date, .endDate, .location, labels: labels(o)},
  title: r.title, role: r.role,
  evidence: [i IN range(0, size(r.evSources) - 1) | {
    source: COLLECT { MATCH (s:Source {id: r.evSources[i]}) RETURN s {.id, .title, .publisher, .url, .publishedAt} }[0],
    start: r.evStarts[i], end: r.evEnds[i], excerpt: r.evExcerpts[i]
  }]
}
