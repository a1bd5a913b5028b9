UNWIND $ids AS id
OPTIONAL MATCH (s:Source {id: id})
RETURN id, s.text AS text
