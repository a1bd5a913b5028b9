MATCH (t:Topic)
RETURN t {.id, .name} AS t
ORDER BY toLower(t.name), t.id
