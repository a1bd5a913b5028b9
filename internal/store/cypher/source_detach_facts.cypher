// Removes the source's evidence from roles, memberships and participations
// (lists of evidence on each relationship, one entry per supporting source),
// and deletes the relationships no source supports any more. Every fact
// starts at a node linked IN_SOURCE to the source, so this walks only the
// source's own neighbourhood.
MATCH (n)-[:IN_SOURCE]->(:Source {id: $sourceId})
MATCH (n)-[r:HOLDS_ROLE|MEMBER_OF|PARTICIPATED_IN]->()
WHERE $sourceId IN r.evSources
WITH DISTINCT r
WITH r, [i IN range(0, size(r.evSources) - 1) WHERE r.evSources[i] <> $sourceId] AS keep
SET r.evSources = [i IN keep | r.evSources[i]],
    r.evStarts = [i IN keep | r.evStarts[i]],
    r.evEnds = [i IN keep | r.evEnds[i]],
    r.evExcerpts = [i IN keep | r.evExcerpts[i]]
WITH r WHERE size(r.evSources) = 0
DELETE r
