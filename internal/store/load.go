package store

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"go.opentelemetry.io/otel/attribute"

	"newsgraph/internal/kg"
	"newsgraph/internal/names"
	"newsgraph/internal/telemetry"
)

// How a source's facts are stored:
//
//   - Statements, events, entities and topics link to the source with
//     (n)-[:IN_SOURCE {starts, ends, excerpts}]->(:Source); the lists hold
//     the evidence (empty for an entity or topic the source only names).
//     An event's or topic's link also keeps the source's version of its
//     properties, from which refreshVersions (versions.go) recomputes them.
//   - Roles, memberships and participations are one relationship per fact
//     (HOLDS_ROLE, MEMBER_OF, PARTICIPATED_IN), for traversal, with one
//     <TYPE>_EVIDENCE relationship beside it per piece of evidence, carrying
//     its source's id (indexed), start, end and excerpt.
//
// Loading a source first removes everything it contributed before, then
// writes the new version, then deletes what no source supports any more:
// the same document loaded twice leaves the same graph, and a changed one
// replaces exactly its own facts.

// LoadDocument writes one validated source document in one write
// transaction, replacing whatever the same source contributed before. Each
// kind of fact is written by one batched UNWIND, not one round trip per
// fact. The report compares the source's facts before and after.
func (s *Store) LoadDocument(ctx context.Context, doc *kg.SourceDocument) (kg.LoadReport, error) {
	const op = "store.LoadDocument"
	res, err := s.write(ctx, op, func(tx neo4j.ManagedTransaction) (any, error) {
		if _, err := lockSources(ctx, tx, []string{doc.Source.ID}); err != nil {
			return nil, err
		}
		before, err := fingerprint(ctx, tx, doc.Source.ID)
		if err != nil {
			return nil, err
		}
		orphans, touched, err := detachSources(ctx, tx, []string{doc.Source.ID})
		if err != nil {
			return nil, err
		}
		if err := writeDocuments(ctx, tx, []*kg.SourceDocument{doc}); err != nil {
			return nil, err
		}
		if err := collectOrphans(ctx, tx, orphans); err != nil {
			return nil, err
		}
		if err := refreshNames(ctx, tx, orphans["Entity"], []*kg.SourceDocument{doc}); err != nil {
			return nil, err
		}
		if err := refreshVersions(ctx, tx, orphans, []*kg.SourceDocument{doc}); err != nil {
			return nil, err
		}
		if err := refreshCounts(ctx, tx, touched, []*kg.SourceDocument{doc}); err != nil {
			return nil, err
		}
		after, err := fingerprint(ctx, tx, doc.Source.ID)
		if err != nil {
			return nil, err
		}
		report := compare(before, after, nil)
		if err := appendChanges(ctx, tx, []change{loadChange(doc.Source.ID, before, after, report)}); err != nil {
			return nil, err
		}
		return report, nil
	})
	if err != nil {
		return nil, err
	}
	return res.(kg.LoadReport), nil
}

// LoadDocuments writes many validated documents in one transaction, each
// kind of fact for all of them in one batched UNWIND: the bulk path, for
// loading archives and benchmark data, with the same effect as loading the
// documents one by one (but no report). Each document must have a distinct
// source id.
func (s *Store) LoadDocuments(ctx context.Context, docs []*kg.SourceDocument) error {
	const op = "store.LoadDocuments"
	ids := make([]string, len(docs))
	for i, d := range docs {
		ids[i] = d.Source.ID
	}
	if len(slices.Compact(slices.Sorted(slices.Values(ids)))) != len(ids) {
		return fmt.Errorf("%s: %w", op, kg.InvalidInput("documents", "two documents have the same source id"))
	}
	_, err := s.write(ctx, op, func(tx neo4j.ManagedTransaction) (any, error) {
		existing, err := lockSources(ctx, tx, ids)
		if err != nil {
			return nil, err
		}
		orphans, touched, err := detachSources(ctx, tx, ids)
		if err != nil {
			return nil, err
		}
		if err := writeDocuments(ctx, tx, docs); err != nil {
			return nil, err
		}
		if err := collectOrphans(ctx, tx, orphans); err != nil {
			return nil, err
		}
		if err := refreshNames(ctx, tx, orphans["Entity"], docs); err != nil {
			return nil, err
		}
		if err := refreshVersions(ctx, tx, orphans, docs); err != nil {
			return nil, err
		}
		if err := refreshCounts(ctx, tx, touched, docs); err != nil {
			return nil, err
		}
		return nil, appendChanges(ctx, tx, bulkChanges(docs, existing))
	})
	return err
}

// DeleteSource removes a source and every fact that only it supports: its
// statements, its evidence on shared facts (and the facts left with none),
// and the entities, events and topics no other source names. It reports
// what went; an unknown id is kg.ErrNotFound.
func (s *Store) DeleteSource(ctx context.Context, id string) (kg.LoadReport, error) {
	const op = "store.DeleteSource"
	res, err := s.write(ctx, op, func(tx neo4j.ManagedTransaction) (any, error) {
		if err := run(ctx, tx, "source_lock_existing", map[string]any{"id": id}); err != nil {
			return nil, err
		}
		before, err := fingerprint(ctx, tx, id)
		if err != nil {
			return nil, err
		}
		orphans, touched, err := detachSources(ctx, tx, []string{id})
		if err != nil {
			return nil, err
		}
		if err := collectOrphans(ctx, tx, orphans); err != nil {
			return nil, err
		}
		countRoundTrip(ctx)
		r, err := tx.Run(ctx, query("source_delete"), map[string]any{"sourceId": id})
		if err != nil {
			return nil, err
		}
		rec, err := r.Single(ctx)
		if err != nil {
			return nil, err
		}
		if n, _, _ := neo4j.GetRecordValue[int64](rec, "deleted"); n == 0 {
			return nil, kg.NotFound("no source has id %q", id)
		}
		if err := refreshNames(ctx, tx, orphans["Entity"], nil); err != nil {
			return nil, err
		}
		if err := refreshVersions(ctx, tx, orphans, nil); err != nil {
			return nil, err
		}
		if err := refreshCounts(ctx, tx, touched, nil); err != nil {
			return nil, err
		}
		alive, err := survivors(ctx, tx, before)
		if err != nil {
			return nil, err
		}
		report := compare(before, prints{}, alive)
		if err := appendChanges(ctx, tx, []change{{kind: kg.SourceDeleted, sourceID: id, report: report}}); err != nil {
			return nil, err
		}
		return report, nil
	})
	if err != nil {
		return nil, err
	}
	return res.(kg.LoadReport), nil
}

// fact fingerprints: "kind\x00key" → a comparable rendering of the fact,
// plus, for relationships, what identifies them in the graph.
type prints struct {
	value map[string]string
	rels  map[string]map[string]any
}

// fingerprint renders each fact the source contributes, comparably.
func fingerprint(ctx context.Context, tx neo4j.ManagedTransaction, sourceID string) (prints, error) {
	countRoundTrip(ctx)
	out := prints{value: map[string]string{}, rels: map[string]map[string]any{}}
	res, err := tx.Run(ctx, query("source_fingerprint"), map[string]any{"sourceId": sourceID})
	if err != nil {
		return out, fmt.Errorf("source_fingerprint: %w", err)
	}
	recs, err := res.Collect(ctx)
	if err != nil {
		return out, fmt.Errorf("source_fingerprint: %w", err)
	}
	for _, rec := range recs {
		items, _, err := neo4j.GetRecordValue[[]any](rec, "items")
		if err != nil {
			return out, err
		}
		for _, it := range items {
			r, ok := asRow(it)
			if !ok {
				continue
			}
			key := r.str("kind") + "\x00" + r.str("key")
			out.value[key] = fmt.Sprint(r["value"])
			if rel, ok := r.row("rel"); ok {
				rel["key"] = key
				out.rels[key] = rel
			}
		}
	}
	return out, nil
}

// survivors returns the keys of a deleted source's facts that other
// sources still hold in the graph.
func survivors(ctx context.Context, tx neo4j.ManagedTransaction, before prints) (map[string]bool, error) {
	ids := map[string][]string{}
	var rels []map[string]any
	for key := range before.value {
		kind, id, _ := strings.Cut(key, "\x00")
		switch kind {
		case "entities", "events", "topics":
			ids[kind] = append(ids[kind], id)
		}
		if rel, ok := before.rels[key]; ok {
			rels = append(rels, rel)
		}
	}
	countRoundTrip(ctx)
	res, err := tx.Run(ctx, query("source_survivors"), map[string]any{
		"entities": nonNil(ids["entities"]), "events": nonNil(ids["events"]), "topics": nonNil(ids["topics"]), "rels": rels,
	})
	if err != nil {
		return nil, fmt.Errorf("source_survivors: %w", err)
	}
	rec, err := res.Single(ctx)
	if err != nil {
		return nil, fmt.Errorf("source_survivors: %w", err)
	}
	alive := map[string]bool{}
	for _, kind := range []string{"entities", "events", "topics"} {
		list, _, _ := neo4j.GetRecordValue[[]any](rec, kind)
		for _, id := range (row{"l": list}).strs("l") {
			alive[kind+"\x00"+id] = true
		}
	}
	list, _, _ := neo4j.GetRecordValue[[]any](rec, "rels")
	for _, key := range (row{"l": list}).strs("l") {
		alive[key] = true
	}
	return alive, nil
}

// compare turns two fingerprints into a report. A fact the source no
// longer has counts as deleted, unless alive says another source still
// holds it in the graph: then it was updated (it lost this evidence).
func compare(before, after prints, alive map[string]bool) kg.LoadReport {
	counts := map[string]*kg.KindReport{}
	for _, k := range kg.ReportKinds {
		counts[k] = &kg.KindReport{Kind: k}
	}
	kindOf := func(key string) *kg.KindReport {
		k, _, _ := strings.Cut(key, "\x00")
		if c, ok := counts[k]; ok {
			return c
		}
		return &kg.KindReport{}
	}
	for key, v := range after.value {
		old, existed := before.value[key]
		switch {
		case !existed:
			kindOf(key).Created++
		case old != v:
			kindOf(key).Updated++
		default:
			kindOf(key).Unchanged++
		}
	}
	for key := range before.value {
		if _, still := after.value[key]; still {
			continue
		}
		if alive[key] {
			kindOf(key).Updated++
		} else {
			kindOf(key).Deleted++
		}
	}
	report := make(kg.LoadReport, len(kg.ReportKinds))
	for i, k := range kg.ReportKinds {
		report[i] = *counts[k]
	}
	return report
}

// orphanCandidates are ids a source used to name, by label.
type orphanCandidates map[string][]string

// detachSources removes sources' statements, their evidence on
// relationship facts and their IN_SOURCE links, and returns the nodes they
// linked and the entities the removed statements were said by or about.
func detachSources(ctx context.Context, tx neo4j.ManagedTransaction, sourceIDs []string) (orphanCandidates, []string, error) {
	params := map[string]any{"sourceIds": sourceIDs}
	countRoundTrip(ctx)
	start := time.Now()
	res, err := tx.Run(ctx, query("source_detach_statements"), params)
	if err != nil {
		return nil, nil, fmt.Errorf("source_detach_statements: %w", err)
	}
	rec, err := res.Single(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("source_detach_statements: %w", err)
	}
	list, _, err := neo4j.GetRecordValue[[]any](rec, "ids")
	if err != nil {
		return nil, nil, fmt.Errorf("source_detach_statements: %w", err)
	}
	touched := (row{"l": list}).strs("l")
	timeStep(ctx, "source_detach_statements", start)
	if err := run(ctx, tx, "source_detach_facts", params); err != nil {
		return nil, nil, err
	}
	defer timeStep(ctx, "source_detach_links", time.Now())
	res, err = tx.Run(ctx, query("source_detach_links"), params)
	if err != nil {
		return nil, nil, fmt.Errorf("source_detach_links: %w", err)
	}
	recs, err := res.Collect(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("source_detach_links: %w", err)
	}
	out := orphanCandidates{}
	for _, rec := range recs {
		label, _, err := neo4j.GetRecordValue[string](rec, "label")
		if err != nil {
			return nil, nil, err
		}
		ids, _, err := neo4j.GetRecordValue[[]any](rec, "ids")
		if err != nil {
			return nil, nil, err
		}
		for _, id := range ids {
			if s, ok := id.(string); ok {
				out[label] = append(out[label], s)
			}
		}
	}
	return out, touched, nil
}

func collectOrphans(ctx context.Context, tx neo4j.ManagedTransaction, c orphanCandidates) error {
	return run(ctx, tx, "source_collect_orphans", map[string]any{
		"entities": nonNil(c["Entity"]), "events": nonNil(c["Event"]), "topics": nonNil(c["Topic"]),
	})
}

// writeDocuments writes documents' sources and facts, each kind of fact for
// all documents in one batched UNWIND.
func writeDocuments(ctx context.Context, tx neo4j.ManagedTransaction, docs []*kg.SourceDocument) error {
	var sources, entities, links, topics, events, roles, memberships, participations, statements []map[string]any
	entityAt := map[string]int{}
	for _, doc := range docs {
		src := doc.Source
		sid := src.ID
		sources = append(sources, map[string]any{
			"id": sid, "title": src.Title, "publisher": nullable(src.Publisher), "url": nullable(src.URL),
			"publishedAt": nullable(string(src.PublishedAt)), "sortDate": nullable(startOf(src.PublishedAt)), "text": src.Text,
		})
		rows, err := entityRows(doc.Entities)
		if err != nil {
			return err
		}
		for _, r := range rows {
			// The last document to declare an entity in a batch wins, as it
			// would loading them one after another.
			if i, seen := entityAt[r["id"].(string)]; seen {
				entities[i] = r
			} else {
				entityAt[r["id"].(string)] = len(entities)
				entities = append(entities, r)
			}
		}
		for _, l := range entityLinks(doc) {
			l["sourceId"] = sid
			links = append(links, l)
		}
		for _, t := range doc.Topics {
			topics = append(topics, map[string]any{"id": t.ID, "name": t.Name, "sourceId": sid})
		}
		for _, e := range doc.Events {
			row := evidenceRow(e.Evidence)
			end := e.EndDate
			if end == "" {
				end = e.Date
			}
			for k, v := range map[string]any{
				"id": e.ID, "name": e.Name, "kind": e.Kind, "description": nullable(e.Description),
				"date": nullable(string(e.Date)), "endDate": nullable(string(e.EndDate)),
				"dateStart": nullable(startOf(e.Date)), "dateEnd": nullable(endOf(end)), "location": nullable(e.Location),
				"sourceId": sid,
			} {
				row[k] = v
			}
			events = append(events, row)
		}
		for _, r := range doc.Roles {
			roles = append(roles, factRow(r.Evidence, "person", r.PersonID, "title", r.Title, "of", r.OfID))
		}
		for _, m := range doc.Memberships {
			memberships = append(memberships, factRow(m.Evidence, "member", m.MemberID, "organisation", m.OrganisationID, "role", nullable(m.Role)))
		}
		for _, p := range doc.Participations {
			participations = append(participations, factRow(p.Evidence, "entity", p.EntityID, "event", p.EventID, "role", nullable(p.Role)))
		}
		for _, st := range doc.Statements {
			var during []string
			if st.EventID != "" {
				during = []string{st.EventID}
			}
			statements = append(statements, map[string]any{
				"id": st.ID, "kind": string(st.Kind), "text": st.Text, "attribution": nullable(st.Attribution),
				"speaker": st.SpeakerID, "date": nullable(string(st.Date)), "sourceId": sid,
				"dateStart": nullable(startOf(st.Date)), "dateEnd": nullable(endOf(st.Date)),
				"start": st.Evidence.Start, "end": st.Evidence.End, "excerpt": st.Evidence.Excerpt,
				"about": nonNil(st.AboutIDs), "topics": nonNil(st.TopicIDs), "events": nonNil(during),
			})
		}
	}
	roles = mergeFacts(roles, "person", "title", "of")
	memberships = mergeFacts(memberships, "member", "organisation")
	participations = mergeFacts(participations, "entity", "event")
	sortRows(entities)
	sortRows(links)
	sortRows(topics)
	sortRows(events)
	slices.SortStableFunc(statements, func(a, b map[string]any) int { return strings.Compare(a["speaker"].(string), b["speaker"].(string)) })
	for _, step := range []struct {
		name  string
		param string
		rows  []map[string]any
	}{
		{"source_upsert", "sources", sources},
		{"entities_upsert", "entities", entities},
		{"source_link_entities", "links", links},
		{"topics_upsert", "topics", topics},
		{"events_upsert", "events", events},
		{"roles_upsert", "roles", roles},
		{"memberships_upsert", "memberships", memberships},
		{"participations_upsert", "participations", participations},
		{"statements_create", "statements", statements},
	} {
		if err := run(ctx, tx, step.name, map[string]any{step.param: nonNilRows(step.rows)}); err != nil {
			return err
		}
	}
	return nil
}

func nonNilRows(rows []map[string]any) []map[string]any {
	if rows == nil {
		return []map[string]any{}
	}
	return rows
}

// entityRows turns declared entities into rows for entities_upsert.
func entityRows(entities []kg.Entity) ([]map[string]any, error) {
	rows := make([]map[string]any, 0, len(entities))
	for _, e := range entities {
		label, ok := entityLabels[e.Kind]
		if !ok {
			return nil, kg.InvalidInput("kind", "unknown entity kind %q for %s", e.Kind, e.ID)
		}
		rows = append(rows, map[string]any{
			"id": e.ID, "label": label, "name": e.Name, "description": nullable(e.Description), "sortKey": names.Fold(e.Name),
		})
	}
	return rows, nil
}

// entityLinks lists every entity the document declares or refers to, with
// where the source names it, so each gets one IN_SOURCE link.
func entityLinks(doc *kg.SourceDocument) []map[string]any {
	evidence := map[string][]kg.Evidence{}
	var order []string
	add := func(id string, ev []kg.Evidence) {
		if _, seen := evidence[id]; !seen {
			order = append(order, id)
			evidence[id] = nil
		}
		evidence[id] = append(evidence[id], ev...)
	}
	for i, e := range doc.Entities {
		add(e.ID, doc.EntityEvidence[i])
	}
	for _, r := range doc.Roles {
		add(r.PersonID, nil)
		add(r.OfID, nil)
	}
	for _, m := range doc.Memberships {
		add(m.MemberID, nil)
		add(m.OrganisationID, nil)
	}
	for _, p := range doc.Participations {
		add(p.EntityID, nil)
	}
	for _, st := range doc.Statements {
		add(st.SpeakerID, nil)
		for _, id := range st.AboutIDs {
			if !strings.HasPrefix(id, string(kg.KindEvent)+":") {
				add(id, nil)
			}
		}
	}
	declared := map[string]kg.Entity{}
	for _, e := range doc.Entities {
		declared[e.ID] = e
	}
	rows := make([]map[string]any, len(order))
	for i, id := range order {
		row := evidenceRow(evidence[id])
		row["id"] = id
		row["aliases"], row["keys"] = []string{}, []string{}
		if e, ok := declared[id]; ok {
			row["aliases"], row["keys"] = nonNil(e.Aliases), names.Keys(e.Name, e.Aliases)
		}
		rows[i] = row
	}
	return rows
}

// refreshNames recomputes the aliases and name keys of entities from the
// sources that still name them: those that lost a source (forced), and
// those the documents declare when the documents bring them a new name,
// alias or name key.
func refreshNames(ctx context.Context, tx neo4j.ManagedTransaction, forced []string, docs []*kg.SourceDocument) error {
	type want struct {
		force         bool
		aliases, keys []string
	}
	byID := map[string]*want{}
	at := func(id string) *want {
		if byID[id] == nil {
			byID[id] = &want{aliases: []string{}, keys: []string{}}
		}
		return byID[id]
	}
	for _, id := range forced {
		at(id).force = true
	}
	for _, d := range docs {
		for _, e := range d.Entities {
			w := at(e.ID)
			w.aliases = append(w.aliases, e.Aliases...)
			w.keys = append(w.keys, names.Keys(e.Name, e.Aliases)...)
		}
	}
	rows := make([]map[string]any, 0, len(byID))
	for id, w := range byID {
		rows = append(rows, map[string]any{"id": id, "force": w.force,
			"aliases": slices.Compact(slices.Sorted(slices.Values(w.aliases))), "keys": slices.Compact(slices.Sorted(slices.Values(w.keys)))})
	}
	sortRows(rows)
	return run(ctx, tx, "entities_refresh_names", map[string]any{"rows": rows})
}

// refreshCounts recounts the statements said by and about the entities
// whose statements changed: those the detached statements touched, and the
// speakers and entity subjects of the documents' statements. Entities
// deleted as orphans are simply not found. One round trip.
func refreshCounts(ctx context.Context, tx neo4j.ManagedTransaction, touched []string, docs []*kg.SourceDocument) error {
	ids := slices.Clone(touched)
	for _, d := range docs {
		for _, st := range d.Statements {
			ids = append(ids, st.SpeakerID)
			for _, id := range st.AboutIDs {
				if !strings.HasPrefix(id, string(kg.KindEvent)+":") {
					ids = append(ids, id)
				}
			}
		}
	}
	// Sorted, so concurrent loads take the entities' locks in one order.
	ids = slices.Compact(slices.Sorted(slices.Values(ids)))
	return run(ctx, tx, "entities_refresh_counts", map[string]any{"ids": nonNil(ids)})
}

// sortRows orders rows by id, so that concurrent loads touching the same
// nodes take their locks in the same order and rarely deadlock. The sort
// is stable: rows of one id (an event several documents of a batch
// describe) keep their documents' order, so the last document's values
// win, as loading the documents one by one would leave them.
func sortRows(rows []map[string]any) {
	slices.SortStableFunc(rows, func(a, b map[string]any) int {
		return strings.Compare(fmt.Sprint(a["id"]), fmt.Sprint(b["id"]))
	})
}

// evidenceRow holds evidence as the parallel lists stored on IN_SOURCE.
func evidenceRow(ev []kg.Evidence) map[string]any {
	starts, ends, excerpts := make([]int, len(ev)), make([]int, len(ev)), make([]string, len(ev))
	for i, e := range ev {
		starts[i], ends[i], excerpts[i] = e.Start, e.End, e.Excerpt
	}
	return map[string]any{"starts": starts, "ends": ends, "excerpts": excerpts}
}

// factRow is a relationship fact's keys plus its evidence lists.
func factRow(ev []kg.Evidence, kv ...any) map[string]any {
	row := evidenceRow(ev)
	sources := make([]string, len(ev))
	for i, e := range ev {
		sources[i] = e.SourceID
	}
	row["sources"] = sources
	for i := 0; i+1 < len(kv); i += 2 {
		row[kv[i].(string)] = kv[i+1]
	}
	return row
}

// mergeFacts folds rows of the same relationship fact (equal values under
// keys) from several documents into one, their evidence lists
// concatenated in document order and the role the last document to give
// one gives, so that each fact is MERGEd once per batch instead of once per
// document (each MERGE locks both ends, often popular entities). The
// result is what writing the rows one after another leaves: the same
// relationship, the same evidence, the last role given. Rows come out
// ordered by their keys, so concurrent loads lock in one order.
func mergeFacts(rows []map[string]any, keys ...string) []map[string]any {
	at := map[string]int{}
	var out []map[string]any
	var outKeys []string
	for _, r := range rows {
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = fmt.Sprint(r[k])
		}
		key := strings.Join(parts, " ")
		i, seen := at[key]
		if !seen {
			at[key] = len(out)
			out = append(out, maps.Clone(r))
			outKeys = append(outKeys, key)
			continue
		}
		m := out[i]
		m["sources"] = append(slices.Clone(m["sources"].([]string)), r["sources"].([]string)...)
		m["starts"] = append(slices.Clone(m["starts"].([]int)), r["starts"].([]int)...)
		m["ends"] = append(slices.Clone(m["ends"].([]int)), r["ends"].([]int)...)
		m["excerpts"] = append(slices.Clone(m["excerpts"].([]string)), r["excerpts"].([]string)...)
		if role, ok := r["role"]; ok && role != nil {
			m["role"] = role
		}
	}
	order := make([]int, len(out))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return strings.Compare(outKeys[a], outKeys[b]) })
	sorted := make([]map[string]any, len(out))
	for i, j := range order {
		sorted[i] = out[j]
	}
	return sorted
}

// run runs one embedded query in a write transaction, for its effect.
func run(ctx context.Context, tx neo4j.ManagedTransaction, name string, params map[string]any) error {
	countRoundTrip(ctx)
	defer timeStep(ctx, name, time.Now())
	ctx, sp := telemetry.Tracer().Start(ctx, name)
	if sp.IsRecording() {
		sp.SetAttributes(attribute.String("db.system.name", "neo4j"), attribute.String("db.query.summary", name))
	}
	defer sp.End()
	res, err := tx.Run(ctx, query(name), params)
	if err == nil {
		_, err = res.Consume(ctx)
	}
	if err != nil {
		sp.RecordError(err)
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// The parameter helpers below are the reads' as well as the writes'.

// nullable passes "" to Cypher as null, so absent properties stay absent.
func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// nonNil passes a nil list as an empty one: UNWIND and IN need a list.
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// startOf and endOf are a date's first and last day, "" for no date.
func startOf(d kg.Date) string {
	if d == "" {
		return ""
	}
	return d.Start()
}

func endOf(d kg.Date) string {
	if d == "" {
		return ""
	}
	return d.End()
}
