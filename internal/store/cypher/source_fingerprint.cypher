// Everything one source contributes, as comparable maps keyed by kind and
// id: taken before and after a load, the difference says what was
// created, updated, left unchanged or deleted.
MATCH (s:Source {id: $sourceId})
CALL (s) {
  MATCH (e:Entity)-[l:IN_SOURCE]->(s)
  RETURN collect({kind: 'entities', key: e.id, value: [e.name, l.aliases, e.description, labels(e), l.starts, l.ends]}) AS a
}
CALL (s) {
  MATCH (ev:Event)-[l:IN_SOURCE]->(s)
  RETURN collect({kind: 'events', key: ev.id, value: [ev.name, ev.kind, ev.description, ev.date, ev.endDate, ev.location, l.starts, l.ends]}) AS b
}
CALL (s) {
  MATCH (t:Topic)-[:IN_SOURCE]->(s)
  RETURN collect({kind: 'topics', key: t.id, value: [t.name]}) AS c
}
CALL (s) {
  MATCH (st:Statement)-[l:IN_SOURCE]->(s)
  RETURN collect({kind: 'statements', key: st.id, value: [st.kind, st.text, st.attribution, st.date, l.starts, l.ends,
    COLLECT { MATCH (sp)-[:SAID]->(st) RETURN sp.id },
    COLLECT { MATCH (st)-[r:ABOUT]->(x) RETURN [r.ord, x.id] AS a ORDER BY a },
    COLLECT { MATCH (st)-[:DURING]->(x) RETURN x.id },
    COLLECT { MATCH (st)-[r:ON_TOPIC]->(x) RETURN [r.ord, x.id] AS t ORDER BY t }]}) AS d
}
CALL (s) {
  MATCH (n)-[:IN_SOURCE]->(s)
  MATCH (n)-[r:HOLDS_ROLE|MEMBER_OF|PARTICIPATED_IN]->(o)
  WHERE s.id IN r.evSources
  WITH DISTINCT n, r, o
  RETURN collect({
    kind: CASE type(r) WHEN 'HOLDS_ROLE' THEN 'roles' WHEN 'MEMBER_OF' THEN 'memberships' ELSE 'participations' END,
    key: n.id + ' ' + coalesce(r.title, '') + ' ' + o.id,
    rel: {type: type(r), from: n.id, title: coalesce(r.title, ''), to: o.id},
    value: [r.role, [i IN range(0, size(r.evSources) - 1) WHERE r.evSources[i] = s.id | [r.evStarts[i], r.evEnds[i]]]]
  }) AS e
}
RETURN a + b + c + d + e AS items
