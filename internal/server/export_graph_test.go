package server

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"newsgraph/internal/config"
	"newsgraph/internal/errcode"
	"newsgraph/internal/neo4jtest"
)

// exported is a network as a test reads it back from a file or GraphQL.
type exported struct {
	Nodes []exportedNode
	Edges []exportedEdge
}

type exportedNode struct {
	ID, Name, Kind string
	Degree         int
}

type exportedEdge struct {
	From, To                    string
	Weight, Quotes, Paraphrases int
}

// exportGet fetches an export, failing unless it answers 200 with contentType
// and an attachment named filename.
func exportGet(t *testing.T, u, contentType, filename string) []byte {
	t.Helper()
	res, err := client.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d %s", u, res.StatusCode, b)
	}
	if ct := res.Header.Get("Content-Type"); ct != contentType {
		t.Errorf("GET %s: Content-Type %q, want %q", u, ct, contentType)
	}
	if cd := res.Header.Get("Content-Disposition"); cd != `attachment; filename="`+filename+`"` {
		t.Errorf("GET %s: Content-Disposition %q", u, cd)
	}
	return b
}

func atoiOr(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatalf("%q is not a number", s)
	}
	return n
}

// readGEXF parses a GEXF file with encoding/xml, by its own structs, not the
// server's.
func readGEXF(t *testing.T, b []byte) exported {
	t.Helper()
	var doc struct {
		XMLName xml.Name
		Version string `xml:"version,attr"`
		Graph   struct {
			DefaultEdgeType string `xml:"defaultedgetype,attr"`
			Attributes      []struct {
				Class     string `xml:"class,attr"`
				Attribute []struct {
					ID   string `xml:"id,attr"`
					Type string `xml:"type,attr"`
				} `xml:"attribute"`
			} `xml:"attributes"`
			Nodes []struct {
				ID     string `xml:"id,attr"`
				Label  string `xml:"label,attr"`
				Values []struct {
					For   string `xml:"for,attr"`
					Value string `xml:"value,attr"`
				} `xml:"attvalues>attvalue"`
			} `xml:"nodes>node"`
			Edges []struct {
				Source string `xml:"source,attr"`
				Target string `xml:"target,attr"`
				Weight string `xml:"weight,attr"`
				Values []struct {
					For   string `xml:"for,attr"`
					Value string `xml:"value,attr"`
				} `xml:"attvalues>attvalue"`
			} `xml:"edges>edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal(b, &doc); err != nil {
		t.Fatalf("the GEXF does not parse: %v\n%s", err, b)
	}
	if doc.XMLName.Space != "http://gexf.net/1.3" || doc.XMLName.Local != "gexf" || doc.Version != "1.3" || doc.Graph.DefaultEdgeType != "directed" {
		t.Errorf("GEXF root %v version %q, graph %q", doc.XMLName, doc.Version, doc.Graph.DefaultEdgeType)
	}
	declared := map[string]string{}
	for _, a := range doc.Graph.Attributes {
		for _, at := range a.Attribute {
			declared[a.Class+" "+at.ID] = at.Type
		}
	}
	want := map[string]string{"node kind": "string", "node degree": "integer", "edge quotes": "integer", "edge paraphrases": "integer"}
	if !reflect.DeepEqual(declared, want) {
		t.Errorf("GEXF declares %v, want %v", declared, want)
	}
	out := exported{Nodes: []exportedNode{}, Edges: []exportedEdge{}}
	for _, n := range doc.Graph.Nodes {
		nd := exportedNode{ID: n.ID, Name: n.Label}
		for _, v := range n.Values {
			switch v.For {
			case "kind":
				nd.Kind = v.Value
			case "degree":
				nd.Degree = atoiOr(t, v.Value)
			}
		}
		out.Nodes = append(out.Nodes, nd)
	}
	for _, e := range doc.Graph.Edges {
		ed := exportedEdge{From: e.Source, To: e.Target, Weight: atoiOr(t, e.Weight)}
		for _, v := range e.Values {
			switch v.For {
			case "quotes":
				ed.Quotes = atoiOr(t, v.Value)
			case "paraphrases":
				ed.Paraphrases = atoiOr(t, v.Value)
			}
		}
		out.Edges = append(out.Edges, ed)
	}
	return out
}

// readGraphML parses a GraphML file with encoding/xml, resolving each
// <data> through its <key>'s attr.name.
func readGraphML(t *testing.T, b []byte) exported {
	t.Helper()
	type data struct {
		Key   string `xml:"key,attr"`
		Value string `xml:",chardata"`
	}
	var doc struct {
		XMLName xml.Name
		Keys    []struct {
			ID   string `xml:"id,attr"`
			For  string `xml:"for,attr"`
			Name string `xml:"attr.name,attr"`
			Type string `xml:"attr.type,attr"`
		} `xml:"key"`
		Graph struct {
			EdgeDefault string `xml:"edgedefault,attr"`
			Nodes       []struct {
				ID   string `xml:"id,attr"`
				Data []data `xml:"data"`
			} `xml:"node"`
			Edges []struct {
				Source string `xml:"source,attr"`
				Target string `xml:"target,attr"`
				Data   []data `xml:"data"`
			} `xml:"edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal(b, &doc); err != nil {
		t.Fatalf("the GraphML does not parse: %v\n%s", err, b)
	}
	if doc.XMLName.Space != "http://graphml.graphdrawing.org/xmlns" || doc.XMLName.Local != "graphml" || doc.Graph.EdgeDefault != "directed" {
		t.Errorf("GraphML root %v, edgedefault %q", doc.XMLName, doc.Graph.EdgeDefault)
	}
	name := map[string]string{}
	declared := map[string]string{}
	for _, k := range doc.Keys {
		name[k.ID] = k.Name
		declared[k.For+" "+k.Name] = k.Type
	}
	want := map[string]string{"node label": "string", "node kind": "string", "node degree": "int", "edge weight": "int", "edge quotes": "int", "edge paraphrases": "int"}
	if !reflect.DeepEqual(declared, want) {
		t.Errorf("GraphML declares %v, want %v", declared, want)
	}
	out := exported{Nodes: []exportedNode{}, Edges: []exportedEdge{}}
	for _, n := range doc.Graph.Nodes {
		nd := exportedNode{ID: n.ID}
		for _, d := range n.Data {
			switch name[d.Key] {
			case "label":
				nd.Name = d.Value
			case "kind":
				nd.Kind = d.Value
			case "degree":
				nd.Degree = atoiOr(t, d.Value)
			}
		}
		out.Nodes = append(out.Nodes, nd)
	}
	for _, e := range doc.Graph.Edges {
		ed := exportedEdge{From: e.Source, To: e.Target}
		for _, d := range e.Data {
			switch name[d.Key] {
			case "weight":
				ed.Weight = atoiOr(t, d.Value)
			case "quotes":
				ed.Quotes = atoiOr(t, d.Value)
			case "paraphrases":
				ed.Paraphrases = atoiOr(t, d.Value)
			}
		}
		out.Edges = append(out.Edges, ed)
	}
	return out
}

// graphQLNetwork asks GraphQL's network query for what the export should hold.
func graphQLNetwork(t *testing.T, s *testServer, f map[string]any, first *int) exported {
	t.Helper()
	var got struct {
		Network struct {
			Nodes []struct {
				Degree int
				Node   struct {
					Typename   string `json:"__typename"`
					ID         string
					Name, Kind string
				}
			}
			Edges []struct {
				From, To struct{ ID string }
				Count    int
				Kinds    []struct {
					Kind  string
					Count int
				}
			}
		}
	}
	vars := map[string]any{"f": f}
	if first != nil {
		vars["n"] = *first
	}
	s.post(t, `query($f: StatementFilter, $n: Int) { network(filter: $f, first: $n) {
	  nodes { degree node { __typename id ... on Entity { name kind } ... on Event { name } } }
	  edges { from { id } to { id } count kinds { kind count } } } }`, vars).data(t, &got)
	out := exported{Nodes: []exportedNode{}, Edges: []exportedEdge{}}
	for _, n := range got.Network.Nodes {
		kind := n.Node.Kind
		if n.Node.Typename == "Event" {
			kind = "EVENT"
		}
		out.Nodes = append(out.Nodes, exportedNode{ID: n.Node.ID, Name: n.Node.Name, Kind: kind, Degree: n.Degree})
	}
	for _, e := range got.Network.Edges {
		ed := exportedEdge{From: e.From.ID, To: e.To.ID, Weight: e.Count}
		for _, k := range e.Kinds {
			switch k.Kind {
			case "QUOTE":
				ed.Quotes = k.Count
			case "PARAPHRASE":
				ed.Paraphrases = k.Count
			}
		}
		out.Edges = append(out.Edges, ed)
	}
	return out
}

// exportQuery is a GraphQL filter as the export's query parameters.
func exportQuery(f map[string]any, extra ...string) string {
	params := url.Values{}
	for k, v := range f {
		if list, ok := v.([]string); ok {
			params.Set(k, strings.Join(list, ","))
		} else {
			params.Set(k, v.(string))
		}
	}
	for i := 0; i+1 < len(extra); i += 2 {
		params.Set(extra[i], extra[i+1])
	}
	return params.Encode()
}

// The GEXF and GraphML files parse back into exactly the network GraphQL
// answers for the same filter and first (nodes in order with their names,
// kinds and degrees; edges in order with their weights and kind counts),
// and its edges are the oracle's heaviest. When networkx is installed, it
// reads both files into the same graph.
func TestExportNetwork(t *testing.T) {
	s := newTestServer(t)
	o := newOracle(t)
	o.add(loadExample(t, s))
	three, hundred := 3, 100
	type file struct {
		path   string
		format string
		want   exported
	}
	var files []file
	dir := t.TempDir()
	for _, f := range []map[string]any{
		{},
		{"speaker": "person:emmanuel-macron"},
		{"from": "2025-09-01", "to": "2025-09-04"},
		{"topic": "topic:security-guarantees", "kind": "QUOTE"},
		// The README's Gephi example.
		{"topic": "topic:security-guarantees", "from": "2025-09-01", "to": "2025-09-05"},
	} {
		for _, first := range []*int{nil, &three, &hundred} {
			n := 20
			extra := []string{}
			if first != nil {
				n = *first
				extra = []string{"first", strconv.Itoa(n)}
			}
			t.Run(fmt.Sprintf("%v first %d", f, n), func(t *testing.T) {
				want := graphQLNetwork(t, s, f, first)
				if len(want.Edges) == 0 {
					t.Fatal("GraphQL answers no edge; the filter tests nothing")
				}
				all, _ := o.network(f)
				if len(want.Edges) != min(n, len(all)) {
					t.Fatalf("GraphQL answers %d edges, the oracle %d of %d", len(want.Edges), min(n, len(all)), len(all))
				}
				for i, e := range all[:len(want.Edges)] {
					if g := want.Edges[i]; g.From != e.From || g.To != e.To || g.Weight != e.Count || g.Quotes != e.Kinds["QUOTE"] || g.Paraphrases != e.Kinds["PARAPHRASE"] {
						t.Errorf("edge %d: GraphQL %+v, oracle %+v", i, g, e)
					}
				}
				q := exportQuery(f, extra...)
				gexf := exportGet(t, s.URL+"/export/network.gexf?"+q, "application/gexf+xml", "network.gexf")
				if got := readGEXF(t, gexf); !reflect.DeepEqual(got, want) {
					t.Errorf("GEXF\n got %+v\nwant %+v", got, want)
				}
				graphml := exportGet(t, s.URL+"/export/network.graphml?"+q, "application/graphml+xml", "network.graphml")
				if got := readGraphML(t, graphml); !reflect.DeepEqual(got, want) {
					t.Errorf("GraphML\n got %+v\nwant %+v", got, want)
				}
				for _, fl := range []file{{"gexf", "gexf", want}, {"graphml", "graphml", want}} {
					fl.path = filepath.Join(dir, fmt.Sprintf("%d.%s", len(files), fl.format))
					body := gexf
					if fl.format == "graphml" {
						body = graphml
					}
					if err := os.WriteFile(fl.path, body, 0o600); err != nil {
						t.Fatal(err)
					}
					files = append(files, fl)
				}
			})
		}
	}

	t.Run("networkx", func(t *testing.T) {
		if err := exec.Command("python3", "-c", "import networkx").Run(); err != nil {
			t.Skipf("python3 with networkx is not available (%v); the files are checked with encoding/xml only", err)
		}
		// One python for every file: it prints, per file, the node count
		// and each edge with its weight, as networkx reads them.
		const script = `
import json, sys, networkx as nx
out = []
for path in sys.argv[1:]:
    g = nx.read_gexf(path) if path.endswith(".gexf") else nx.read_graphml(path)
    out.append({"directed": g.is_directed(), "nodes": g.number_of_nodes(),
                "labels": sorted(str(d.get("label", "")) for _, d in g.nodes(data=True)),
                "edges": sorted([u, v, float(d["weight"])] for u, v, d in g.edges(data=True))})
print(json.dumps(out))
`
		args := []string{"-c", script}
		for _, f := range files {
			args = append(args, f.path)
		}
		cmd := exec.Command("python3", args...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		stdout, err := cmd.Output()
		if err != nil {
			t.Fatalf("networkx: %v\n%s", err, stderr.Bytes())
		}
		var read []struct {
			Directed bool
			Nodes    int
			Labels   []string
			Edges    [][3]any
		}
		if err := json.Unmarshal(stdout, &read); err != nil || len(read) != len(files) {
			t.Fatalf("networkx printed %s (%v)", stdout, err)
		}
		for i, f := range files {
			var labels []string
			for _, n := range f.want.Nodes {
				labels = append(labels, n.Name)
			}
			slices.Sort(labels)
			var edges []string
			for _, e := range f.want.Edges {
				edges = append(edges, fmt.Sprintf("%s %s %d", e.From, e.To, e.Weight))
			}
			slices.Sort(edges)
			var got []string
			for _, e := range read[i].Edges {
				got = append(got, fmt.Sprintf("%s %s %v", e[0], e[1], e[2]))
			}
			if !read[i].Directed || read[i].Nodes != len(f.want.Nodes) || !slices.Equal(read[i].Labels, labels) || !slices.Equal(got, edges) {
				t.Errorf("%s: networkx reads directed %v, %d nodes %v, edges %v; want %d nodes %v, edges %v",
					filepath.Base(f.path), read[i].Directed, read[i].Nodes, read[i].Labels, got, len(f.want.Nodes), labels, edges)
			}
		}
	})
}

// The counts export is statementCounts as a table: the same buckets in the
// same order, the node's name and kind beside the key, and for a
// dimension that puts each statement in one bucket, rows that add up to
// the filter's statements.
func TestExportCounts(t *testing.T) {
	s := newTestServer(t)
	o := newOracle(t)
	o.add(loadExample(t, s))
	const q = `query($f: StatementFilter, $by: CountDimension!, $n: Int) {
	  statementCounts(filter: $f, by: $by, first: $n) { key count
	    node { __typename ... on Entity { name kind } ... on Event { name } ... on Topic { name } ... on Source { title } } }
	  statements(filter: $f, first: 1) { totalCount } }`
	for _, f := range []map[string]any{{}, {"speaker": "person:emmanuel-macron"}, {"from": "2025-09-01", "to": "2025-09-04"}, {"kind": "PARAPHRASE"}} {
		for _, by := range countDimensions {
			for _, n := range []int{100, 2} {
				t.Run(fmt.Sprintf("%s %v first %d", by, f, n), func(t *testing.T) {
					var got struct {
						StatementCounts []struct {
							Key   string
							Count int
							Node  *struct {
								Typename          string `json:"__typename"`
								Name, Kind, Title string
							}
						}
						Statements struct{ TotalCount int }
					}
					s.post(t, q, map[string]any{"f": f, "by": by, "n": n}).data(t, &got)
					want := [][]string{{"key", "name", "kind", "count"}}
					sum := 0
					for _, c := range got.StatementCounts {
						var name, kind string
						if nd := c.Node; nd != nil {
							name, kind = nd.Name, nd.Kind
							switch nd.Typename {
							case "Event", "Topic":
								kind = strings.ToUpper(nd.Typename)
							case "Source":
								name, kind = nd.Title, "SOURCE"
							}
						}
						want = append(want, []string{c.Key, name, kind, strconv.Itoa(c.Count)})
						sum += c.Count
					}
					body := exportGet(t, s.URL+"/export/counts.csv?"+exportQuery(f, "by", strings.ToLower(by), "first", strconv.Itoa(n)),
						"text/csv; charset=utf-8", "counts-"+strings.ToLower(by)+".csv")
					rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
					if err != nil {
						t.Fatalf("the CSV does not parse: %v", err)
					}
					if !reflect.DeepEqual(rows, want) {
						t.Errorf("CSV\n got %q\nwant %q", rows, want)
					}
					if n < 100 {
						return
					}
					buckets := o.buckets(f, by)
					if len(rows)-1 != len(buckets) {
						t.Errorf("%d rows, the oracle has %d buckets", len(rows)-1, len(buckets))
					}
					if singleValued[by] && sum != got.Statements.TotalCount {
						t.Errorf("rows add up to %d, the filter has %d statements", sum, got.Statements.TotalCount)
					}
				})
			}
		}
	}
}

// A bad parameter is a 400 with a JSON error naming it, as the statements
// export answers, before any Cypher. The filter's id checks, shared with
// GraphQL, name the parameter as filter.<name>.
func TestExportGraphBadParameters(t *testing.T) {
	s := newTestServer(t)
	for _, tt := range []struct{ query, param string }{
		{"counts.csv", "by"},
		{"counts.csv?by=WEEK", "by"},
		{"counts.csv?by=KIND&by=DAY", "by"},
		{"counts.csv?by=KIND&first=0", "first"},
		{"counts.csv?by=KIND&first=101", "first"},
		{"counts.csv?by=KIND&first=x", "first"},
		{"counts.csv?by=KIND&from=2025-13-01", "from"},
		{"counts.csv?by=KIND&colour=red", "colour"},
		{"network.gexf?first=0", "first"},
		{"network.gexf?first=101", "first"},
		{"network.gexf?first=x", "first"},
		{"network.gexf?from=yesterday", "from"},
		{"network.gexf?by=SPEAKER", "by"},
		{"network.graphml?first=101", "first"},
		{"network.graphml?to=2025-02-30", "to"},
		{"network.graphml?speaker=Rutte", "speaker"},
		{"network.graphml?colour=red", "colour"},
		{"statements.csv?first=5", "first"},
	} {
		res, err := client.Get(s.URL + "/export/" + tt.query)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		var e struct{ Error, Code string }
		if err := json.Unmarshal(b, &e); err != nil || res.StatusCode != http.StatusBadRequest || e.Code != "BAD_USER_INPUT" || !strings.HasPrefix(e.Error, tt.param+": ") && !strings.HasPrefix(e.Error, "filter."+tt.param+": ") {
			t.Errorf("%s: %d %s, want 400 BAD_USER_INPUT naming %s", tt.query, res.StatusCode, b, tt.param)
		}
	}
}

// With Neo4j down the new exports answer as the statements export does:
// 503 UNAVAILABLE with the fixed message, fast, and nothing internal.
func TestExportGraphNeo4jDown(t *testing.T) {
	cfg := config.Defaults.Neo4j
	cfg.URI = fmt.Sprintf("bolt://127.0.0.1:%d", neo4jtest.FreePort(t))
	s := startServer(t, cfg)
	for _, path := range []string{"statements.csv", "network.gexf", "network.graphml", "counts.csv?by=SPEAKER"} {
		start := time.Now()
		res, err := client.Get(s.URL + "/export/" + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if took := time.Since(start); took > unavailableBound {
			t.Errorf("%s: UNAVAILABLE took %s, bound %s", path, took, unavailableBound)
		}
		var e struct{ Error, Code string }
		if err := json.Unmarshal(b, &e); err != nil || res.StatusCode != http.StatusServiceUnavailable || e.Code != string(errcode.Unavailable) || e.Error != errcode.MsgUnavailable {
			t.Errorf("%s: %d %s, want 503 UNAVAILABLE", path, res.StatusCode, b)
		}
	}
}

// Names are escaped: the files stay well-formed XML and read back the
// name as it was, whatever characters it holds. No Neo4j.
func TestExportGraphEscapes(t *testing.T) {
	name := `Ben & Jerry's <"Board"> ]]> café`
	nodes := []graphNode{{id: "organisation:ben-jerry", name: name, kind: "ORGANISATION", degree: 2}, {id: "event:x", name: "x", kind: "EVENT", degree: 2}}
	edges := []graphEdge{{from: "organisation:ben-jerry", to: "event:x", weight: 2, quotes: 1, paraphrase: 1}}
	want := exported{
		Nodes: []exportedNode{{"organisation:ben-jerry", name, "ORGANISATION", 2}, {"event:x", "x", "EVENT", 2}},
		Edges: []exportedEdge{{"organisation:ben-jerry", "event:x", 2, 1, 1}},
	}
	var gexf, graphml bytes.Buffer
	if err := encodeGEXF(&gexf, nodes, edges); err != nil {
		t.Fatal(err)
	}
	if err := encodeGraphML(&graphml, nodes, edges); err != nil {
		t.Fatal(err)
	}
	if got := readGEXF(t, gexf.Bytes()); !reflect.DeepEqual(got, want) {
		t.Errorf("GEXF\n got %+v\nwant %+v", got, want)
	}
	if got := readGraphML(t, graphml.Bytes()); !reflect.DeepEqual(got, want) {
		t.Errorf("GraphML\n got %+v\nwant %+v", got, want)
	}
}
