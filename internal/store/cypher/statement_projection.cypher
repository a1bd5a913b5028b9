st {
  .id, .kind, .text, .attribution, .date, .sortDate, .sourceId, .position,
  speaker: head([(sp:Entity)-[:SAID]->(st) | sp {.id, .name, .aliases, .description, labels: labels(sp)}]),
  about: [(st)-[r:ABOUT]->(x) | x {.id, .name, .aliases, .description, .kind, .date, .endDate, .location, labels: labels(x), ord: r.ord}],
  event: head([(st)-[:DURING]->(ev:Event) | ev {.id, .name, .kind, .description, .date, .endDate, .location}]),
  topics: [(st)-[r:ON_TOPIC]->(t:Topic) | t {.id, .name, ord: r.ord}],
  evidence: head([(st)-[l:IN_SOURCE]->(s:Source) | {source: s {.id, .title, .publisher, .url, .publishedAt}, start: l.starts[0], end: l.ends[0], excerpt: l.excerpts[0]}])
}
