package store

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"newsgraph/internal/kg"
	"newsgraph/internal/names"
)

const statementCursorList = "statements"

// statementPatterns are the ways to reach a statement st from an id held in
// the Cypher expression %s (a parameter or the anchor variable). Each has a
// form that starts a query (match) and one that tests a statement (exists).
var statementPatterns = map[string]struct{ match, exists string }{
	"speaker":     {"MATCH (:Entity {id: %s})-[:SAID]->(st:Statement)", "EXISTS { MATCH (:Entity {id: %s})-[:SAID]->(st) }"},
	"aboutEntity": {"MATCH (st:Statement)-[:ABOUT]->(:Entity {id: %s})", "EXISTS { MATCH (st)-[:ABOUT]->(:Entity {id: %s}) }"},
	"aboutEvent":  {"MATCH (st:Statement)-[:ABOUT]->(:Event {id: %s})", "EXISTS { MATCH (st)-[:ABOUT]->(:Event {id: %s}) }"},
	"event":       {"MATCH (st:Statement)-[:DURING]->(:Event {id: %s})", "EXISTS { MATCH (st)-[:DURING]->(:Event {id: %s}) }"},
	"topic":       {"MATCH (st:Statement)-[:ON_TOPIC]->(:Topic {id: %s})", "EXISTS { MATCH (st)-[:ON_TOPIC]->(:Topic {id: %s}) }"},
	"source":      {"MATCH (st:Statement)-[:IN_SOURCE]->(:Source {id: %s})", "EXISTS { MATCH (st)-[:IN_SOURCE]->(:Source {id: %s}) }"},
	// The scopes of statementCounts' buckets and of network edges. Those
	// without a match form are only tested.
	"aboutNode": {"MATCH (st:Statement)-[:ABOUT]->(:Entity|Event {id: %s})", "EXISTS { MATCH (st)-[:ABOUT]->(:Entity|Event {id: %s}) }"},
	"speakerAbout": {"MATCH (:Entity {id: split(%[1]s, ' ')[0]})-[:SAID]->(st:Statement)-[:ABOUT]->(:Entity|Event {id: split(%[1]s, ' ')[1]})",
		"EXISTS { MATCH (:Entity {id: split(%[1]s, ' ')[0]})-[:SAID]->(st)-[:ABOUT]->(:Entity|Event {id: split(%[1]s, ' ')[1]}) }"},
	// A statement has one speaker, so unwinding the list finds each once;
	// it may be about several of a list's ids, so that list only tests.
	"speakers": {"UNWIND %s AS speakerId MATCH (:Entity {id: speakerId})-[:SAID]->(st:Statement)", "EXISTS { MATCH (sp:Entity)-[:SAID]->(st) WHERE sp.id IN %s }"},
	"aboutAny": {"", "EXISTS { MATCH (st)-[:ABOUT]->(a:Entity|Event) WHERE a.id IN %s }"},
	"kind":     {"", "st.kind = %s"},
	"day":      {"", countKeys[kg.ByDay] + " = %s"},
	"month":    {"", countKeys[kg.ByMonth] + " = %s"},
	"year":     {"", countKeys[kg.ByYear] + " = %s"},
}

// statementHop is a statement's tie to one node: the node's label, the
// relationship's type, and whether it points from the node to the statement.
type statementHop struct {
	label, rel  string
	toStatement bool
}

// pattern is the hop from node to st, in the relationship's direction.
func (h statementHop) pattern(node, st string) string {
	if h.toStatement {
		return fmt.Sprintf("(%s)-[:%s]->(%s)", node, h.rel, st)
	}
	return fmt.Sprintf("(%s)<-[:%s]-(%s)", node, h.rel, st)
}

// statementHops are the patterns of statementPatterns that tie a statement
// to one node found by id through one relationship. A query with two of
// them starts from whichever node has fewer such relationships (pairMatch).
var statementHops = map[string]statementHop{
	"speaker":     {"Entity", "SAID", true},
	"aboutEntity": {"Entity", "ABOUT", false},
	"aboutEvent":  {"Event", "ABOUT", false},
	"event":       {"Event", "DURING", false},
	"topic":       {"Topic", "ON_TOPIC", false},
	"source":      {"Source", "IN_SOURCE", false},
}

// pairMatch starts a statement query from two nodes at once, "what a said
// about b": it looks both up, reads how many statements each reaches (a
// node's degree by type and direction, which Neo4j keeps, so no statement
// is read), walks from the one with fewer, and tests the other with
// Expand(Into). The planner cannot make that choice: it plans once, with the
// average degree, so it walked from the speaker even when the speaker had
// 26,000 statements and the entity they were about had ten. The fragment
// ends in WITH *, so that the WHERE slot follows it as it follows a MATCH.
func pairMatch(a, b, aExpr, bExpr string) string {
	ha, hb := statementHops[a], statementHops[b]
	return fmt.Sprintf(`CALL (*) {
    MATCH (hopA:%[1]s {id: %[2]s})
    MATCH (hopB:%[3]s {id: %[4]s})
    WITH hopA, hopB, COUNT { %[5]s } AS degreeA, COUNT { %[6]s } AS degreeB
    CALL (hopA, hopB, degreeA, degreeB) {
      WITH hopA, hopB WHERE degreeA <= degreeB
      MATCH %[7]s WHERE EXISTS { %[8]s }
      RETURN st
      UNION ALL
      WITH hopA, hopB WHERE degreeA > degreeB
      MATCH %[9]s WHERE EXISTS { %[10]s }
      RETURN st
    }
    RETURN st
  }
  WITH *`, ha.label, aExpr, hb.label, bExpr,
		ha.pattern("hopA", ""), hb.pattern("hopB", ""),
		ha.pattern("hopA", "st:Statement"), hb.pattern("hopB", "st"),
		hb.pattern("hopB", "st:Statement"), ha.pattern("hopA", "st"))
}

// statementQuery is the page query (statements_page) for a scope and a
// filter: one page per anchor in $anchors, with the total and how many lie
// after the cursor.
func statementQuery(scope kg.Scope, f kg.StatementFilter) string {
	return statementQueryOver("$anchors", scope, f)
}

// statementQueryOver is statementQuery over the anchors that list (a
// parameter, or a variable of an enclosing query) holds.
func statementQueryOver(anchors string, scope kg.Scope, f kg.StatementFilter) string {
	// The text depends on which conditions the filter sets, never on their
	// values (those are parameters), so it is built once per shape: built
	// on every request, its replacer was a tenth of what a statement page
	// request allocated.
	key := statementShape{anchors: anchors, scope: scope, speaker: f.SpeakerID != "", event: f.EventID != "",
		topic: f.TopicID != "", kind: f.Kind != "", from: f.From != "", to: f.To != "", text: f.Text != "",
		speakerKinds: len(f.SpeakerKinds) > 0, speakers: len(f.SpeakerIDs) > 0, aboutAny: len(f.AboutIDs) > 0, order: f.Order}
	switch {
	case strings.HasPrefix(f.AboutID, string(kg.KindEvent)+":"):
		key.about = 2
	case f.AboutID != "":
		key.about = 1
	}
	if q, ok := statementQueries.Load(key); ok {
		return q.(string)
	}
	q := buildStatementQuery(anchors, scope, f)
	statementQueries.Store(key, q)
	return q
}

// statementShape is what of a filter (and the page's anchors and scope)
// the text of its page query depends on.
type statementShape struct {
	anchors                                                                       string
	scope                                                                         kg.Scope
	about                                                                         int // 0 none, 1 an entity, 2 an event
	speaker, event, topic, kind, from, to, text, speakerKinds, speakers, aboutAny bool
	order                                                                         kg.StatementOrder
}

// statementQueries holds statementQueryOver's texts by shape: a bounded
// set (the anchors are "$anchors" or an enclosing query's variable).
var statementQueries sync.Map

func buildStatementQuery(anchors string, scope kg.Scope, f kg.StatementFilter) string {
	match, filter, start := statementStart(scope, f)
	o := statementOrders[f.Order]
	key := strings.TrimPrefix(o.order, "st.")
	if start != nil {
		// The scan tests nothing but the node on the way, so it is an
		// option only when nothing else narrows the list.
		scan := "false"
		if filter == "true" {
			scan = "true"
		}
		h := start.hop
		return strings.NewReplacer("{{ANCHORS}}", anchors, "{{LABEL}}", h.label, "{{ID}}", start.expr,
			"{{HOP_COUNTED}}", h.pattern("counted", "st:Statement"), "{{HOP_WALKED}}", h.pattern("walkFrom", "st:Statement"),
			"{{HOP_SCANNED}}", h.pattern("scanFor", "st"), "{{DEGREE}}", h.pattern("hop", ""),
			"{{SCAN}}", scan, "{{WHERE}}", filter, "{{ORDER}}", o.order, "{{AFTER}}", o.after, "{{KEY}}", key,
		).Replace(query("statements_page_hop"))
	}
	hint := ""
	if match == scanStatements {
		// Nothing narrows the statements: the page reads the order's index
		// from the cursor on, in order, testing the filter on the way, and
		// stops at the page's end. The hint keeps the planner from scanning
		// (and sorting) every statement, or starting from the kind index.
		hint = " USING INDEX st:Statement(" + key + ")"
	}
	return strings.NewReplacer("{{ANCHORS}}", anchors, "{{MATCH}}", match, "{{HINT}}", hint, "{{WHERE}}", filter,
		"{{ORDER}}", o.order, "{{AFTER}}", o.after).Replace(query("statements_page"))
}

// statementOrders are the ORDER BY and the after-the-cursor test of each
// order. Each order reads one key (statementKey), a string whose ascending
// order is the list's order, from a range index: the page seeks the index
// past the cursor and reads it in order instead of sorting every statement.
// The test also bounds the key by the date filter, if any ($keyAfter,
// $keyBefore: statementKeyRange). The cursor stays (sortDate, sourceId,
// position, id); each order has its own cursor list, so a cursor from one
// is refused by the other instead of being misread.
var statementOrders = map[kg.StatementOrder]struct{ order, after, cursors string }{
	"": {
		order:   "st.newestKey",
		after:   "(st.newestKey > $keyAfter AND st.newestKey < $keyBefore)",
		cursors: statementCursorList,
	},
	kg.Oldest: {
		order:   "st.oldestKey",
		after:   "(st.oldestKey > $keyAfter AND st.oldestKey < $keyBefore)",
		cursors: statementCursorList + "-oldest",
	},
}

// statementKey is a statement's key in an order, as statements_create (and
// migrate_statement_keys) store it: the date part, the source id, the
// position zero-padded to 10 digits and the id, joined by spaces. Ids are
// lower-case letters, digits, '-' and ':', all after the space, so a
// shorter source id sorts first as it does alone. The date part is the
// sort date (a partial date's first day) as YYYYMMDD for OLDEST, and
// 99999999 minus that for NEWEST, so that ascending keys are newest first;
// undated statements get "~", after every digit: last in both orders.
func statementKey(order kg.StatementOrder, sortDate, sourceID string, position int, id string) (string, error) {
	d, err := statementKeyDate(order, sortDate)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%s %s %010d %s", d, sourceID, position, id), nil
}

// statementKeyDate is the date part of a statement key; sortDate is
// YYYY-MM-DD or "" (undated).
func statementKeyDate(order kg.StatementOrder, sortDate string) (string, error) {
	if sortDate == "" {
		return "~", nil
	}
	t, err := time.Parse(time.DateOnly, sortDate)
	if err != nil {
		return "", err
	}
	n := t.Year()*10000 + int(t.Month())*100 + t.Day()
	if order == kg.Oldest {
		return fmt.Sprintf("%08d", n), nil
	}
	return fmt.Sprintf("%08d", 99999999-n), nil
}

// maxDateSpan is the most days a statement's date spans from its first
// day to its last (a leap year's 2024-01-01 to 2024-12-31), with a day to
// spare.
const maxDateSpan = 366

// statementKeyRange gives the open range of keys, in an order, that can
// hold statements after the cursor key (after, "" for none) and within the
// filter's dates: a statement matches to only if its sort date is at most
// to, and from only if its sort date is at least from less maxDateSpan
// days (its date ends on or after from). A key starts with its 8-digit
// date part and a space, so the date part alone is below every key of that
// date, and the date part followed by "~" above them.
func statementKeyRange(order kg.StatementOrder, after string, f kg.StatementFilter) (lo, hi string, err error) {
	lo, hi = after, "~~"   // "~~" is above every key, undated ones ("~ …") too
	var early, late string // the bounds on the sort date, YYYY-MM-DD
	if f.From != "" {
		t, err := time.Parse(time.DateOnly, f.From.Start())
		if err != nil {
			return "", "", kg.InvalidInput("filter.from", "%q is not a date", f.From)
		}
		early = t.AddDate(0, 0, -maxDateSpan).Format(time.DateOnly)
	}
	if f.To != "" {
		late = f.To.End()
	}
	// OLDEST: the early bound is below, the late one above; NEWEST: later
	// dates have lower keys.
	below, above := early, late
	if order != kg.Oldest {
		below, above = late, early
	}
	if below != "" {
		d, err := statementKeyDate(order, below)
		if err != nil {
			return "", "", kg.InvalidInput("filter", "%q is not a date", below)
		}
		lo = max(lo, d)
	}
	if above != "" {
		d, err := statementKeyDate(order, above)
		if err != nil {
			return "", "", kg.InvalidInput("filter", "%q is not a date", above)
		}
		hi = d + "~"
	}
	return lo, hi, nil
}

// scanStatements is the start of a statement query that nothing narrows.
const scanStatements = "MATCH (st:Statement)"

// statementMatch builds the start and the WHERE of a statement query. Only
// fixed fragments go into the text; every value is a parameter. The query
// starts from the most selective thing it has: the full-text index, then
// the scope's anchor, then a filter's node, and scans statements only when
// nothing narrows them.
func statementMatch(scope kg.Scope, f kg.StatementFilter) (match, filter string) {
	match, filter, _ = statementStart(scope, f)
	return match, filter
}

// hopStart is a statement query's start when it is one node found by id
// and one relationship from it (statementHops): the hop, and the
// expression that gives the node's id.
type hopStart struct {
	hop  statementHop
	expr string
}

// statementStart is statementMatch, with the start it chose when that is
// one hop (nil otherwise), for the page query to fix the plan around it.
func statementStart(scope kg.Scope, f kg.StatementFilter) (match, filter string, start *hopStart) {
	type cond struct{ pattern, expr string }
	var conds []cond
	scopePattern := map[kg.Scope]string{
		kg.ScopeSpeaker: "speaker", kg.ScopeAbout: "aboutEntity", kg.ScopeEvent: "event",
		kg.ScopeTopic: "topic", kg.ScopeSource: "source", kg.ScopeAboutNode: "aboutNode",
		kg.ScopeSpeakerAbout: "speakerAbout", kg.ScopeKind: "kind", kg.ScopeDay: "day",
		kg.ScopeMonth: "month", kg.ScopeYear: "year",
	}
	if p, ok := scopePattern[scope]; ok {
		conds = append(conds, cond{p, "anchor"})
	}
	if f.SpeakerID != "" {
		conds = append(conds, cond{"speaker", "$f.speaker"})
	}
	if f.AboutID != "" {
		p := "aboutEntity"
		if strings.HasPrefix(f.AboutID, string(kg.KindEvent)+":") {
			p = "aboutEvent"
		}
		conds = append(conds, cond{p, "$f.about"})
	}
	if f.EventID != "" {
		conds = append(conds, cond{"event", "$f.event"})
	}
	if f.TopicID != "" {
		conds = append(conds, cond{"topic", "$f.topic"})
	}
	if len(f.SpeakerIDs) > 0 {
		conds = append(conds, cond{"speakers", "$f.speakers"})
	}
	if len(f.AboutIDs) > 0 {
		conds = append(conds, cond{"aboutAny", "$f.aboutAny"})
	}

	var where []string
	switch {
	case f.Text != "":
		match = "CALL db.index.fulltext.queryNodes('statement_text', $f.lucene) YIELD node AS st"
	default:
		match = scanStatements
		// Two conditions that each tie the statement to one node start
		// the query together (pairMatch). Otherwise the first condition
		// that can start a query does; the others (and those that can
		// only test) go into the WHERE.
		var hops []int
		for i, c := range conds {
			if _, ok := statementHops[c.pattern]; ok {
				hops = append(hops, i)
			}
		}
		if len(hops) >= 2 {
			a, b := conds[hops[0]], conds[hops[1]]
			match = pairMatch(a.pattern, b.pattern, a.expr, b.expr)
			conds = slices.Delete(conds, hops[1], hops[1]+1)
			conds = slices.Delete(conds, hops[0], hops[0]+1)
		} else if i := slices.IndexFunc(conds, func(c cond) bool { return statementPatterns[c.pattern].match != "" }); i >= 0 {
			match = fmt.Sprintf(statementPatterns[conds[i].pattern].match, conds[i].expr)
			if h, ok := statementHops[conds[i].pattern]; ok {
				start = &hopStart{h, conds[i].expr}
			}
			conds = slices.Delete(conds, i, i+1)
		}
	}
	for _, c := range conds {
		where = append(where, fmt.Sprintf(statementPatterns[c.pattern].exists, c.expr))
	}
	if f.Kind != "" {
		where = append(where, "st.kind = $f.kind")
	}
	if f.From != "" {
		where = append(where, "st.dateEnd >= $f.from")
	}
	if f.To != "" {
		where = append(where, "st.dateStart <= $f.to")
	}
	if len(f.SpeakerKinds) > 0 {
		where = append(where, "EXISTS { MATCH (sp:Entity)-[:SAID]->(st) WHERE any(l IN labels(sp) WHERE l IN $f.speakerLabels) }")
	}
	filter = "true"
	if len(where) > 0 {
		filter = strings.Join(where, "\n    AND ")
	}
	return match, filter, start
}

// CheckStatementFilter validates a filter as the store will run it, so that
// callers outside GraphQL (the export) refuse the same input the same way.
func CheckStatementFilter(f kg.StatementFilter) error {
	_, err := checkStatementFilter(f)
	return err
}

// StreamStatements runs a filter over every statement, in the contract's
// order, and hands each to fn as Neo4j streams it, without holding the
// list in memory. An error before the first statement means nothing was
// handed over; fn's own error stops the stream.
func (s *Store) StreamStatements(ctx context.Context, f kg.StatementFilter, fn func(kg.Statement) error) error {
	const op = "store.StreamStatements"
	fp, err := checkStatementFilter(f)
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	match, filter := statementMatch(kg.ScopeNone, f)
	cypher := strings.NewReplacer("{{MATCH}}", match, "{{WHERE}}", filter).Replace(query("statements_stream"))
	countRoundTrip(ctx)
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeRead})
	defer sess.Close(context.WithoutCancel(ctx))
	cypher, params := prepare(ctx, cypher, map[string]any{"f": fp})
	res, err := sess.Run(ctx, cypher, params, neo4j.WithTxTimeout(s.txTimeout(ctx, s.timeout)))
	if err != nil {
		return s.wrap(ctx, op, err)
	}
	for res.Next(ctx) {
		v, _ := res.Record().Get("st")
		r, ok := asRow(v)
		if !ok {
			return fmt.Errorf("%s: row is %T", op, v)
		}
		st, err := r.statement()
		if err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		if err := fn(st); err != nil {
			return err
		}
	}
	return s.wrap(ctx, op, res.Err())
}

// checkStatementFilter validates a filter's ids and dates, naming the
// argument at fault, and returns the query parameters for it.
func checkStatementFilter(f kg.StatementFilter) (map[string]any, error) {
	p := map[string]any{}
	check := func(field, id string, kinds ...kg.IDKind) error {
		if id == "" {
			return nil
		}
		kind, _, err := kg.ParseID(field, id)
		if err != nil {
			return err
		}
		for _, k := range kinds {
			if k == kind {
				return nil
			}
		}
		return kg.InvalidInput(field, "%q is a %s id; expected %s", id, kind, kindWords(kinds))
	}
	entityKinds := []kg.IDKind{kg.KindPerson, kg.KindNation, kg.KindOrganisation}
	for _, err := range []error{
		check("filter.speaker", f.SpeakerID, entityKinds...),
		check("filter.about", f.AboutID, append(entityKinds, kg.KindEvent)...),
		check("filter.event", f.EventID, kg.KindEvent),
		check("filter.topic", f.TopicID, kg.KindTopic),
	} {
		if err != nil {
			return nil, err
		}
	}
	p["speaker"], p["about"], p["event"], p["topic"] = f.SpeakerID, f.AboutID, f.EventID, f.TopicID
	for _, l := range []struct {
		field string
		ids   []string
		kinds []kg.IDKind
	}{{"speakers", f.SpeakerIDs, entityKinds}, {"aboutAny", f.AboutIDs, append(entityKinds, kg.KindEvent)}} {
		if l.ids == nil {
			continue
		}
		if len(l.ids) == 0 || len(l.ids) > kg.MaxPageSize {
			return nil, kg.InvalidInput("filter."+l.field, "gives %d ids; give 1 to %d", len(l.ids), kg.MaxPageSize)
		}
		for i, id := range l.ids {
			if err := check(fmt.Sprintf("filter.%s[%d]", l.field, i), id, l.kinds...); err != nil {
				return nil, err
			}
		}
		p[l.field] = l.ids
	}
	if f.Kind != "" && f.Kind != kg.Quote && f.Kind != kg.Paraphrase {
		return nil, kg.InvalidInput("filter.kind", "%q is not QUOTE or PARAPHRASE", f.Kind)
	}
	p["kind"] = string(f.Kind)
	if f.From != "" && f.To != "" && f.To.Before(f.From) {
		return nil, kg.InvalidInput("filter.to", "%s is before filter.from %s", f.To, f.From)
	}
	p["from"], p["to"] = startOf(f.From), endOf(f.To)
	if f.Text != "" {
		lucene, err := luceneAllWords(f.Text)
		if err != nil {
			return nil, err
		}
		p["lucene"] = lucene
	}
	var labels []string
	for _, k := range f.SpeakerKinds {
		l, ok := entityLabels[k]
		if !ok {
			return nil, kg.InvalidInput("filter.speakerKinds", "unknown kind %q", k)
		}
		labels = append(labels, l)
	}
	p["speakerLabels"] = nonNil(labels)
	return p, nil
}

func kindWords(kinds []kg.IDKind) string {
	s := make([]string, len(kinds))
	for i, k := range kinds {
		s[i] = string(k)
	}
	return strings.Join(s, " or ")
}

// maxTextFilter bounds the text filter; a statement is never that long.
const maxTextFilter = 500

// luceneAllWords turns free text into a Lucene query requiring every word,
// each also as a prefix, so "troop" finds "troops" and "Putin" finds
// "Putin's". Only letters and digits survive, folded as the index folds
// them, so Lucene's operators and special characters in the input can
// never cause a syntax error.
func luceneAllWords(text string) (string, error) {
	if len(text) > maxTextFilter {
		return "", kg.InvalidInput("filter.text", "is longer than %d bytes", maxTextFilter)
	}
	words := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(words) == 0 {
		return "", kg.InvalidInput("filter.text", "%q has no words to search for", text)
	}
	for i, w := range words {
		// Prefix terms are not analysed, so fold here as standard-folding
		// does at index time; folding also makes AND, OR and NOT plain words.
		words[i] = "+" + names.Fold(w) + "*"
	}
	return strings.Join(words, " "), nil
}

// StatementPages returns one page of statements per anchor, in anchor order,
// all in one round trip: the statements of each speaker (ScopeSpeaker), about
// each entity (ScopeAbout), and so on; with ScopeNone, pass one anchor "".
// Each statement comes with its speaker, what it is about, its event, its
// topics and its evidence.
func (s *Store) StatementPages(ctx context.Context, scope kg.Scope, anchors []string, f kg.StatementFilter, first int, after *string) ([]kg.Page[kg.Statement], error) {
	const op = "store.StatementPages"
	params, cursor, err := statementPageParams(anchors, f, first, after)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	res, err := s.read(ctx, op, statementQuery(scope, f), params)
	if err != nil {
		return nil, err
	}
	pages := make([]kg.Page[kg.Statement], len(anchors))
	for i, rec := range res.Records {
		if i >= len(pages) {
			break
		}
		if pages[i], err = decodeStatementPage(rec, f.Order, first, cursor, FieldsOf(ctx)); err != nil {
			return nil, fmt.Errorf("%s: %w", op, err)
		}
	}
	return pages, nil
}

// statementPageParams checks a page request and returns its parameters.
func statementPageParams(anchors []string, f kg.StatementFilter, first int, after *string) (params map[string]any, cursor bool, err error) {
	fp, err := checkStatementFilter(f)
	if err != nil {
		return nil, false, err
	}
	o, ok := statementOrders[f.Order]
	if !ok {
		return nil, false, kg.InvalidInput("orderBy", "%q is not NEWEST or OLDEST", f.Order)
	}
	key, err := kg.DecodeCursor(o.cursors, 4, after)
	if err != nil {
		return nil, false, err
	}
	afterKey := ""
	if key != nil {
		pos, err := strconv.Atoi(key[2])
		if err != nil {
			return nil, false, kg.InvalidInput("after", "is not a cursor from this list")
		}
		if afterKey, err = statementKey(f.Order, key[0], key[1], pos, key[3]); err != nil {
			return nil, false, kg.InvalidInput("after", "is not a cursor from this list")
		}
	}
	lo, hi, err := statementKeyRange(f.Order, afterKey, f)
	if err != nil {
		return nil, false, err
	}
	params = map[string]any{"anchors": anchors, "f": fp, "limit": first + 1, "keyAfter": lo, "keyBefore": hi}
	return params, key != nil, nil
}

// decodeStatementPage reads one row of a statement page query.
func decodeStatementPage(rec *neo4j.Record, order kg.StatementOrder, first int, cursor bool, f Fields) (kg.Page[kg.Statement], error) {
	var p kg.Page[kg.Statement]
	info, err := readPage(rec, first, cursor, func(r row) error {
		st, err := r.statement()
		if err == nil && vanishedStatement(st, f) {
			return nil
		}
		p.Items = append(p.Items, st)
		if !f.Keys {
			// No cursor is asked for, so the projection left out its parts.
			p.Cursors = append(p.Cursors, "")
			return err
		}
		p.Cursors = append(p.Cursors, kg.EncodeCursor(statementOrders[order].cursors,
			r.str("sortDate"), r.str("sourceId"), strconv.Itoa(r.int("position")), st.ID))
		return err
	})
	p.TotalCount, p.HasNextPage, p.HasPreviousPage = info.total, info.hasNext, info.prev
	return p, err
}

// StatementsByID returns statements in the order of ids; nil where absent.
func (s *Store) StatementsByID(ctx context.Context, ids []string) ([]*kg.Statement, error) {
	const op = "store.StatementsByID"
	res, err := s.read(ctx, op, query("statements_by_id"), map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	out, err := perKey(res.Records, len(ids), "st", func(v any) (*kg.Statement, error) {
		r, ok := asRow(v)
		if !ok {
			return nil, fmt.Errorf("statement is %T", v)
		}
		st, err := r.statement()
		return &st, err
	})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	return out, nil
}

// vanishedStatement reports whether a statement read was deleted while the
// query ran (a source deleted or replaced): reads see other transactions'
// commits (read committed), so its node can come back without its id, or
// without the speaker every statement has. It is left out of the answer,
// as it would be a moment later, rather than failing the request (the
// soak, replacing a source a second while reading, saw both).
func vanishedStatement(st kg.Statement, f Fields) bool {
	return st.ID == "" || f.Speaker && st.Speaker == nil
}
