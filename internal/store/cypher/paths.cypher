// Shortest paths between two nodes through roles, memberships,
// participations and statements (SAID, ABOUT), in either direction. The
// labels and the hop bound are filled in from the code's allow-list and a
// validated integer; the ids are parameters.
OPTIONAL MATCH (a:{{FROM}} {id: $from})
OPTIONAL MATCH (b:{{TO}} {id: $to})
CALL (a, b) {
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
  MATCH p = allShortestPaths((a)-[:HOLDS_ROLE|MEMBER_OF|PARTICIPATED_IN|SAID|ABOUT*1..{{HOPS}}]-(b))
  WITH p LIMIT $first
  RETURN collect({
    nodes: [st IN nodes(p) | CASE WHEN st:Statement THEN {statement: {{PROJECTION}}}
            ELSE st {.id, .name, .aliases, .description, .kind, .date, .endDate, .location, labels: labels(st)} END],
    links: [r IN relationships(p) | {
      type: type(r), from: startNode(r).id, to: endNode(r).id,
      evidence: CASE WHEN type(r) IN ['SAID', 'ABOUT'] THEN
          COLLECT {
            MATCH (st:Statement)-[l:IN_SOURCE]->(s:Source)
            WHERE st = CASE type(r) WHEN 'SAID' THEN endNode(r) ELSE startNode(r) END
            RETURN {source: s {.id, .title, .publisher, .url, .publishedAt}, start: l.starts[0], end: l.ends[0], excerpt: l.excerpts[0]}
          }
        ELSE COLLECT {
          MATCH (x)-[e]->(y)
          WHERE x = startNode(r) AND y = endNode(r) AND type(e) = type(r) + '_EVIDENCE' AND coalesce(e.title, '') = coalesce(r.title, '')
          MATCH (s:Source {id: e.sourceId})
          WITH e, s ORDER BY s.sortDate DESC, s.id, e.start
          RETURN {source: s {.id, .title, .publisher, .url, .publishedAt}, start: e.start, end: e.end, excerpt: e.excerpt}
        }
        END
    }]
  }) AS paths
}
RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, paths
