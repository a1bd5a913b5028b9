// Removes the sources' evidence from roles, memberships and participations
// (lists of evidence on each relationship, one entry per supporting source),
// and deletes the relationships no source supports any more. Every fact
// starts at a node linked IN_SOURCE to its source, so this walks only the
// sources' own neighbourhoods.
UNWIND $sourceIds AS sid
MATCH (n)-[:IN_SOURCE]->(:Source {id: sid})
MATCH (n)-[r:HOLDS_ROLE|MEMBER_OF|PARTICIPATED_IN]->()
WHERE sid IN r.evSources
WITH DISTINCT r
WITH r, [i IN range(0, size(r.evSources) - 1) WHERE NOT r.evSources[i] IN $sourceIds] AS keep
SET r.evSources = [i IN keep | r.evSources[i]],
    r.evStarts = [i IN keep | r.evStarts[i]],
    r.evEnds = [i IN keep | r.evEnds[i]],
    r.evExcerpts = [i IN keep | r.evExcerpts[i]]
WITH r WHERE size(r.evSources) = 0
DELETE r
