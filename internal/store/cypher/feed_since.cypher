// The changes after sequence number $after, oldest first, at most $limit.
MATCH (c:Change) WHERE c.seq > $after
RETURN c.seq AS seq, c.kind AS kind, c.sourceId AS sourceId, c.added AS added, c.counts AS counts, toString(c.at) AS at
ORDER BY c.seq
LIMIT $limit
