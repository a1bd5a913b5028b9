// A role is one HOLDS_ROLE per (person, title, of); each source that
// supports it adds its evidence to the relationship's lists.
UNWIND $roles AS row
MATCH (p:Person {id: row.person})
MATCH (o:Entity {id: row.of})
MERGE (p)-[r:HOLDS_ROLE {title: row.title}]->(o)
SET r.evSources = coalesce(r.evSources, []) + row.sources,
    r.evStarts = coalesce(r.evStarts, []) + row.starts,
    r.evEnds = coalesce(r.evEnds, []) + row.ends,
    r.evExcerpts = coalesce(r.evExcerpts, []) + row.excerpts
