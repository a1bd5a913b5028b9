// A role is one HOLDS_ROLE per (person, title, of), for traversal; each
// piece of evidence is its own HOLDS_ROLE_EVIDENCE beside it, carrying its
// source's id, so that a source's evidence is removed by deleting its own
// relationships (found by index) instead of rewriting shared lists.
UNWIND $roles AS row
MATCH (p:Person {id: row.person})
MATCH (o:Entity {id: row.of})
MERGE (p)-[:HOLDS_ROLE {title: row.title}]->(o)
WITH p, o, row
UNWIND range(0, size(row.sources) - 1) AS i
CREATE (p)-[:HOLDS_ROLE_EVIDENCE {title: row.title, sourceId: row.sources[i], start: row.starts[i], end: row.ends[i], excerpt: row.excerpts[i]}]->(o)
