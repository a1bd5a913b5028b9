// Events with their evidence on the IN_SOURCE link. dateStart and dateEnd
// are the days a partial date covers, for ordering and range filters. The
// link also keeps this source's version of the event's properties: when
// several sources declare an event, events_refresh sets the event to the
// version of the greatest source id, recomputable after a delete.
UNWIND $events AS row
MATCH (s:Source {id: row.sourceId})
MERGE (ev:Event {id: row.id})
SET ev.name = row.name,
    ev.kind = row.kind,
    ev.description = row.description,
    ev.date = row.date,
    ev.endDate = row.endDate,
    ev.dateStart = row.dateStart,
    ev.dateEnd = row.dateEnd,
    ev.sortDate = coalesce(row.dateStart, ''),
    ev.location = row.location
CREATE (ev)-[:IN_SOURCE {starts: row.starts, ends: row.ends, excerpts: row.excerpts,
  name: row.name, kind: row.kind, description: row.description, date: row.date, endDate: row.endDate,
  dateStart: row.dateStart, dateEnd: row.dateEnd, location: row.location}]->(s)
