// Sets each event's properties to the version declared by its source with
// the greatest id, as loading its sources one by one in id order would
// (the last write wins): after a load, a replace or a delete, the event is
// what a clean load of the remaining sources gives. Links without a
// version (written before the links kept one; migrate_event_versions
// copies the event's properties onto them) are passed over, and an event
// with none keeps its properties. Written only when something differs.
UNWIND $ids AS id
MATCH (ev:Event {id: id})
CALL (ev) {
  MATCH (ev)-[l:IN_SOURCE]->(s:Source)
  WHERE l.kind IS NOT NULL
  RETURN l ORDER BY s.id DESC LIMIT 1
}
WITH ev, l
WHERE any(p IN ['name', 'kind', 'description', 'date', 'endDate', 'dateStart', 'dateEnd', 'location']
          WHERE coalesce(ev[p], '') <> coalesce(l[p], ''))
   OR ev.sortDate <> coalesce(l.dateStart, '')
SET ev.name = l.name,
    ev.kind = l.kind,
    ev.description = l.description,
    ev.date = l.date,
    ev.endDate = l.endDate,
    ev.dateStart = l.dateStart,
    ev.dateEnd = l.dateEnd,
    ev.sortDate = coalesce(l.dateStart, ''),
    ev.location = l.location
