// What the extractor needs of the graph, in one round trip: every entity's
// names, every role, every topic with the text of up to 50 statements on it
// (enough to recognise its words, bounded however much is said on it).
CALL () {
  MATCH (e:Entity)
  RETURN collect(e {.id, .name, .aliases, labels: labels(e)}) AS entities
}
CALL () {
  MATCH (p:Person)-[r:HOLDS_ROLE]->(o:Entity)
  RETURN collect({person: p.id, title: r.title, of: o.id}) AS roles
}
CALL () {
  MATCH (t:Topic)
  OPTIONAL MATCH (s:Statement)-[:ON_TOPIC]->(t)
  WITH t, collect(s.text)[..50] AS texts
  RETURN collect({id: t.id, name: t.name, texts: texts}) AS topics
}
RETURN entities, roles, topics
