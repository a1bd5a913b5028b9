// Every source's id, in id order: what a consistency check walks.
MATCH (s:Source)
RETURN s.id AS id
ORDER BY id
