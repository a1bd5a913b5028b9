// A membership is one MEMBER_OF per (member, organisation), its role kept
// unless a document gives one; evidence lists as for roles.
UNWIND $memberships AS row
MATCH (m:Entity {id: row.member})
MATCH (o:Organisation {id: row.organisation})
MERGE (m)-[r:MEMBER_OF]->(o)
SET r.role = coalesce(row.role, r.role),
    r.evSources = coalesce(r.evSources, []) + row.sources,
    r.evStarts = coalesce(r.evStarts, []) + row.starts,
    r.evEnds = coalesce(r.evEnds, []) + row.ends,
    r.evExcerpts = coalesce(r.evExcerpts, []) + row.excerpts
