st {
  .id, .kind, .text, .attribution, .date, .sortDate, .sourceId, .position,
  speaker: CASE WHEN $with.speaker THEN head([(sp:Entity)-[:SAID]->(st) | sp {.id, .name, .aliases, .description, labels: labels(sp)}]) END,
  about: CASE WHEN $with.about THEN [(st)-[r:ABOUT]->(x) | x {.id, .name, .aliases, .description, .kind, .date, .endDate, .location, labels: labels(x), ord: r.ord}] END,
  event: CASE WHEN $with.event THEN head([(st)-[:DURING]->(ev:Event) | ev {.id, .name, .kind, .description, .date, .endDate, .location}]) END,
  topics: CASE WHEN $with.topics THEN [(st)-[r:ON_TOPIC]->(t:Topic) | t {.id, .name, ord: r.ord}] END,
  evidence: CASE WHEN $with.evidence THEN head([(st)-[l:IN_SOURCE]->(s:Source) | {source: s {.id, .title, .publisher, .url, .publishedAt}, start: l.starts[0], end: l.ends[0], excerpt: l.excerpts[0]}]) END
}
