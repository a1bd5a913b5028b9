// Deletes candidates that no source names any more: a fact without evidence
// is not in the graph, and neither is an entity, event or topic.
CALL (){
  UNWIND $entities AS id
  MATCH (n:Entity {id: id}) WHERE NOT (n)-[:IN_SOURCE]->() DETACH DELETE n
}
CALL (){
  UNWIND $events AS id
  MATCH (n:Event {id: id}) WHERE NOT (n)-[:IN_SOURCE]->() DETACH DELETE n
}
CALL (){
  UNWIND $topics AS id
  MATCH (n:Topic {id: id}) WHERE NOT (n)-[:IN_SOURCE]->() DETACH DELETE n
}
