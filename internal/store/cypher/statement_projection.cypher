st {
  .id{% if .Meta %}, .kind, .attribution{% end %}{% if .Text %}, .text{% end %}, .date{% if .Keys %}, .sortDate, .sourceId, .position{% end %}
  {%- if .Speaker %},
  speaker: head([(sp:Entity)-[:SAID]->(st) | sp {.id, .name, labels: labels(sp){% if .Details %}, .aliases, .description{% end %}}])
  {%- end %}{% if .About %},
  about: [(st)-[r:ABOUT]->(x) | x {.id, .name, labels: labels(x){% if .Details %}, .aliases, .description, .kind, .date, .endDate, .location{% end %}, ord: r.ord}]
  {%- end %}{% if .Event %},
  event: head([(st)-[:DURING]->(ev:Event) | ev {.id, .name, .kind, .description, .date, .endDate, .location}])
  {%- end %}{% if .Topics %},
  topics: [(st)-[r:ON_TOPIC]->(t:Topic) | t {.id, .name, ord: r.ord}]
  {%- end %}{% if .Evidence %},
  evidence: head([(st)-[l:IN_SOURCE]->(s:Source) | {source: s {.id, .title{% if .Details %}, .publisher, .url, .publishedAt{% end %}}, start: l.starts[0], end: l.ends[0], excerpt: l.excerpts[0]}])
  {%- end %}
}
