package ingest

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"newsgraph/internal/kg"
	"newsgraph/internal/names"
)

// Limits on one document, so that no single request can tie up the
// database; a newsroom splits anything larger into several sources.
const (
	MaxTextRunes = 1_000_000
	MaxFacts     = 20_000
)

// Validate checks a document on its own: every reference must resolve
// within it. See ValidateWith.
func Validate(doc *Document) (*kg.SourceDocument, error) {
	return ValidateWith(context.Background(), doc, nil)
}

// ValidateWith checks a document against every rule and, when it passes,
// returns it with references checked and evidence resolved to offsets. When
// it fails, the error is an *InvalidError listing every problem.
//
// With a graph, references may also name entities, events and topics that
// are already there, and a new entity whose name or alias is an existing
// entity's (of the same kind) is refused unless marked distinct.
func ValidateWith(ctx context.Context, doc *Document, g Graph) (*kg.SourceDocument, error) {
	v := &validator{doc: doc, out: &kg.SourceDocument{}, kinds: map[string]kg.IDKind{}, entityKind: map[string]kg.EntityKind{}}
	v.limits()
	v.source()
	v.entities()
	v.topics()
	v.events()
	if g != nil {
		if err := v.lookUp(ctx, g); err != nil {
			return nil, err
		}
	}
	v.roles()
	v.memberships()
	v.participations()
	v.statements()
	if len(v.ps) > 0 {
		return nil, invalid(v.ps...)
	}
	return v.out, nil
}

type validator struct {
	doc *Document
	out *kg.SourceDocument
	ps  problems
	// existing maps ids already in the graph, referred to but not declared.
	existing map[string]kg.IDKind
	// text is nil when the source text itself is missing; evidence is then
	// not checked, since every piece would fail for the same reason.
	text *text
	// kinds maps every id declared in the document to its kind.
	kinds      map[string]kg.IDKind
	entityKind map[string]kg.EntityKind
}

// limits refuses documents too large to load as one transaction.
func (v *validator) limits() {
	d := v.doc
	if n := utf8.RuneCountInString(d.Source.Text); n > MaxTextRunes {
		v.ps.add("source.text", "has %d characters; the limit is %d: split the source", n, MaxTextRunes)
	}
	facts := len(d.Entities) + len(d.Topics) + len(d.Events) + len(d.Roles) + len(d.Memberships) + len(d.Statements)
	for _, e := range d.Events {
		facts += len(e.Participants)
	}
	if facts > MaxFacts {
		v.ps.add("document", "has %d facts (entities, topics, events, participants, roles, memberships and statements); the limit is %d", facts, MaxFacts)
	}
}

// references hands add every id the document's facts refer to: the
// people, entities, events and topics of roles, memberships,
// participations and statements (declared or not).
func references(d *Document, add func(ids ...string)) {
	for _, r := range d.Roles {
		add(r.Person, r.Of)
	}
	for _, m := range d.Memberships {
		add(m.Member, m.Organisation)
	}
	for _, e := range d.Events {
		for _, p := range e.Participants {
			add(p.Entity)
		}
	}
	for _, s := range d.Statements {
		add(s.Speaker, s.Event)
		add(s.About...)
		add(s.Topics...)
	}
}

// lookUp asks the graph about every id the document refers to without
// declaring, and about entities that may already exist under another id.
func (v *validator) lookUp(ctx context.Context, g Graph) error {
	d := v.doc
	var refs []string
	references(d, func(ids ...string) {
		for _, id := range ids {
			if _, declared := v.kinds[id]; id != "" && !declared && !slices.Contains(refs, id) {
				refs = append(refs, id)
			}
		}
	})
	declared := make([]string, 0, len(d.Entities))
	for _, e := range d.Entities {
		declared = append(declared, e.ID)
	}
	known, err := g.NodeKinds(ctx, append(refs, declared...))
	if err != nil {
		return fmt.Errorf("ingest.Validate: %w", err)
	}
	v.existing = map[string]kg.IDKind{}
	for _, id := range refs {
		if k, ok := known[id]; ok {
			v.existing[id] = k
		}
	}
	return v.sameNames(ctx, g, known)
}

// sameNames refuses a new entity whose folded name or alias is an existing
// entity's of the same kind, or another new entity's in the document,
// unless the document marks it distinct.
func (v *validator) sameNames(ctx context.Context, g Graph, known map[string]kg.IDKind) error {
	type claim struct {
		at  int
		key string
	}
	byKind := map[kg.EntityKind][]claim{}
	for i, e := range v.doc.Entities {
		kind := kg.EntityKind(e.Kind)
		if _, exists := known[e.ID]; exists || e.Distinct || !kind.Valid() {
			continue
		}
		for _, key := range names.Keys(e.Name, e.Aliases) {
			byKind[kind] = append(byKind[kind], claim{i, key})
		}
	}
	for _, kind := range kg.EntityKinds {
		claims := byKind[kind]
		if len(claims) == 0 {
			continue
		}
		keys := make([]string, len(claims))
		for i, c := range claims {
			keys[i] = c.key
		}
		found, err := g.SameNames(ctx, kind, keys)
		if err != nil {
			return fmt.Errorf("ingest.Validate: %w", err)
		}
		reported := map[int]bool{}
		firstClaim := map[string]int{}
		for _, c := range claims {
			path := fmt.Sprintf("entities[%d].name", c.at)
			// The entity itself may have arrived meanwhile, from a
			// concurrent load of another document: that is no namesake.
			ids := slices.DeleteFunc(slices.Clone(found[c.key]), func(id string) bool { return id == v.doc.Entities[c.at].ID })
			if len(ids) > 0 && !reported[c.at] {
				reported[c.at] = true
				v.ps.add(path, "%q is already in the graph as %s: did you mean %s? Use that id, or set \"distinct\": true if this is someone else",
					c.key, strings.Join(ids, ", "), ids[0])
			}
			if j, dup := firstClaim[c.key]; dup && j != c.at && !reported[c.at] {
				reported[c.at] = true
				v.ps.add(path, "%q is also the name of entities[%d] (%s); declare one entity, or set \"distinct\": true", c.key, j, v.doc.Entities[j].ID)
			} else if !dup {
				firstClaim[c.key] = c.at
			}
		}
	}
	return nil
}

func (v *validator) source() {
	s := v.doc.Source
	out := &v.out.Source
	if kind, _, err := kg.ParseID("id", s.ID); err != nil {
		v.ps.addErr("source.id", err)
	} else if kind != kg.KindSource {
		v.ps.add("source.id", "%q is not a source id (source:<slug>)", s.ID)
	}
	out.ID = s.ID
	out.Title = strings.TrimSpace(s.Title)
	if out.Title == "" {
		v.ps.add("source.title", "is required")
	}
	out.Publisher = strings.TrimSpace(s.Publisher)
	out.URL = strings.TrimSpace(s.URL)
	if out.URL != "" {
		if u, err := url.Parse(out.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			v.ps.add("source.url", "%q is not an http(s) URL", out.URL)
		}
	}
	if s.PublishedAt != "" {
		d, err := kg.ParseDate("publishedAt", string(s.PublishedAt))
		if err != nil {
			v.ps.addErr("source.publishedAt", err)
		}
		out.PublishedAt = d
	}
	if strings.TrimSpace(s.Text) == "" {
		v.ps.add("source.text", "is required: evidence points into it")
		return
	}
	out.Text = s.Text
	v.text = newText(s.Text)
}

// declare records an id declared at path, refusing duplicates and ids of
// the wrong kind.
func (v *validator) declare(path, id string, want ...kg.IDKind) bool {
	kind, _, err := kg.ParseID("id", id)
	if err != nil {
		v.ps.addErr(path, err)
		return false
	}
	if !slices.Contains(want, kind) {
		v.ps.add(path, "%q is %s id; expected %s", id, kindList([]kg.IDKind{kind}), kindList(want))
		return false
	}
	if _, dup := v.kinds[id]; dup {
		v.ps.add(path, "%q is declared twice", id)
		return false
	}
	v.kinds[id] = kind
	return true
}

// ref checks that id at path names something declared, of one of the kinds.
func (v *validator) ref(path, id string, want ...kg.IDKind) bool {
	if id == "" {
		v.ps.add(path, "is required")
		return false
	}
	if _, _, err := kg.ParseID("id", id); err != nil {
		v.ps.addErr(path, err)
		return false
	}
	kind, ok := v.kinds[id]
	if !ok {
		kind, ok = v.existing[id]
	}
	if !ok {
		if v.existing != nil {
			v.ps.add(path, "%q is not declared in this document, and the graph has no such id", id)
		} else {
			v.ps.add(path, "%q is not declared in this document", id)
		}
		return false
	}
	if !slices.Contains(want, kind) {
		v.ps.add(path, "%q is %s; expected %s", id, kindList([]kg.IDKind{kind}), kindList(want))
		return false
	}
	return true
}

func kindList(ks []kg.IDKind) string {
	s := make([]string, len(ks))
	for i, k := range ks {
		s[i] = string(k)
	}
	article := "a "
	if strings.ContainsRune("aeiou", rune(s[0][0])) {
		article = "an "
	}
	if len(s) == 1 {
		return article + s[0]
	}
	return article + strings.Join(s[:len(s)-1], ", ") + " or " + s[len(s)-1]
}

// evidence resolves a list of evidence, requiring at least one.
func (v *validator) evidence(path string, in Evidences, required bool) []kg.Evidence {
	if len(in) == 0 {
		if required {
			v.ps.add(path, "missing: every fact needs evidence from the source text")
		}
		return nil
	}
	if v.text == nil {
		return nil
	}
	var out []kg.Evidence
	for i, e := range in {
		p := path
		if len(in) > 1 {
			p = path + "[" + strconv.Itoa(i) + "]"
		}
		if ev, ok := v.text.resolve(v.out.Source.ID, p, e, &v.ps); ok {
			out = append(out, ev)
		}
	}
	return out
}

func (v *validator) entities() {
	for i, e := range v.doc.Entities {
		path := fmt.Sprintf("entities[%d]", i)
		kind := kg.EntityKind(e.Kind)
		if !kind.Valid() {
			v.ps.add(path+".kind", "%q is not PERSON, NATION or ORGANISATION", e.Kind)
		} else if v.declare(path+".id", e.ID, kind.IDKind()) {
			v.entityKind[e.ID] = kind
		}
		name := strings.TrimSpace(e.Name)
		if name == "" {
			v.ps.add(path+".name", "is required")
		}
		var aliases []string
		for j, a := range e.Aliases {
			a = strings.TrimSpace(a)
			switch {
			case a == "":
				v.ps.add(fmt.Sprintf("%s.aliases[%d]", path, j), "is empty")
			case a == name || slices.Contains(aliases, a):
				v.ps.add(fmt.Sprintf("%s.aliases[%d]", path, j), "%q repeats the name or another alias", a)
			default:
				aliases = append(aliases, a)
			}
		}
		v.out.Entities = append(v.out.Entities, kg.Entity{
			ID: e.ID, Kind: kind, Name: name, Aliases: aliases, Description: strings.TrimSpace(e.Description),
		})
		v.out.EntityEvidence = append(v.out.EntityEvidence, v.evidence(path+".evidence", e.Evidence, false))
	}
}

func (v *validator) topics() {
	for i, t := range v.doc.Topics {
		path := fmt.Sprintf("topics[%d]", i)
		v.declare(path+".id", t.ID, kg.KindTopic)
		name := strings.TrimSpace(t.Name)
		if name == "" {
			v.ps.add(path+".name", "is required")
		}
		v.out.Topics = append(v.out.Topics, kg.Topic{ID: t.ID, Name: name})
	}
}

// date checks a date as written; the result is "" when s is.
func (v *validator) date(path string, s kg.Date) kg.Date {
	if s == "" {
		return ""
	}
	d, err := kg.ParseDate("date", string(s))
	if err != nil {
		v.ps.addErr(path, err)
	}
	return d
}

func (v *validator) events() {
	for i, e := range v.doc.Events {
		path := fmt.Sprintf("events[%d]", i)
		v.declare(path+".id", e.ID, kg.KindEvent)
		ev := kg.Event{
			ID: e.ID, Name: strings.TrimSpace(e.Name), Kind: e.Kind, Description: strings.TrimSpace(e.Description),
			Date: v.date(path+".date", e.Date), EndDate: v.date(path+".endDate", e.EndDate), Location: strings.TrimSpace(e.Location),
		}
		if ev.Name == "" {
			v.ps.add(path+".name", "is required")
		}
		if !slices.Contains(kg.EventKinds, e.Kind) {
			v.ps.add(path+".kind", "%q is not a known event kind (%s)", e.Kind, strings.Join(kg.EventKinds, ", "))
		}
		if ev.EndDate != "" && ev.Date == "" {
			v.ps.add(path+".endDate", "needs a date to end after")
		} else if ev.EndDate != "" && ev.EndDate.Before(ev.Date) {
			v.ps.add(path+".endDate", "%s is before the date %s", ev.EndDate, ev.Date)
		}
		ev.Evidence = v.evidence(path+".evidence", e.Evidence, true)
		v.out.Events = append(v.out.Events, ev)
	}
}

// participations run after every event and entity is declared.
func (v *validator) participations() {
	for i, e := range v.doc.Events {
		seen := map[string]int{}
		for j, p := range e.Participants {
			path := fmt.Sprintf("events[%d].participants[%d]", i, j)
			v.ref(path+".entity", p.Entity, kg.KindPerson, kg.KindNation, kg.KindOrganisation)
			if k, dup := seen[p.Entity]; dup {
				v.ps.add(path+".entity", "%q already takes part, at participants[%d]", p.Entity, k)
			}
			seen[p.Entity] = j
			v.out.Participations = append(v.out.Participations, kg.Participation{
				EntityID: p.Entity, EventID: e.ID, Role: strings.TrimSpace(p.Role),
				Evidence: v.evidence(path+".evidence", p.Evidence, true),
			})
		}
	}
}

func (v *validator) roles() {
	seen := map[[3]string]int{}
	for i, r := range v.doc.Roles {
		path := fmt.Sprintf("roles[%d]", i)
		v.ref(path+".person", r.Person, kg.KindPerson)
		v.ref(path+".of", r.Of, kg.KindNation, kg.KindOrganisation)
		title := strings.TrimSpace(r.Title)
		if title == "" {
			v.ps.add(path+".title", "is required")
		}
		key := [3]string{r.Person, title, r.Of}
		if k, dup := seen[key]; dup {
			v.ps.add(path, "repeats roles[%d]", k)
		}
		seen[key] = i
		v.out.Roles = append(v.out.Roles, kg.Role{
			PersonID: r.Person, Title: title, OfID: r.Of, Evidence: v.evidence(path+".evidence", r.Evidence, true),
		})
	}
}

func (v *validator) memberships() {
	seen := map[[2]string]int{}
	for i, m := range v.doc.Memberships {
		path := fmt.Sprintf("memberships[%d]", i)
		v.ref(path+".member", m.Member, kg.KindNation, kg.KindOrganisation)
		v.ref(path+".organisation", m.Organisation, kg.KindOrganisation)
		if m.Member != "" && m.Member == m.Organisation {
			v.ps.add(path+".member", "an organisation cannot be a member of itself")
		}
		key := [2]string{m.Member, m.Organisation}
		if k, dup := seen[key]; dup {
			v.ps.add(path, "repeats memberships[%d]", k)
		}
		seen[key] = i
		v.out.Memberships = append(v.out.Memberships, kg.Membership{
			MemberID: m.Member, OrganisationID: m.Organisation, Role: strings.TrimSpace(m.Role),
			Evidence: v.evidence(path+".evidence", m.Evidence, true),
		})
	}
}

func (v *validator) statements() {
	_, sourceSlug, _ := strings.Cut(v.out.Source.ID, ":")
	for i, s := range v.doc.Statements {
		path := fmt.Sprintf("statements[%d]", i)
		st := kg.Statement{
			ID: s.ID, Kind: kg.StatementKind(s.Kind), Text: strings.TrimSpace(s.Text), SpeakerID: s.Speaker,
			Attribution: strings.TrimSpace(s.Attribution), EventID: s.Event, Date: v.date(path+".date", s.Date),
		}
		if st.Kind != kg.Quote && st.Kind != kg.Paraphrase {
			v.ps.add(path+".kind", "%q is not QUOTE or PARAPHRASE", s.Kind)
		}
		if st.Text == "" {
			v.ps.add(path+".text", "is required")
		}
		v.ref(path+".speaker", s.Speaker, kg.KindPerson, kg.KindNation, kg.KindOrganisation)
		for j, a := range s.About {
			p := fmt.Sprintf("%s.about[%d]", path, j)
			if v.ref(p, a, kg.KindPerson, kg.KindNation, kg.KindOrganisation, kg.KindEvent) {
				if slices.Contains(st.AboutIDs, a) {
					v.ps.add(p, "%q is listed twice", a)
				}
				st.AboutIDs = append(st.AboutIDs, a)
			}
		}
		if s.Event != "" {
			v.ref(path+".event", s.Event, kg.KindEvent)
		}
		for j, t := range s.Topics {
			p := fmt.Sprintf("%s.topics[%d]", path, j)
			if v.ref(p, t, kg.KindTopic) {
				if slices.Contains(st.TopicIDs, t) {
					v.ps.add(p, "%q is listed twice", t)
				}
				st.TopicIDs = append(st.TopicIDs, t)
			}
		}
		if s.Evidence == nil {
			v.ps.add(path+".evidence", "missing: every statement needs evidence from the source text")
		} else if v.text != nil {
			if ev, ok := v.text.resolve(v.out.Source.ID, path+".evidence", *s.Evidence, &v.ps); ok {
				st.Evidence = ev
				if st.Kind == kg.Quote && st.Text != "" && !strings.Contains(ev.Excerpt, st.Text) {
					v.ps.add(path+".text", "a QUOTE's text must stand verbatim in its evidence, and %q does not", st.Text)
				}
			}
		}
		// Ids: given, or derived from the evidence's position so that
		// re-ingesting the same document gives the same ids.
		if st.ID == "" && sourceSlug != "" && st.Evidence.End > 0 {
			base := fmt.Sprintf("statement:%s-%d", sourceSlug, st.Evidence.Start)
			st.ID = base
			for n := 2; v.kinds[st.ID] != ""; n++ {
				st.ID = fmt.Sprintf("%s-%d", base, n)
			}
			v.kinds[st.ID] = kg.KindStatement
		} else if st.ID != "" {
			v.declare(path+".id", st.ID, kg.KindStatement)
		}
		v.out.Statements = append(v.out.Statements, st)
	}
}
