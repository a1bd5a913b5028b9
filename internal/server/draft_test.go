package server

import (
	"bytes"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const draftMutation = `mutation($in: SourceDraftInput!) { draftSource(input: $in) {
  document {
    source { id title publisher url publishedAt text }
    entities { id kind name aliases existing evidence { start end } }
    roles { person title of evidence { start end } }
    memberships { member organisation role evidence { start end } }
    topics { id name }
    events { id name kind date location participants { entity role evidence { start end } } evidence { start end } }
    statements { kind text speaker attribution about event date topics evidence { start end } }
  }
  report { path rule confidence matched }
  unresolved { kind text speaker evidence { start end } }
} }`

// goldText is one of the extractor's development reports: text the seed
// does not contain.
func goldText(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "internal", "extract", "testdata", "gold", "reuters-2026-01-15-gulf-of-finland-cable.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

type draftJSON struct {
	DraftSource struct {
		Document map[string]any
		Report   []struct {
			Path, Rule string
			Confidence float64
			Matched    []string
		}
		Unresolved []map[string]any
	}
}

// draftSource drafts without writing, behind the API token; its document
// goes into ingestSource as it is.
func TestDraftSource(t *testing.T) {
	s := newTestServer(t, withToken)
	auth := "Bearer " + testToken
	in := map[string]any{"text": goldText(t), "title": "Finland says tanker dragged anchor across Baltic cable",
		"publisher": "Reuters", "publishedAt": "2026-01-15"}
	before, rels, _ := s.store.Counts(t.Context())

	r := s.postAs(t, auth, draftMutation, map[string]any{"in": in})
	var got draftJSON
	r.data(t, &got)
	if n, rr, _ := s.store.Counts(t.Context()); n != before || rr != rels {
		t.Fatalf("draftSource wrote to the graph: %d/%d → %d/%d", before, rels, n, rr)
	}
	doc := got.DraftSource.Document
	src := doc["source"].(map[string]any)
	if src["id"] != "source:reuters-2026-01-15-finland-says-tanker-dragged-anchor-across" || src["url"] != nil || src["text"] != in["text"] {
		t.Errorf("source: %v", src)
	}
	stmts := doc["statements"].([]any)
	if len(stmts) < 12 {
		t.Fatalf("only %d statements drafted", len(stmts))
	}
	// Virtanen's quotes, with her as speaker and the exact words.
	found := false
	for _, x := range stmts {
		st := x.(map[string]any)
		if st["kind"] == "QUOTE" && st["speaker"] == "person:aino-virtanen" &&
			st["text"] == "We are not talking about an accident. An anchor does not drag itself along the seabed for 90 kilometres" {
			found = true
			ev := st["evidence"].(map[string]any)
			excerpt := string([]rune(in["text"].(string))[int(ev["start"].(float64)):int(ev["end"].(float64))])
			if !strings.Contains(excerpt, st["text"].(string)) || !strings.Contains(excerpt, "Virtanen told reporters") {
				t.Errorf("evidence %q does not hold the quote and its attribution", excerpt)
			}
		}
	}
	if !found {
		t.Errorf("Virtanen's first quote is missing: %v", stmts)
	}
	// One report entry per fact, each with a rule and a confidence.
	paths := map[string]bool{}
	for _, f := range got.DraftSource.Report {
		if f.Rule == "" || f.Confidence <= 0 || f.Confidence > 1 {
			t.Errorf("report entry %+v", f)
		}
		paths[f.Path] = true
	}
	if !paths["statements[0]"] || !paths["entities[0]"] || len(paths) != len(got.DraftSource.Report) {
		t.Errorf("report paths: %v", paths)
	}
	// The passive "is said to be owned" has no speaker: it is not guessed.
	for _, u := range got.DraftSource.Unresolved {
		if u["speaker"] != nil {
			t.Errorf("unresolved statement with a speaker: %v", u)
		}
	}

	// The document is valid as it is: ingestSource takes it, once the
	// output-only field (existing) is dropped.
	for _, e := range doc["entities"].([]any) {
		delete(e.(map[string]any), "existing")
	}
	c := countsOf(t, s.postAs(t, auth, ingestMutation, map[string]any{"doc": doc}), "ingestSource")
	if c["statements"].Created != len(stmts) {
		t.Errorf("ingesting the draft: %+v, want %d statements", c, len(stmts))
	}
}

// Entities the graph has are recognised by name and keep their ids; the
// report says which.
func TestDraftSourceMatchesTheGraph(t *testing.T) {
	s := newTestServer(t, withToken)
	text := "PARIS, Sept 8 (Reuters) - French President Emmanuel Macron said on Monday the coalition would meet again in London.\n\n" +
		"\"We are ready,\" Macron told reporters. Zelenskiy said Ukraine welcomed the plan."
	r := s.postAs(t, "Bearer "+testToken, draftMutation, map[string]any{"in": map[string]any{"text": text, "title": "Coalition to meet again", "publishedAt": "2025-09-08"}})
	var got draftJSON
	r.data(t, &got)
	ents := map[string]bool{}
	for _, e := range got.DraftSource.Document["entities"].([]any) {
		em := e.(map[string]any)
		ents[em["id"].(string)] = em["existing"].(bool)
	}
	for _, id := range []string{"person:emmanuel-macron", "person:volodymyr-zelensky", "nation:ukraine", "nation:france"} {
		if existing, ok := ents[id]; !ok || !existing {
			t.Errorf("%s: in draft %v, existing %v (entities %v)", id, ok, existing, ents)
		}
	}
	matched := false
	for _, f := range got.DraftSource.Report {
		if strings.HasPrefix(f.Path, "statements[") && strings.Contains(strings.Join(f.Matched, ","), "person:emmanuel-macron") {
			matched = true
		}
	}
	if !matched {
		t.Errorf("no statement's report names Macron as matched: %+v", got.DraftSource.Report)
	}
	stmts := got.DraftSource.Document["statements"].([]any)
	if len(stmts) != 3 || stmts[0].(map[string]any)["date"] != "2025-09-08" {
		t.Errorf("statements: %v", stmts)
	}
	// The second draft reuses the cached catalogue: no Cypher at all.
	r = s.postAs(t, "Bearer "+testToken, draftMutation, map[string]any{"in": map[string]any{"text": text, "title": "Again"}})
	if n := roundTrips(t, r); n != 0 {
		t.Errorf("second draft made %d round trips, want 0", n)
	}
}

func TestDraftSourceAuthAndBadInput(t *testing.T) {
	text := map[string]any{"text": "\"We are ready,\" the minister said.", "title": "T"}
	off := newTestServer(t)
	if e := off.postAs(t, "Bearer "+testToken, draftMutation, map[string]any{"in": text}).onlyError(t); e.Extensions["code"] != "UNAUTHENTICATED" {
		t.Errorf("mutations disabled: %+v", e)
	}
	s := newTestServer(t, withToken)
	for _, auth := range []string{"", "Bearer wrong"} {
		r := s.postAs(t, auth, draftMutation, map[string]any{"in": text})
		if e := r.onlyError(t); e.Extensions["code"] != "UNAUTHENTICATED" || roundTrips(t, r) != 0 {
			t.Errorf("Authorization %q: %+v, %d round trips", auth, e, roundTrips(t, r))
		}
	}
	auth := "Bearer " + testToken
	before, rels, _ := s.store.Counts(t.Context())
	for _, tt := range []struct {
		name string
		in   map[string]any
		want string
	}{
		{"empty text", map[string]any{"text": " \n ", "title": "T"}, "text: is empty"},
		{"too long", map[string]any{"text": strings.Repeat("a", 1_000_001), "title": "T"}, "text: is longer than 1000000 characters"},
		{"no title", map[string]any{"text": "Words.", "title": ""}, "title: is empty"},
		{"bad date", map[string]any{"text": "Words.", "title": "T", "publishedAt": "2026-02-30"}, "publishedAt"},
		{"bad id", map[string]any{"text": "Words.", "title": "T", "id": "person:x"}, "id:"},
	} {
		r := s.postAs(t, auth, draftMutation, map[string]any{"in": tt.in})
		e := r.onlyError(t)
		if e.Extensions["code"] != "BAD_USER_INPUT" || !strings.Contains(e.Message, tt.want) {
			t.Errorf("%s: %+v, want BAD_USER_INPUT saying %q", tt.name, e, tt.want)
		}
		if n := roundTrips(t, r); n != 0 {
			t.Errorf("%s: %d round trips before refusing", tt.name, n)
		}
	}
	// A body that is not UTF-8 is refused before GraphQL reads it.
	body := []byte(`{"query":"mutation { draftSource(input: {text: \"caf` + "\xe9" + `\", title: \"T\"}) { report { path } } }"}`)
	req, _ := http.NewRequest("POST", s.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", auth)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	g := decode(t, res)
	if g.status != http.StatusBadRequest || len(g.Errors) != 1 || g.Errors[0].Extensions["code"] != "BAD_USER_INPUT" || !strings.Contains(g.Errors[0].Message, "UTF-8") {
		t.Errorf("invalid UTF-8: %d %s", g.status, g.raw)
	}
	if n, rr, _ := s.store.Counts(t.Context()); n != before || rr != rels {
		t.Errorf("refused drafts changed the graph")
	}
}

// The seed read back as a document is the seed: loading it again changes
// nothing, and validateSource finds it valid; a broken copy gets its
// problems, at their paths, and nothing is written.
func TestSourceDocumentAndValidate(t *testing.T) {
	s := newTestServer(t, withToken)
	auth := "Bearer " + testToken
	const q = `{ node(id: "source:reuters-2025-09-05-coalition-of-the-willing") { ... on Source { document {
  source { id title publisher url publishedAt text }
  entities { id kind name aliases description existing evidence { start end } }
  roles { person title of evidence { start end } }
  memberships { member organisation role evidence { start end } }
  topics { id name }
  events { id name kind description date endDate location participants { entity role evidence { start end } } evidence { start end } }
  statements { kind text speaker attribution about event date topics evidence { start end } }
} } } }`
	var got struct {
		Node struct{ Document map[string]any }
	}
	s.post(t, q, nil).data(t, &got)
	doc := got.Node.Document
	if n := len(doc["statements"].([]any)); n != 38 {
		t.Fatalf("document has %d statements, want the seed's 38", n)
	}
	if n := len(doc["entities"].([]any)); n != 26 {
		t.Errorf("document has %d entities, want 26", n)
	}
	input := documentInput(doc)
	var v struct {
		ValidateSource struct {
			Valid    bool
			Problems []struct{ Path, Message string }
		}
	}
	const validate = `mutation($doc: SourceDocumentInput!) { validateSource(document: $doc) { valid problems { path message } } }`
	s.postAs(t, auth, validate, map[string]any{"doc": input}).data(t, &v)
	if !v.ValidateSource.Valid || len(v.ValidateSource.Problems) != 0 {
		t.Fatalf("the seed's own document: %+v", v.ValidateSource)
	}
	s.ingestChangesNothing(t, auth, input, "loading the source's own document")
	before, rels, _ := s.store.Counts(t.Context())

	// A broken copy: an unknown speaker and a duplicate of an existing name.
	stmts := input["statements"].([]any)
	stmts[2].(map[string]any)["speaker"] = "person:nobody-at-all"
	input["entities"] = append(input["entities"].([]any), map[string]any{"id": "person:e-macron", "kind": "PERSON", "name": "Emmanuel Macron"})
	s.postAs(t, auth, validate, map[string]any{"doc": input}).data(t, &v)
	paths := map[string]bool{}
	for _, p := range v.ValidateSource.Problems {
		paths[p.Path] = true
	}
	if v.ValidateSource.Valid || !paths["statements[2].speaker"] || !paths["entities[26].name"] {
		t.Errorf("broken copy: %+v", v.ValidateSource)
	}
	if n, r, _ := s.store.Counts(t.Context()); n != before || r != rels {
		t.Errorf("validateSource wrote to the graph")
	}
	if e := s.postAs(t, "", validate, map[string]any{"doc": input}).onlyError(t); e.Extensions["code"] != "UNAUTHENTICATED" {
		t.Errorf("validateSource without the token: %+v", e)
	}
}

// documentInput turns a DraftDocument answer into SourceDocumentInput:
// output-only fields and nulls dropped.
func documentInput(doc map[string]any) map[string]any {
	var clean func(v any) any
	clean = func(v any) any {
		switch x := v.(type) {
		case map[string]any:
			out := map[string]any{}
			for k, val := range x {
				if val == nil || k == "existing" {
					continue
				}
				out[k] = clean(val)
			}
			return out
		case []any:
			out := make([]any, len(x))
			for i, val := range x {
				out[i] = clean(val)
			}
			return out
		}
		return v
	}
	return clean(doc).(map[string]any)
}
