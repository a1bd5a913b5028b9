// A participation is one PARTICIPATED_IN per (entity, event); evidence lists
// as for roles.
UNWIND $participations AS row
MATCH (e:Entity {id: row.entity})
MATCH (ev:Event {id: row.event})
MERGE (e)-[r:PARTICIPATED_IN]->(ev)
SET r.role = coalesce(row.role, r.role),
    r.evSources = coalesce(r.evSources, []) + row.sources,
    r.evStarts = coalesce(r.evStarts, []) + row.starts,
    r.evEnds = coalesce(r.evEnds, []) + row.ends,
    r.evExcerpts = coalesce(r.evExcerpts, []) + row.excerpts
