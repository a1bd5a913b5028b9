package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"newsgraph/internal/kg"
)

// EntityRequest names what EntityBundle reads along with an entity: its
// fact lists, and at most one page of statements (ScopeSpeaker) or
// mentions (ScopeAbout).
type EntityRequest struct {
	Roles, Leaders, Memberships, Members bool
	Page                                 *PageRequest
}

// PageRequest is one statement page: its scope, filter, size and cursor.
type PageRequest struct {
	Scope  kg.Scope
	Filter kg.StatementFilter
	First  int
	After  *string
}

// EntityBundle is an entity and what an EntityRequest asked for; Entity
// is nil when the id names nothing.
type EntityBundle struct {
	Entity               *kg.Entity
	Roles, Leaders       []kg.Role
	Memberships, Members []kg.Membership
	Page                 *kg.Page[kg.Statement]
}

// EntityBundle reads an entity and the lists a request asks for in one
// round trip: a root lookup such as entity(id) { roles statements } costs
// one query instead of one per field. Each part is the same Cypher its own
// store method runs, so the answers are the same by construction: a fact
// list's expression over the matched entity (facts_roles, …), and a
// page's query (statementQuery) as a subquery over the one id.
func (s *Store) EntityBundle(ctx context.Context, id string, req EntityRequest) (EntityBundle, error) {
	const op = "store.EntityBundle"
	params := map[string]any{"id": id}
	var q strings.Builder
	q.WriteString("OPTIONAL MATCH (node:Entity {id: $id})\n")
	// The entity's fields, not its node: a node carries every property
	// (name keys, sort key) and its element id, which the answer never
	// uses, and the bundle is most of Q1's Neo4j time.
	columns := []string{"node {.id, .name, .aliases, .description, .quotedCount, .mentionedCount, labels: labels(node)} AS e"}
	// Fact lists are expressions over the matched entity: the text the
	// list's own store method runs per id (entityFacts), without a second
	// look-up by id and the subqueries around it.
	for _, f := range []struct {
		want         bool
		column, file string
	}{
		{req.Roles, "roles", "facts_roles"},
		{req.Leaders, "leaders", "facts_leaders"},
		{req.Memberships, "memberships", "facts_memberships"},
		{req.Members, "members", "facts_members"},
	} {
		if f.want {
			columns = append(columns, query(f.file)+" AS "+f.column)
		}
	}
	part := func(column, cypher, expr string) {
		writePart(&q, column, cypher, expr)
		columns = append(columns, column)
	}
	cursor := false
	if pr := req.Page; pr != nil {
		pp, c, err := statementPageParams([]string{id}, pr.Filter, pr.First, pr.After)
		if err != nil {
			return EntityBundle{}, fmt.Errorf("%s: %w", op, err)
		}
		for k, v := range pp {
			params[k] = v
		}
		cursor = c
		part("page", statementQuery(pr.Scope, pr.Filter), "{total: total, after: after, page: page}")
	}
	fmt.Fprintf(&q, "RETURN %s", strings.Join(columns, ", "))

	res, err := s.read(ctx, op, q.String(), params)
	if err != nil {
		return EntityBundle{}, err
	}
	var b EntityBundle
	if len(res.Records) != 1 {
		return b, fmt.Errorf("%s: %d rows", op, len(res.Records))
	}
	rec := res.Records[0]
	fields, isNil, err := neo4j.GetRecordValue[map[string]any](rec, "e")
	if err != nil {
		return b, fmt.Errorf("%s: %w", op, err)
	}
	if isNil {
		return b, nil
	}
	if b.Entity, err = liveEntity(row(fields)); err != nil {
		return EntityBundle{}, fmt.Errorf("%s: %w", op, err)
	}
	if b.Entity == nil {
		return b, nil
	}
	get := func(col string) any { v, _ := rec.Get(col); return v }
	if req.Roles {
		b.Roles, err = decodeFacts(get("roles"), roleFromFact)
	}
	if req.Leaders && err == nil {
		b.Leaders, err = decodeFacts(get("leaders"), roleFromFact)
	}
	if req.Memberships && err == nil {
		b.Memberships, err = decodeFacts(get("memberships"), membershipFromFact)
	}
	if req.Members && err == nil {
		b.Members, err = decodeFacts(get("members"), membershipFromFact)
	}
	if req.Page != nil && err == nil {
		m, _ := get("page").(map[string]any)
		page := pageRecord(m)
		var p kg.Page[kg.Statement]
		p, err = decodeStatementPage(page, req.Page.Filter.Order, req.Page.First, cursor, FieldsOf(ctx))
		b.Page = &p
	}
	if err != nil {
		return EntityBundle{}, fmt.Errorf("%s: %w", op, err)
	}
	return b, nil
}

// EventRequest names what EventBundle reads along with an event: its
// participations, its evidence, and, for every participant, one page of
// statements (ScopeSpeaker) or mentions (ScopeAbout).
type EventRequest struct {
	Participants, Evidence bool
	ParticipantPage        *PageRequest
}

// EventBundle is an event and what an EventRequest asked for; Event is nil
// when the id names nothing. ParticipantPages are in participant order.
type EventBundle struct {
	Event            *kg.Event
	Participants     []kg.Participation
	Evidence         []kg.Evidence
	ParticipantPages []kg.Page[kg.Statement]
}

// EventBundle reads an event and the lists a request asks for in one round
// trip, down to its participants' statements: node(id: event) {
// participants { entity { statements } } } is one query. As in
// EntityBundle, each part is its own method's Cypher in a subquery.
func (s *Store) EventBundle(ctx context.Context, id string, req EventRequest) (EventBundle, error) {
	const op = "store.EventBundle"
	if req.ParticipantPage != nil {
		req.Participants = true
	}
	params := map[string]any{"id": id, "ids": []string{id}}
	var q strings.Builder
	q.WriteString("OPTIONAL MATCH (ev:Event {id: $id})\n")
	columns := []string{"ev {.id, .name, .kind, .description, .date, .endDate, .location} AS ev"}
	part := func(column, cypher, expr string) {
		writePart(&q, column, cypher, expr)
		columns = append(columns, column)
	}
	if req.Participants {
		part("participants", query("participations_by_event"), "facts")
	}
	if req.Evidence {
		part("evidence", query("event_evidence"), "evidence")
	}
	cursor := false
	if pr := req.ParticipantPage; pr != nil {
		pp, c, err := statementPageParams(nil, pr.Filter, pr.First, pr.After)
		if err != nil {
			return EventBundle{}, fmt.Errorf("%s: %w", op, err)
		}
		for k, v := range pp {
			params[k] = v
		}
		cursor = c
		// The anchors are the participants, found in the query itself.
		pages := statementQueryOver("pageAnchors", pr.Scope, pr.Filter)
		fmt.Fprintf(&q, "CALL (participants) {\n  WITH [f IN participants | f.from.id] AS pageAnchors\n  CALL (pageAnchors) {\n%s\n  }\n  RETURN collect({total: total, after: after, page: page}) AS participantPages\n}\n", pages)
		columns = append(columns, "participantPages")
	}
	fmt.Fprintf(&q, "RETURN %s", strings.Join(columns, ", "))

	res, err := s.read(ctx, op, q.String(), params)
	if err != nil {
		return EventBundle{}, err
	}
	var b EventBundle
	if len(res.Records) != 1 {
		return b, fmt.Errorf("%s: %d rows", op, len(res.Records))
	}
	rec := res.Records[0]
	get := func(col string) any { v, _ := rec.Get(col); return v }
	r, ok := asRow(get("ev"))
	if !ok || r.str("id") == "" { // none, or deleted while the query ran
		return b, nil
	}
	ev := r.event()
	b.Event = &ev
	if req.Participants {
		b.Participants, err = decodeFacts(get("participants"), participationFromFact)
	}
	if req.Evidence && err == nil {
		b.Evidence = row{"e": get("evidence")}.evidenceList("e")
	}
	if req.ParticipantPage != nil && err == nil {
		list, _ := get("participantPages").([]any)
		for _, v := range list {
			m, _ := v.(map[string]any)
			page := pageRecord(m)
			var p kg.Page[kg.Statement]
			if p, err = decodeStatementPage(page, req.ParticipantPage.Filter.Order, req.ParticipantPage.First, cursor, FieldsOf(ctx)); err != nil {
				break
			}
			b.ParticipantPages = append(b.ParticipantPages, p)
		}
		if err == nil && len(b.ParticipantPages) != len(b.Participants) {
			err = fmt.Errorf("%d pages for %d participants", len(b.ParticipantPages), len(b.Participants))
		}
	}
	if err != nil {
		return EventBundle{}, fmt.Errorf("%s: %w", op, err)
	}
	return b, nil
}

// writePart adds one part of a bundle: a store method's own query, run as
// a subquery, its answer returned as expr under column.
func writePart(q *strings.Builder, column, cypher, expr string) {
	fmt.Fprintf(q, "CALL () {\n  CALL () {\n%s\n  }\n  RETURN %s AS %s\n}\n", cypher, expr, column)
}

// pageRecord turns a bundled page ({total, after, page}) back into the
// row a page query returns, for decodeStatementPage.
func pageRecord(m map[string]any) *neo4j.Record {
	return &neo4j.Record{Keys: []string{"total", "after", "page"}, Values: []any{m["total"], m["after"], m["page"]}}
}
