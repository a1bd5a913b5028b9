// Statements by id, one row per id in the order given (st null when absent).
UNWIND $ids AS id
OPTIONAL MATCH (st:Statement {id: id})
RETURN id, CASE WHEN st IS NULL THEN null ELSE {{PROJECTION}} END AS st
