// Q1: an entity by id, with its roles (title, then organisation by name).
MATCH (e:Entity {id: $id})
RETURN e {.id, .name,
  roles: COLLECT {
    MATCH (e)-[r:HOLDS_ROLE]->(o:Entity)
    WITH r, o ORDER BY r.title, o.sortKey, o.id
    RETURN {title: r.title, of: o {.id, .name}}
  }
} AS entity
