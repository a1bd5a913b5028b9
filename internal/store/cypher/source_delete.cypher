// The source node itself, once everything it contributed is gone.
MATCH (s:Source {id: $sourceId})
DETACH DELETE s
RETURN count(*) AS deleted
