// Q2: an entity's 20 newest statements, each with speaker, about and evidence.
MATCH (:Entity {id: $id})-[:SAID]->(st:Statement)
WITH st ORDER BY st.sortDate DESC, st.sourceId, st.position, st.id LIMIT 20
MATCH (sp:Entity)-[:SAID]->(st)
MATCH (st)-[l:IN_SOURCE]->(s:Source)
RETURN st {.id, .text, .date,
  speaker: sp {.id, .name},
  about: COLLECT { MATCH (st)-[r:ABOUT]->(x) WITH r, x ORDER BY r.ord RETURN x {.id} },
  evidence: {start: l.starts[0], end: l.ends[0], excerpt: l.excerpts[0], source: s {.id, .title}}
} AS node
