package store

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"newsgraph/internal/kg"
	"newsgraph/internal/names"
)

// The offline import (newsgraph import) writes the graph that loading
// documents one by one would leave as CSV files for Neo4j's bulk importer
// (neo4j-admin database import full), which builds a new database without
// transactions. The files hold every property the transactional path
// writes, derived ones included (statement keys, entity counts, aliases and
// name keys, event and topic versions), computed here by the rules of
// load.go and its queries:
//
//   - an entity's name and sort key are the last document's to declare it,
//     its description the last one given (entities_upsert);
//   - an event's and a topic's properties are the version of the source
//     with the greatest id (events_refresh, topics_refresh);
//   - aliases and name keys are collected from the sources oldest first
//     (entities_refresh_names);
//   - a membership's or participation's role is the last one given
//     (memberships_upsert, participations_upsert);
//   - counts are the entity's SAID and ABOUT degrees.
//
// The importer cannot write an empty list (it stores none), so a marker
// node, PendingImport, asks EnsureSchema to set the empty lists
// (import_finish.cypher) on the first start. Quoted empty strings are
// stored as "", unquoted empty fields as no property. The files also mark
// every start-up migration done: they are in the current shape.

// ImportArrayDelimiter separates list items inside a CSV field: a control
// character no text of a valid document holds (AddDocument refuses one).
const ImportArrayDelimiter = "\x1f"

// ImportWriter collects validated documents and writes them as the bulk
// importer's CSV files. Sources, statements and everything that belongs to
// one source are written as documents arrive; entities, events, topics and
// relationship facts, which several sources share, are folded in memory and
// written by Close.
type ImportWriter struct {
	dir   string
	files map[string]*importFile
	order []string

	entities map[string]*importEntity
	events   map[string]*importVersioned
	topics   map[string]*importVersioned
	roles    map[[3]string]bool
	members  map[[2]string]*string
	parts    map[[2]string]*string
	// Keys in first-seen order, so the files come out the same every time.
	entityOrder, eventOrder, topicOrder []string
	roleOrder                           [][3]string
	memberOrder, partOrder              [][2]string

	sources    map[string]string // id → sortDate
	statements int
}

type importEntity struct {
	label, name, description, sortKey string
	links                             []importEntityLink
	quoted, mentioned                 int
}

type importEntityLink struct {
	sortDate, sourceID string
	aliases, keys      []string
}

// importVersioned is an event or a topic: the fields of the version of the
// greatest source id seen so far.
type importVersioned struct {
	sourceID string
	fields   []any
}

type importFile struct {
	f *os.File
	w *bufio.Writer
}

// importHeaders are the files and their CSV headers. :LABEL and :TYPE
// columns come first after the ids; property columns follow in the order
// the add methods write them.
var importHeaders = []struct{ name, header string }{
	{"pending", "id:ID(PendingImport),:LABEL"},
	{"migrations", "name:ID(SchemaMigration),:LABEL,completedAt:datetime"},
	{"sources", "id:ID(Source),:LABEL,title,publisher,url,publishedAt,sortDate,text"},
	{"entities", "id:ID(Entity),:LABEL,name,description,sortKey,aliases:string[],nameKeys:string[],quotedCount:long,mentionedCount:long"},
	{"topics", "id:ID(Topic),:LABEL,name"},
	{"events", "id:ID(Event),:LABEL,name,kind,description,date,endDate,dateStart,dateEnd,sortDate,location"},
	{"statements", "id:ID(Statement),:LABEL,kind,text,attribution,date,dateStart,dateEnd,sortDate,sourceId,position:long,newestKey,oldestKey"},
	{"said", ":START_ID(Entity),:END_ID(Statement),:TYPE"},
	{"statement_in_source", ":START_ID(Statement),:END_ID(Source),:TYPE,starts:long[],ends:long[],excerpts:string[]"},
	{"about_entity", ":START_ID(Statement),:END_ID(Entity),:TYPE,ord:long"},
	{"about_event", ":START_ID(Statement),:END_ID(Event),:TYPE,ord:long"},
	{"on_topic", ":START_ID(Statement),:END_ID(Topic),:TYPE,ord:long"},
	{"during", ":START_ID(Statement),:END_ID(Event),:TYPE"},
	{"entity_in_source", ":START_ID(Entity),:END_ID(Source),:TYPE,starts:long[],ends:long[],excerpts:string[],aliases:string[],keys:string[]"},
	{"topic_in_source", ":START_ID(Topic),:END_ID(Source),:TYPE,name"},
	{"event_in_source", ":START_ID(Event),:END_ID(Source),:TYPE,starts:long[],ends:long[],excerpts:string[],name,kind,description,date,endDate,dateStart,dateEnd,location"},
	{"holds_role", ":START_ID(Entity),:END_ID(Entity),:TYPE,title"},
	{"holds_role_evidence", ":START_ID(Entity),:END_ID(Entity),:TYPE,title,sourceId,start:long,end:long,excerpt"},
	{"member_of", ":START_ID(Entity),:END_ID(Entity),:TYPE,role"},
	{"member_of_evidence", ":START_ID(Entity),:END_ID(Entity),:TYPE,sourceId,start:long,end:long,excerpt"},
	{"participated_in", ":START_ID(Entity),:END_ID(Event),:TYPE,role"},
	{"participated_in_evidence", ":START_ID(Entity),:END_ID(Event),:TYPE,sourceId,start:long,end:long,excerpt"},
}

// NewImportWriter creates dir (which must not exist, or be empty) and the
// CSV files in it.
func NewImportWriter(dir string) (*ImportWriter, error) {
	const op = "store.NewImportWriter"
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return nil, fmt.Errorf("%s: %w", op, kg.InvalidInput("csv", "%s is not empty; give a new or empty directory for the CSV files", dir))
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	w := &ImportWriter{
		dir: dir, files: map[string]*importFile{},
		entities: map[string]*importEntity{}, events: map[string]*importVersioned{}, topics: map[string]*importVersioned{},
		roles: map[[3]string]bool{}, members: map[[2]string]*string{}, parts: map[[2]string]*string{},
		sources: map[string]string{},
	}
	for _, h := range importHeaders {
		f, err := os.Create(filepath.Join(dir, h.name+".csv"))
		if err != nil {
			w.closeFiles()
			return nil, fmt.Errorf("%s: %w", op, err)
		}
		bw := bufio.NewWriterSize(f, 1<<16)
		bw.WriteString(h.header + "\n")
		w.files[h.name] = &importFile{f: f, w: bw}
		w.order = append(w.order, h.name)
	}
	w.row("pending", "newsgraph", "PendingImport")
	// The files are in the shape the current code writes, so every
	// start-up migration is recorded as done (schema.go).
	now := time.Now().UTC().Format(time.RFC3339)
	for _, name := range migrations {
		w.row("migrations", name, "SchemaMigration", now)
	}
	return w, nil
}

// AddDocument adds one validated document. Documents must come in the
// order they would be loaded one by one, each source once.
func (w *ImportWriter) AddDocument(doc *kg.SourceDocument) error {
	const op = "store.ImportWriter.AddDocument"
	src := doc.Source
	sid := src.ID
	if _, dup := w.sources[sid]; dup {
		return fmt.Errorf("%s: %w", op, kg.InvalidInput("source.id", "%q is also the id of an earlier document; an import loads each source once", sid))
	}
	if err := checkDelimiter(doc); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	sortDate := startOf(src.PublishedAt)
	w.sources[sid] = sortDate
	w.row("sources", sid, "Source", src.Title, opt(src.Publisher), opt(src.URL), opt(string(src.PublishedAt)), sortDate, src.Text)

	for _, e := range doc.Entities {
		label, ok := entityLabels[e.Kind]
		if !ok {
			return fmt.Errorf("%s: %w", op, kg.InvalidInput("kind", "unknown entity kind %q for %s", e.Kind, e.ID))
		}
		ent := w.entity(e.ID)
		ent.label, ent.name, ent.sortKey = label, e.Name, names.Fold(e.Name)
		if e.Description != "" {
			ent.description = e.Description
		}
	}
	for _, l := range entityLinks(doc) {
		id := l["id"].(string)
		aliases, keys := l["aliases"].([]string), l["keys"].([]string)
		w.entity(id).links = append(w.entity(id).links, importEntityLink{sortDate: sortDate, sourceID: sid, aliases: aliases, keys: keys})
		w.row("entity_in_source", id, sid, "IN_SOURCE", longs(l["starts"].([]int)), longs(l["ends"].([]int)), strs(l["excerpts"].([]string)), strs(aliases), strs(keys))
	}
	for _, t := range doc.Topics {
		w.version(w.topics, &w.topicOrder, t.ID, sid, []any{t.Name})
		w.row("topic_in_source", t.ID, sid, "IN_SOURCE", t.Name)
	}
	for _, e := range doc.Events {
		end := e.EndDate
		if end == "" {
			end = e.Date
		}
		fields := []any{e.Name, e.Kind, opt(e.Description), opt(string(e.Date)), opt(string(e.EndDate)), opt(startOf(e.Date)), opt(endOf(end)), opt(e.Location)}
		w.version(w.events, &w.eventOrder, e.ID, sid, fields)
		ev := evidenceRow(e.Evidence)
		w.row("event_in_source", append([]any{e.ID, sid, "IN_SOURCE", longs(ev["starts"].([]int)), longs(ev["ends"].([]int)), strs(ev["excerpts"].([]string))}, fields...)...)
	}
	for _, r := range doc.Roles {
		key := [3]string{r.PersonID, r.Title, r.OfID}
		if !w.roles[key] {
			w.roles[key] = true
			w.roleOrder = append(w.roleOrder, key)
		}
		for _, ev := range r.Evidence {
			w.row("holds_role_evidence", r.PersonID, r.OfID, "HOLDS_ROLE_EVIDENCE", r.Title, ev.SourceID, ev.Start, ev.End, ev.Excerpt)
		}
	}
	for _, m := range doc.Memberships {
		w.fact(w.members, &w.memberOrder, [2]string{m.MemberID, m.OrganisationID}, m.Role)
		for _, ev := range m.Evidence {
			w.row("member_of_evidence", m.MemberID, m.OrganisationID, "MEMBER_OF_EVIDENCE", ev.SourceID, ev.Start, ev.End, ev.Excerpt)
		}
	}
	for _, p := range doc.Participations {
		w.fact(w.parts, &w.partOrder, [2]string{p.EntityID, p.EventID}, p.Role)
		for _, ev := range p.Evidence {
			w.row("participated_in_evidence", p.EntityID, p.EventID, "PARTICIPATED_IN_EVIDENCE", ev.SourceID, ev.Start, ev.End, ev.Excerpt)
		}
	}
	for _, st := range doc.Statements {
		dateStart := startOf(st.Date)
		newest, err := statementKey(kg.Newest, dateStart, sid, st.Evidence.Start, st.ID)
		if err != nil {
			return fmt.Errorf("%s: statement %s: %w", op, st.ID, err)
		}
		oldest, _ := statementKey(kg.Oldest, dateStart, sid, st.Evidence.Start, st.ID)
		w.row("statements", st.ID, "Statement", string(st.Kind), st.Text, opt(st.Attribution), opt(string(st.Date)),
			opt(dateStart), opt(endOf(st.Date)), dateStart, sid, st.Evidence.Start, newest, oldest)
		w.row("said", st.SpeakerID, st.ID, "SAID")
		w.entity(st.SpeakerID).quoted++
		w.row("statement_in_source", st.ID, sid, "IN_SOURCE", longs([]int{st.Evidence.Start}), longs([]int{st.Evidence.End}), strs([]string{st.Evidence.Excerpt}))
		for i, id := range st.AboutIDs {
			if strings.HasPrefix(id, string(kg.KindEvent)+":") {
				w.row("about_event", st.ID, id, "ABOUT", i)
			} else {
				w.row("about_entity", st.ID, id, "ABOUT", i)
				w.entity(id).mentioned++
			}
		}
		for i, id := range st.TopicIDs {
			w.row("on_topic", st.ID, id, "ON_TOPIC", i)
		}
		if st.EventID != "" {
			w.row("during", st.ID, st.EventID, "DURING")
		}
		w.statements++
	}
	return nil
}

// ImportSummary is what the files hold.
type ImportSummary struct {
	Sources, Statements, Entities, Events, Topics int
	// Files are the node and relationship files, as neo4j-admin's --nodes
	// and --relationships arguments.
	Nodes, Relationships []string
}

// Close writes the shared nodes and facts, flushes and closes the files,
// and says what they hold.
func (w *ImportWriter) Close() (ImportSummary, error) {
	const op = "store.ImportWriter.Close"
	for _, id := range w.entityOrder {
		e := w.entities[id]
		if e.label == "" {
			w.closeFiles()
			return ImportSummary{}, fmt.Errorf("%s: %w", op, kg.InvalidInput("documents", "%s is referred to but no document declares it", id))
		}
		// Oldest source first, as entities_refresh_names orders them; each
		// source adds what is not there before it.
		links := slices.Clone(e.links)
		slices.SortStableFunc(links, func(a, b importEntityLink) int {
			if c := strings.Compare(a.sortDate, b.sortDate); c != 0 {
				return c
			}
			return strings.Compare(a.sourceID, b.sourceID)
		})
		aliases, keys := []string{}, []string{e.sortKey}
		for _, l := range links {
			before, beforeKeys := len(aliases), len(keys)
			for _, x := range l.aliases {
				if !slices.Contains(aliases[:before], x) && x != e.name {
					aliases = append(aliases, x)
				}
			}
			for _, x := range l.keys {
				if !slices.Contains(keys[:beforeKeys], x) {
					keys = append(keys, x)
				}
			}
		}
		w.row("entities", id, "Entity"+ImportArrayDelimiter+e.label, e.name, opt(e.description), e.sortKey, strs(aliases), strs(keys), e.quoted, e.mentioned)
	}
	for _, id := range w.topicOrder {
		w.row("topics", id, "Topic", w.topics[id].fields[0])
	}
	for _, id := range w.eventOrder {
		f := w.events[id].fields
		sortDate := ""
		if s, ok := f[5].(string); ok {
			sortDate = s
		}
		w.row("events", append(append([]any{id, "Event"}, f[:7]...), sortDate, f[7])...)
	}
	for _, k := range w.roleOrder {
		w.row("holds_role", k[0], k[2], "HOLDS_ROLE", k[1])
	}
	for _, k := range w.memberOrder {
		w.row("member_of", k[0], k[1], "MEMBER_OF", optPtr(w.members[k]))
	}
	for _, k := range w.partOrder {
		w.row("participated_in", k[0], k[1], "PARTICIPATED_IN", optPtr(w.parts[k]))
	}
	sum := ImportSummary{Sources: len(w.sources), Statements: w.statements, Entities: len(w.entities), Events: len(w.events), Topics: len(w.topics)}
	var firstErr error
	for _, name := range w.order {
		f := w.files[name]
		if err := f.w.Flush(); err != nil && firstErr == nil {
			firstErr = err
		}
		if err := f.f.Close(); err != nil && firstErr == nil {
			firstErr = err
		}
		path := filepath.Join(w.dir, name+".csv")
		if strings.HasPrefix(importHeaderOf(name), ":START_ID") {
			sum.Relationships = append(sum.Relationships, path)
		} else {
			sum.Nodes = append(sum.Nodes, path)
		}
	}
	if firstErr != nil {
		return sum, fmt.Errorf("%s: %w", op, firstErr)
	}
	return sum, nil
}

// Abort closes the files after a failure.
func (w *ImportWriter) Abort() { w.closeFiles() }

// Remove deletes the files the writer created (after Abort), leaving the
// directory, which the caller gave.
func (w *ImportWriter) Remove() {
	for _, name := range w.order {
		os.Remove(filepath.Join(w.dir, name+".csv"))
	}
}

func (w *ImportWriter) closeFiles() {
	for _, f := range w.files {
		f.f.Close()
	}
}

func importHeaderOf(name string) string {
	for _, h := range importHeaders {
		if h.name == name {
			return h.header
		}
	}
	return ""
}

func (w *ImportWriter) entity(id string) *importEntity {
	e, ok := w.entities[id]
	if !ok {
		e = &importEntity{}
		w.entities[id] = e
		w.entityOrder = append(w.entityOrder, id)
	}
	return e
}

// version keeps the fields of the source with the greatest id.
func (w *ImportWriter) version(m map[string]*importVersioned, order *[]string, id, sourceID string, fields []any) {
	v, ok := m[id]
	if !ok {
		m[id] = &importVersioned{sourceID: sourceID, fields: fields}
		*order = append(*order, id)
		return
	}
	if sourceID > v.sourceID {
		v.sourceID, v.fields = sourceID, fields
	}
}

// fact records a membership or participation, keeping the last role given.
func (w *ImportWriter) fact(m map[[2]string]*string, order *[][2]string, key [2]string, role string) {
	r, ok := m[key]
	if !ok {
		*order = append(*order, key)
	}
	if role != "" {
		r = &role
	}
	m[key] = r
}

// row writes one CSV line: strings always quoted (so "" is an empty string),
// nil as an empty field (no property), lists as one quoted field.
func (w *ImportWriter) row(file string, fields ...any) {
	bw := w.files[file].w
	for i, f := range fields {
		if i > 0 {
			bw.WriteByte(',')
		}
		switch v := f.(type) {
		case nil:
		case string:
			quote(bw, v)
		case int:
			bw.WriteString(strconv.Itoa(v))
		case importList:
			if len(v) > 0 {
				quote(bw, strings.Join(v, ImportArrayDelimiter))
			}
		default:
			panic(fmt.Sprintf("import row: unexpected %T", f))
		}
	}
	bw.WriteByte('\n')
}

func quote(bw *bufio.Writer, s string) {
	bw.WriteByte('"')
	bw.WriteString(strings.ReplaceAll(s, `"`, `""`))
	bw.WriteByte('"')
}

// importList is a list property; empty lists are written as no property
// (the importer cannot store one) and set by import_finish.cypher.
type importList []string

func strs(s []string) importList { return importList(s) }

func longs(n []int) importList {
	out := make(importList, len(n))
	for i, v := range n {
		out[i] = strconv.Itoa(v)
	}
	return out
}

// opt is an optional string: nil (no property) when empty.
func opt(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func optPtr(s *string) any {
	if s == nil {
		return nil
	}
	return *s
}

// checkDelimiter refuses a document holding the list delimiter anywhere a
// list item can come from: evidence excerpts (taken from the text),
// aliases and names.
func checkDelimiter(doc *kg.SourceDocument) error {
	if strings.Contains(doc.Source.Text, ImportArrayDelimiter) {
		return kg.InvalidInput("source.text", "holds the control character U+001F, which the import uses to separate list items; remove it")
	}
	for i, e := range doc.Entities {
		for _, s := range append([]string{e.Name}, e.Aliases...) {
			if strings.Contains(s, ImportArrayDelimiter) {
				return kg.InvalidInput(fmt.Sprintf("entities[%d]", i), "holds the control character U+001F, which the import uses to separate list items; remove it")
			}
		}
	}
	return nil
}
