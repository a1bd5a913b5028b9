// Removes changes older than $keepSeconds, a bounded number per call; the
// counter stays, so sequence numbers never go back.
MATCH (c:Change) WHERE c.at < datetime() - duration({seconds: $keepSeconds})
WITH c LIMIT 5000
DELETE c
RETURN count(*) AS pruned
