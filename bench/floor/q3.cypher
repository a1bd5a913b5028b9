// Q3: an event, its participants, and their statements about a second entity.
MATCH (ev:Event {id: $event})
RETURN ev {.id,
  participants: COLLECT {
    MATCH (p:Entity)-[:PARTICIPATED_IN]->(ev)
    WITH p ORDER BY p.sortKey, p.id
    RETURN {entity: p {.id,
      statements: {nodes: COLLECT {
        MATCH (p)-[:SAID]->(st:Statement)-[:ABOUT]->(:Entity {id: $about})
        WITH st ORDER BY st.sortDate DESC, st.sourceId, st.position, st.id LIMIT 5
        RETURN st {.id, .text}
      }}
    }}
  }
} AS node
