// A membership is one MEMBER_OF per (member, organisation), its role kept
// unless a document gives one; evidence as for roles.
UNWIND $memberships AS row
MATCH (m:Entity {id: row.member})
MATCH (o:Organisation {id: row.organisation})
MERGE (m)-[r:MEMBER_OF]->(o)
SET r.role = coalesce(row.role, r.role)
WITH m, o, row
UNWIND range(0, size(row.sources) - 1) AS i
CREATE (m)-[:MEMBER_OF_EVIDENCE {sourceId: row.sources[i], start: row.starts[i], end: row.ends[i], excerpt: row.excerpts[i]}]->(o)
