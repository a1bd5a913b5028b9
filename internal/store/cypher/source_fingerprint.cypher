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
  CALL (s) {
    MATCH (n)-[e:HOLDS_ROLE_EVIDENCE {sourceId: s.id}]->(o) RETURN n, o, 'HOLDS_ROLE' AS t, e.title AS title, e
    UNION ALL
    MATCH (n)-[e:MEMBER_OF_EVIDENCE {sourceId: s.id}]->(o) RETURN n, o, 'MEMBER_OF' AS t, '' AS title, e
    UNION ALL
    MATCH (n)-[e:PARTICIPATED_IN_EVIDENCE {sourceId: s.id}]->(o) RETURN n, o, 'PARTICIPATED_IN' AS t, '' AS title, e
  }
  WITH n, o, t, title, e ORDER BY e.start, e.end
  WITH n, o, t, title, collect([e.start, e.end]) AS ev
  MATCH (n)-[r]->(o) WHERE type(r) = t AND coalesce(r.title, '') = title
  RETURN collect({
    kind: CASE t WHEN 'HOLDS_ROLE' THEN 'roles' WHEN 'MEMBER_OF' THEN 'memberships' ELSE 'participations' END,
    key: n.id + ' ' + title + ' ' + o.id,
    rel: {type: t, from: n.id, title: title, to: o.id},
    value: [r.role, ev]
  }) AS e
}
RETURN a + b + c + d + e AS items
