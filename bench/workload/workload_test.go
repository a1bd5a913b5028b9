package workload

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
)

func TestPick(t *testing.T) {
	p := Set{
		People:  []string{"a", "b", "c"},
		Events:  []Event{{"e1", "a"}, {"e2", "b"}},
		Words:   []string{"w1", "w2"},
		Popular: []string{"x"},
		Months:  []TopicMonth{{"t1", "2024-02-01", "2024-02-29"}, {"t2", "2023-12-01", "2023-12-31"}},
	}
	walked := p
	walked.Cursors = []string{"", "c1", "c2", "c3", "c4", "c5", "c6", "c7"}
	for _, c := range []struct {
		name string
		set  Set
		q    string
		i    int
		want map[string]string
	}{
		{"Q1 first", p, "Q1", 0, map[string]string{"id": "a"}},
		{"Q2 wraps", p, "Q2", 4, map[string]string{"id": "b"}},
		{"Q3 event and about", p, "Q3", 3, map[string]string{"event": "e2", "about": "b"}},
		{"Q4 words", p, "Q4", 2, map[string]string{"q": "w1"}},
		{"Q5 one of Pages", p, "Q5", 25, map[string]string{"page": "5"}},
		{"Q5 one of the cursors", walked, "Q5", 25, map[string]string{"page": "1"}},
		{"Q6 popular", p, "Q6", 7, map[string]string{"id": "x"}},
		{"Q7 topic-month", p, "Q7", 1, map[string]string{"topic": "t2", "from": "2023-12-01", "to": "2023-12-31"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := c.set.Pick(c.q, c.i); !reflect.DeepEqual(got, c.want) {
				t.Errorf("Pick(%s, %d) = %v, want %v", c.q, c.i, got, c.want)
			}
		})
	}
}

func TestVars(t *testing.T) {
	cursors := []string{"", "c1", "c2"}
	for _, c := range []struct {
		name string
		q    string
		prm  map[string]string
		want map[string]any
	}{
		{"parameters as they are", "Q3", map[string]string{"event": "e", "about": "a"}, map[string]any{"event": "e", "about": "a"}},
		{"Q5's first page has no cursor", "Q5", map[string]string{"page": "0"}, map[string]any{}},
		{"Q5's page becomes its cursor", "Q5", map[string]string{"page": "2"}, map[string]any{"after": "c2"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := Vars(c.q, c.prm, cursors); !reflect.DeepEqual(got, c.want) {
				t.Errorf("Vars(%s, %v) = %v, want %v", c.q, c.prm, got, c.want)
			}
		})
	}
}

// TestShuffle pins the shuffled order: every run, and every version of the
// benchmark, draws the same parameters.
func TestShuffle(t *testing.T) {
	set := func() Set {
		return Set{
			People:  []string{"p0", "p1", "p2", "p3", "p4"},
			Events:  []Event{{"e0", "p0"}, {"e1", "p1"}, {"e2", "p2"}},
			Words:   []string{"w0", "w1"},
			Popular: []string{"a0", "a1", "a2"},
			Months:  []TopicMonth{{"t0", "f0", "l0"}, {"t1", "f1", "l1"}},
			Cursors: []string{"", "c1"},
		}
	}
	got := set()
	got.Shuffle()
	want := Set{
		People:  []string{"p3", "p1", "p0", "p2", "p4"},
		Events:  []Event{{"e2", "p2"}, {"e0", "p0"}, {"e1", "p1"}},
		Words:   []string{"w0", "w1"},
		Popular: []string{"a1", "a0", "a2"},
		Months:  []TopicMonth{{"t0", "f0", "l0"}, {"t1", "f1", "l1"}},
		Cursors: []string{"", "c1"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Shuffle = %+v,\nwant %+v", got, want)
	}
}

// fake answers a query with the data of the longest key its text (with
// the variable t appended) contains.
type fake map[string]string

func (f fake) ask(query string, vars map[string]any, into any) error {
	if t, ok := vars["t"]; ok {
		query += fmt.Sprint(" t=", t)
	}
	best := ""
	for k := range f {
		if strings.Contains(query, k) && len(k) > len(best) {
			best = k
		}
	}
	if best == "" {
		return fmt.Errorf("no answer for %s", query)
	}
	return json.Unmarshal([]byte(f[best]), into)
}

func counts(keys ...string) string {
	var cs []string
	for _, k := range keys {
		cs = append(cs, fmt.Sprintf(`{"key": %q}`, k))
	}
	return `{"statementCounts": [` + strings.Join(cs, ", ") + `]}`
}

func TestDiscover(t *testing.T) {
	graph := func() fake {
		return fake{
			"kinds: [PERSON]": `{"entities": {"nodes": [{"id": "p0"}, {"id": "p1"}]}}`,
			"events(first: 100)": `{"events": {"nodes": [
				{"id": "e0", "participants": [{"entity": {"id": "x"}}]},
				{"id": "e1", "participants": []},
				{"id": "e2", "participants": [{"entity": {"id": "x"}}]}]}}`,
			"by: ABOUT": counts("a0", "a1"),
			"by: TOPIC": counts("t0", "t1", "t2"),
			"t=t0":      counts("undated", "2024-02"),
			"t=t1":      counts("undated"),
			"t=t2":      counts("2023-12", "2023-11"),
		}
	}
	words := []string{"security", "sanctions", "energy", "trade", "tariffs", "oil", "ceasefire", "Republic", "Council", "meeting"}
	noPeople, noMonths, broken := graph(), graph(), graph()
	noPeople["kinds: [PERSON]"] = `{"entities": {"nodes": []}}`
	noMonths["t=t0"], noMonths["t=t2"] = counts("undated"), counts()
	delete(broken, "by: ABOUT")
	for _, c := range []struct {
		name    string
		graph   fake
		want    Set
		wantErr string
	}{
		{"an event without participants is left out; an undated month passed over", graph(), Set{
			People:  []string{"p0", "p1"},
			Events:  []Event{{"e0", "p0"}, {"e2", "p0"}},
			Words:   words,
			Popular: []string{"a0", "a1"},
			Months:  []TopicMonth{{"t0", "2024-02-01", "2024-02-29"}, {"t2", "2023-12-01", "2023-12-31"}},
		}, ""},
		{"no people", noPeople, Set{}, "the graph has no people"},
		{"no dated topic", noMonths, Set{}, "or dated topics"},
		{"a failed query", broken, Set{}, "no answer for { statementCounts(by: ABOUT"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := Discover(c.graph.ask)
			if c.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), c.wantErr) {
					t.Errorf("Discover: error %v, want one saying %q", err, c.wantErr)
				}
				return
			}
			if err != nil || !reflect.DeepEqual(got, c.want) {
				t.Errorf("Discover = %+v, %v\nwant %+v", got, err, c.want)
			}
		})
	}
}

// TestDiscoverFor: a run of some queries asks the graph only what they
// need; the fake has no answer for the rest, so asking would fail.
func TestDiscoverFor(t *testing.T) {
	people := `{"entities": {"nodes": [{"id": "p0"}]}}`
	events := `{"events": {"nodes": [{"id": "e0", "participants": [{"entity": {"id": "x"}}]}]}}`
	words := []string{"security", "sanctions", "energy", "trade", "tariffs", "oil", "ceasefire", "Republic", "Council", "meeting"}
	for _, c := range []struct {
		name    string
		queries []string
		graph   fake
		want    Set
		wantErr string
	}{
		{"Q1 to Q5 count no statements", []string{"Q1", "Q2", "Q3", "Q4", "Q5"},
			fake{"kinds: [PERSON]": people, "events(first: 100)": events},
			Set{People: []string{"p0"}, Events: []Event{{"e0", "p0"}}, Words: words}, ""},
		{"Q1 alone asks for no events", []string{"Q1"},
			fake{"kinds: [PERSON]": people},
			Set{People: []string{"p0"}, Words: words}, ""},
		{"Q6 alone counts by target only", []string{"Q6"},
			fake{"kinds: [PERSON]": people, "by: ABOUT": counts("a0")},
			Set{People: []string{"p0"}, Words: words, Popular: []string{"a0"}}, ""},
		{"Q3 without an event with participants", []string{"Q3"},
			fake{"kinds: [PERSON]": people, "events(first: 100)": `{"events": {"nodes": []}}`},
			Set{}, "the graph has no people, events"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := DiscoverFor(c.graph.ask, c.queries)
			if c.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), c.wantErr) {
					t.Errorf("DiscoverFor: error %v, want one saying %q", err, c.wantErr)
				}
				return
			}
			if err != nil || !reflect.DeepEqual(got, c.want) {
				t.Errorf("DiscoverFor = %+v, %v\nwant %+v", got, err, c.want)
			}
		})
	}
}

func TestWalkQ5(t *testing.T) {
	// graph answers Q5 for a graph of pages pages, with cursors c1, c2…
	graph := func(pages int) Asker {
		return func(query string, vars map[string]any, into any) error {
			if query != Queries["Q5"] {
				return fmt.Errorf("not Q5: %s", query)
			}
			n := 0
			if after, ok := vars["after"].(string); ok {
				fmt.Sscanf(after, "c%d", &n)
			}
			return json.Unmarshal(fmt.Appendf(nil, `{"statements": {"pageInfo": {"hasNextPage": %v, "endCursor": "c%d"}}}`, n+1 < pages, n+1), into)
		}
	}
	var many []string
	for k := range Pages {
		many = append(many, fmt.Sprintf("c%d", k))
	}
	many[0] = ""
	for _, c := range []struct {
		name  string
		pages int
		want  []string
	}{
		{"one page", 1, []string{""}},
		{"until the last page", 3, []string{"", "c1", "c2"}},
		{"at most Pages", 100, many},
	} {
		t.Run(c.name, func(t *testing.T) {
			var p Set
			if err := p.WalkQ5(graph(c.pages)); err != nil || !reflect.DeepEqual(p.Cursors, c.want) {
				t.Errorf("WalkQ5: cursors %q, %v; want %q", p.Cursors, err, c.want)
			}
		})
	}
}

func TestHTTP(t *testing.T) {
	for _, c := range []struct {
		name    string
		status  int
		body    string
		want    map[string]any
		wantErr bool
	}{
		{"data", 200, `{"data": {"x": "y"}}`, map[string]any{"x": "y"}, false},
		{"errors", 200, `{"data": null, "errors": [{"message": "no"}]}`, nil, true},
		{"no data", 200, `{}`, nil, true},
		{"not JSON", 200, `oops`, nil, true},
		{"a failed request", 503, `{"data": {"x": "y"}}`, nil, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			var sent struct {
				Query     string
				Variables map[string]any
			}
			s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path != "/graphql" || r.Method != http.MethodPost {
					http.NotFound(w, r)
					return
				}
				json.NewDecoder(r.Body).Decode(&sent)
				w.WriteHeader(c.status)
				w.Write([]byte(c.body))
			}))
			defer s.Close()
			var got map[string]any
			err := HTTP(s.Client(), s.URL)("{ x }", map[string]any{"v": "w"}, &got)
			if sent.Query != "{ x }" || sent.Variables["v"] != "w" {
				t.Errorf("sent %+v, want the query and its variables", sent)
			}
			if (err != nil) != c.wantErr || !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %v, %v; want %v, error %v", got, err, c.want, c.wantErr)
			}
		})
	}
}

func TestMonthRange(t *testing.T) {
	for _, c := range []struct {
		key      string
		from, to string
		ok       bool
	}{
		{"2024-02", "2024-02-01", "2024-02-29", true},
		{"2023-12", "2023-12-01", "2023-12-31", true},
		{"undated", "", "", false},
	} {
		from, to, ok := monthRange(c.key)
		if from != c.from || to != c.to || ok != c.ok {
			t.Errorf("monthRange(%q) = %s %s %v, want %s %s %v", c.key, from, to, ok, c.from, c.to, c.ok)
		}
	}
}
