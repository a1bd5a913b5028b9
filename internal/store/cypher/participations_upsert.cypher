// A participation is one PARTICIPATED_IN per (entity, event); evidence as
// for roles.
UNWIND $participations AS row
MATCH (e:Entity {id: row.entity})
MATCH (ev:Event {id: row.event})
MERGE (e)-[r:PARTICIPATED_IN]->(ev)
SET r.role = coalesce(row.role, r.role)
WITH e, ev, row
UNWIND range(0, size(row.sources) - 1) AS i
CREATE (e)-[:PARTICIPATED_IN_EVIDENCE {sourceId: row.sources[i], start: row.starts[i], end: row.ends[i], excerpt: row.excerpts[i]}]->(ev)
