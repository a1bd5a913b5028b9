st {
  .id, .kind, .text, .attribution, .date, .sortDate, .sourceId, .position,
  speaker: CASE WHEN $with.speaker THEN head([(sp:Entity)-[:SAID]->(st) | sp {.id, .name, labels: labels(sp), aliases: CASE WHEN $with.details THEN sp.aliases END, description: CASE WHEN $with.details THEN sp.description END}]) END,
  about: CASE WHEN $with.about THEN [(st)-[r:ABOUT]->(x) | x {.id, .name, labels: labels(x),
      aliases: CASE WHEN $with.details THEN x.aliases END, description: CASE WHEN $with.details THEN x.description END,
      kind: CASE WHEN $with.details THEN x.kind END, date: CASE WHEN $with.details THEN x.date END,
      endDate: CASE WHEN $with.details THEN x.endDate END, location: CASE WHEN $with.details THEN x.location END, ord: r.ord}] END,
  event: CASE WHEN $with.event THEN head([(st)-[:DURING]->(ev:Event) | ev {.id, .name, .kind, .description, .date, .endDate, .location}]) END,
  topics: CASE WHEN $with.topics THEN [(st)-[r:ON_TOPIC]->(t:Topic) | t {.id, .name, ord: r.ord}] END,
  evidence: CASE WHEN $with.evidence THEN head([(st)-[l:IN_SOURCE]->(s:Source) | {source: s {.id, .title, publisher: CASE WHEN $with.details THEN s.publisher END, url: CASE WHEN $with.details THEN s.url END, publishedAt: CASE WHEN $with.details THEN s.publishedAt END}, start: l.starts[0], end: l.ends[0], excerpt: l.excerpts[0]}]) END
}
