package server

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"testing"

	"newsgraph/internal/kg"
)

// The CSV export parses back into exactly the statements the same filter
// returns over GraphQL, column by column.
func TestExportMatchesGraphQL(t *testing.T) {
	s := newTestServer(t)
	filters := []map[string]any{
		{},
		{"speaker": "person:mark-rutte"},
		{"kind": "QUOTE", "from": "2025-09-04"},
		{"topic": "topic:security-guarantees", "speakerKinds": []string{"PERSON", "NATION"}},
		{"text": "troops", "about": "nation:ukraine"},
		{"speaker": "person:giorgia-meloni", "kind": "QUOTE"},
		{"speakers": []string{"person:mark-rutte", "nation:germany"}, "aboutAny": []string{"nation:ukraine", "person:vladimir-putin"}},
	}
	for _, f := range filters {
		var want struct {
			Statements struct {
				Nodes []struct {
					ID, Kind, Text string
					Date           *string
					Attribution    *string
					Speaker        struct{ Name string }
					About          []struct{ Name string }
					Event          *struct{ Name string }
					Topics         []struct{ Name string }
					Evidence       struct {
						Start, End int
						Excerpt    string
						Source     struct {
							Title string
							URL   *string
						}
					}
				}
			}
		}
		s.post(t, `query($f: StatementFilter) { statements(filter: $f, first: 100) { nodes { id kind text date attribution speaker { name }
		  about { ... on Entity { name } ... on Event { name } } event { name } topics { name } evidence { start end excerpt source { title url } } } } }`,
			map[string]any{"f": f}).data(t, &want)

		res, err := http.Get(s.URL + "/export/statements.csv?" + exportQuery(f))
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/csv") {
			t.Fatalf("%v: %d %s", f, res.StatusCode, body)
		}
		rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
		if err != nil {
			t.Fatalf("%v: the CSV does not parse: %v", f, err)
		}
		if !slices.Equal(rows[0], exportColumns) {
			t.Errorf("header %q", rows[0])
		}
		rows = rows[1:]
		if len(rows) != len(want.Statements.Nodes) {
			t.Fatalf("%v: %d CSV rows, %d statements over GraphQL", f, len(rows), len(want.Statements.Nodes))
		}
		deref := func(p *string) string {
			if p == nil {
				return ""
			}
			return *p
		}
		for i, n := range want.Statements.Nodes {
			var about, topics []string
			for _, a := range n.About {
				about = append(about, a.Name)
			}
			for _, tp := range n.Topics {
				topics = append(topics, tp.Name)
			}
			event := ""
			if n.Event != nil {
				event = n.Event.Name
			}
			wantRow := []string{n.ID, deref(n.Date), n.Kind, n.Speaker.Name, deref(n.Attribution), strings.Join(about, "; "), event,
				strings.Join(topics, "; "), n.Text, n.Evidence.Source.Title, deref(n.Evidence.Source.URL),
				itoa(n.Evidence.Start), itoa(n.Evidence.End), n.Evidence.Excerpt}
			if !slices.Equal(rows[i], wantRow) {
				t.Errorf("%v row %d:\n got %q\nwant %q", f, i, rows[i], wantRow)
			}
		}
	}

	// JSON Lines: one object per statement, the same ids in the same order.
	res, err := http.Get(s.URL + "/export/statements.jsonl?speaker=person:mark-rutte")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	dec := json.NewDecoder(res.Body)
	var ids []string
	for dec.More() {
		var obj struct {
			ID    string
			About []string
		}
		if err := dec.Decode(&obj); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, obj.ID)
	}
	if len(ids) != 4 {
		t.Errorf("jsonl for Rutte has %d statements, want 4", len(ids))
	}

	for _, bad := range []string{"from=yesterday", "kind=RUMOUR", "speaker=Rutte", "colour=red", "speakerKinds=PLANET", "text=%2B%2B", "from=2025-09-04&to=2025-08", "speaker=person:a&speaker=person:b"} {
		res, err := http.Get(s.URL + "/export/statements.csv?" + bad)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusBadRequest || !strings.Contains(string(b), "BAD_USER_INPUT") {
			t.Errorf("%s: %d %s, want 400", bad, res.StatusCode, b)
		}
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

// The export's query parameters parse into the same filter GraphQL takes;
// a mistake is refused with a message naming the parameter. No Neo4j.
func TestExportFilter(t *testing.T) {
	tests := []struct {
		name  string
		query string
		want  kg.StatementFilter
		err   string
	}{
		{"none", "", kg.StatementFilter{}, ""},
		{"every field", "speaker=person:mark-rutte&about=nation:ukraine&event=event:x&topic=topic:sanctions&kind=quote&from=2025-09&to=2025-09-05&text=troops&speakerKinds=person,%20nation",
			kg.StatementFilter{SpeakerID: "person:mark-rutte", AboutID: "nation:ukraine", EventID: "event:x", TopicID: "topic:sanctions",
				Kind: kg.Quote, From: "2025-09", To: "2025-09-05", Text: "troops", SpeakerKinds: []kg.EntityKind{kg.Person, kg.Nation}}, ""},
		{"unknown parameter", "speeker=person:x", kg.StatementFilter{}, "speeker: is not a parameter of this export"},
		{"repeated parameter", "kind=QUOTE&kind=PARAPHRASE", kg.StatementFilter{}, "kind: is given 2 times"},
		{"bad date", "from=2025-13-01", kg.StatementFilter{}, "from:"},
		{"bad kind", "kind=RUMOUR", kg.StatementFilter{}, "kind"},
		{"bad speaker kind", "speakerKinds=PERSON,TREE", kg.StatementFilter{}, `speakerKinds: "TREE" is not PERSON, NATION or ORGANISATION`},
		{"bad id", "speaker=rutte", kg.StatementFilter{}, "speaker"},
		{"lists", "speakers=person:mark-rutte,%20nation:germany&aboutAny=nation:ukraine",
			kg.StatementFilter{SpeakerIDs: []string{"person:mark-rutte", "nation:germany"}, AboutIDs: []string{"nation:ukraine"}}, ""},
		{"an empty list", "speakers=", kg.StatementFilter{}, "filter.speakers: gives 0 ids"},
		{"a bad id in a list", "aboutAny=nation:ukraine,topic:sanctions", kg.StatementFilter{}, "filter.aboutAny[1]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := url.ParseQuery(tt.query)
			if err != nil {
				t.Fatal(err)
			}
			got, err := exportFilter(q)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) || !errors.Is(err, kg.ErrInvalidInput) {
					t.Fatalf("err = %v, want invalid input containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("filter = %+v, want %+v", got, tt.want)
			}
		})
	}
}
