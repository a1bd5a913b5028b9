package server

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"newsgraph/internal/kg"
)

// The network and counts exports answer at most kg.MaxPageSize edges or
// buckets, so each is built in memory and written only once it is whole:
// an encoding error is then a clean 500, never a file cut short.

// exportFirst reads `first` with the rule GraphQL's network and
// statementCounts use: default kg.DefaultPageSize, 1 to kg.MaxPageSize.
func exportFirst(q url.Values) (int, error) {
	v := q.Get("first")
	if v == "" {
		return kg.PageSize(nil)
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, kg.InvalidInput("first", "%q is not a whole number", v)
	}
	return kg.PageSize(&n)
}

// exportDimensions are statementCounts' dimensions, in the schema's order.
var exportDimensions = []kg.CountDimension{
	kg.BySpeaker, kg.ByAbout, kg.ByTopic, kg.ByEvent, kg.BySource, kg.ByKind, kg.ByDay, kg.ByMonth, kg.ByYear,
}

// exportDimension reads `by`, which the counts export requires.
func exportDimension(q url.Values) (kg.CountDimension, error) {
	names := make([]string, len(exportDimensions))
	for i, d := range exportDimensions {
		names[i] = string(d)
	}
	v := q.Get("by")
	if v == "" {
		return "", kg.InvalidInput("by", "is required; use one of %s", strings.Join(names, ", "))
	}
	by := kg.CountDimension(strings.ToUpper(v))
	if _, ok := kg.CountScope[by]; !ok {
		return "", kg.InvalidInput("by", "%q is not one of %s", v, strings.Join(names, ", "))
	}
	return by, nil
}

// exportCountColumns are the counts export's columns.
var exportCountColumns = []string{"key", "name", "kind", "count"}

// exportCounts answers GET /export/counts.csv: statementCounts as a table.
func (s *Server) exportCounts(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f, err := exportFilter(q, "by", "first")
	if err != nil {
		writeError(w, err)
		return
	}
	by, err := exportDimension(q)
	if err != nil {
		writeError(w, err)
		return
	}
	first, err := exportFirst(q)
	if err != nil {
		writeError(w, err)
		return
	}
	counts, err := s.store.StatementCounts(r.Context(), f, by, first)
	if err != nil {
		s.exportFailed(w, err)
		return
	}
	var buf bytes.Buffer
	out := csv.NewWriter(&buf)
	out.Write(exportCountColumns)
	for _, c := range counts {
		name, kind := countNodeColumns(c.Node)
		out.Write([]string{c.Key, name, kind, strconv.Itoa(c.Count)})
	}
	out.Flush()
	if err := out.Error(); err != nil {
		s.exportFailed(w, fmt.Errorf("export counts: %w", err))
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="counts-%s.csv"`, strings.ToLower(string(by))))
	w.Write(buf.Bytes())
}

// countNodeColumns are the name and kind columns of a bucket's node: the
// entity kind for an entity, else what the node is; empty without a node.
func countNodeColumns(n *kg.CountNode) (name, kind string) {
	switch {
	case n == nil:
		return "", ""
	case n.Entity != nil:
		return n.Entity.Name, string(n.Entity.Kind)
	case n.Event != nil:
		return n.Event.Name, "EVENT"
	case n.Topic != nil:
		return n.Topic.Name, "TOPIC"
	case n.Source != nil:
		return n.Source.Title, "SOURCE"
	}
	return "", ""
}

// graphNode and graphEdge are a network's nodes and edges as both file
// formats write them.
type graphNode struct {
	id, name, kind string
	degree         int
}

type graphEdge struct {
	from, to                   string
	weight, quotes, paraphrase int
}

func graphOf(net kg.Network) ([]graphNode, []graphEdge) {
	nodes := make([]graphNode, len(net.Nodes))
	for i, n := range net.Nodes {
		nodes[i] = graphNode{degree: n.Degree}
		if e := n.Node.Entity; e != nil {
			nodes[i].id, nodes[i].name, nodes[i].kind = e.ID, e.Name, string(e.Kind)
		} else if ev := n.Node.Event; ev != nil {
			nodes[i].id, nodes[i].name, nodes[i].kind = ev.ID, ev.Name, "EVENT"
		}
	}
	edges := make([]graphEdge, len(net.Edges))
	for i, e := range net.Edges {
		edges[i] = graphEdge{from: e.From.ID, weight: e.Count}
		if e.To.Entity != nil {
			edges[i].to = e.To.Entity.ID
		} else if e.To.Event != nil {
			edges[i].to = e.To.Event.ID
		}
		for _, k := range e.Kinds {
			switch k.Kind {
			case kg.Quote:
				edges[i].quotes = k.Count
			case kg.Paraphrase:
				edges[i].paraphrase = k.Count
			}
		}
	}
	return nodes, edges
}

// networkFormat is one of the network export's file formats.
type networkFormat struct {
	contentType, filename string
	encode                func(io.Writer, []graphNode, []graphEdge) error
}

var (
	gexfFormat    = networkFormat{"application/gexf+xml", "network.gexf", encodeGEXF}
	graphMLFormat = networkFormat{"application/graphml+xml", "network.graphml", encodeGraphML}
)

// exportNetwork answers GET /export/network.gexf and .graphml: the network
// GraphQL's network query answers, for Gephi, yEd, Cytoscape or networkx.
func (s *Server) exportNetwork(format networkFormat) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		f, err := exportFilter(q, "first")
		if err != nil {
			writeError(w, err)
			return
		}
		first, err := exportFirst(q)
		if err != nil {
			writeError(w, err)
			return
		}
		net, err := s.store.Network(r.Context(), f, first)
		if err != nil {
			s.exportFailed(w, err)
			return
		}
		nodes, edges := graphOf(net)
		var buf bytes.Buffer
		if err := format.encode(&buf, nodes, edges); err != nil {
			s.exportFailed(w, fmt.Errorf("export %s: %w", format.filename, err))
			return
		}
		w.Header().Set("Content-Type", format.contentType)
		w.Header().Set("Content-Disposition", `attachment; filename="`+format.filename+`"`)
		w.Write(buf.Bytes())
	}
}

// GEXF 1.3, Gephi's own format (https://gexf.net/schema.html).
type gexfFile struct {
	XMLName xml.Name  `xml:"http://gexf.net/1.3 gexf"`
	Version string    `xml:"version,attr"`
	Creator string    `xml:"meta>creator"`
	Graph   gexfGraph `xml:"graph"`
}

type gexfGraph struct {
	DefaultEdgeType string           `xml:"defaultedgetype,attr"`
	Attributes      []gexfAttributes `xml:"attributes"`
	Nodes           []gexfNode       `xml:"nodes>node"`
	Edges           []gexfEdge       `xml:"edges>edge"`
}

type gexfAttributes struct {
	Class     string          `xml:"class,attr"`
	Attribute []gexfAttribute `xml:"attribute"`
}

type gexfAttribute struct {
	ID    string `xml:"id,attr"`
	Title string `xml:"title,attr"`
	Type  string `xml:"type,attr"`
}

type gexfNode struct {
	ID     string         `xml:"id,attr"`
	Label  string         `xml:"label,attr"`
	Values []gexfAttValue `xml:"attvalues>attvalue"`
}

type gexfEdge struct {
	ID     string         `xml:"id,attr"`
	Source string         `xml:"source,attr"`
	Target string         `xml:"target,attr"`
	Weight int            `xml:"weight,attr"`
	Values []gexfAttValue `xml:"attvalues>attvalue"`
}

type gexfAttValue struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
}

func encodeGEXF(w io.Writer, nodes []graphNode, edges []graphEdge) error {
	doc := gexfFile{Version: "1.3", Creator: "newsgraph", Graph: gexfGraph{
		DefaultEdgeType: "directed",
		Attributes: []gexfAttributes{
			{Class: "node", Attribute: []gexfAttribute{{"kind", "kind", "string"}, {"degree", "degree", "integer"}}},
			{Class: "edge", Attribute: []gexfAttribute{{"quotes", "quotes", "integer"}, {"paraphrases", "paraphrases", "integer"}}},
		},
		// Empty, not absent: a graph with no edge is still a GEXF file.
		Nodes: []gexfNode{},
		Edges: []gexfEdge{},
	}}
	for _, n := range nodes {
		doc.Graph.Nodes = append(doc.Graph.Nodes, gexfNode{ID: n.id, Label: n.name, Values: []gexfAttValue{
			{"kind", n.kind}, {"degree", strconv.Itoa(n.degree)},
		}})
	}
	for i, e := range edges {
		doc.Graph.Edges = append(doc.Graph.Edges, gexfEdge{ID: strconv.Itoa(i), Source: e.from, Target: e.to, Weight: e.weight, Values: []gexfAttValue{
			{"quotes", strconv.Itoa(e.quotes)}, {"paraphrases", strconv.Itoa(e.paraphrase)},
		}})
	}
	return writeXML(w, doc)
}

// GraphML (http://graphml.graphdrawing.org/), read by yEd, Cytoscape and
// Gephi. The name is keyed "label" and the count "weight", the keys Gephi
// shows as a node's label and an edge's weight.
type graphMLFile struct {
	XMLName xml.Name     `xml:"http://graphml.graphdrawing.org/xmlns graphml"`
	Keys    []graphMLKey `xml:"key"`
	Graph   graphMLGraph `xml:"graph"`
}

type graphMLKey struct {
	ID   string `xml:"id,attr"`
	For  string `xml:"for,attr"`
	Name string `xml:"attr.name,attr"`
	Type string `xml:"attr.type,attr"`
}

type graphMLGraph struct {
	ID          string        `xml:"id,attr"`
	EdgeDefault string        `xml:"edgedefault,attr"`
	Nodes       []graphMLNode `xml:"node"`
	Edges       []graphMLEdge `xml:"edge"`
}

type graphMLNode struct {
	ID   string        `xml:"id,attr"`
	Data []graphMLData `xml:"data"`
}

type graphMLEdge struct {
	ID     string        `xml:"id,attr"`
	Source string        `xml:"source,attr"`
	Target string        `xml:"target,attr"`
	Data   []graphMLData `xml:"data"`
}

type graphMLData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

func encodeGraphML(w io.Writer, nodes []graphNode, edges []graphEdge) error {
	doc := graphMLFile{
		Keys: []graphMLKey{
			{"label", "node", "label", "string"},
			{"kind", "node", "kind", "string"},
			{"degree", "node", "degree", "int"},
			{"weight", "edge", "weight", "int"},
			{"quotes", "edge", "quotes", "int"},
			{"paraphrases", "edge", "paraphrases", "int"},
		},
		Graph: graphMLGraph{ID: "network", EdgeDefault: "directed"},
	}
	for _, n := range nodes {
		doc.Graph.Nodes = append(doc.Graph.Nodes, graphMLNode{ID: n.id, Data: []graphMLData{
			{"label", n.name}, {"kind", n.kind}, {"degree", strconv.Itoa(n.degree)},
		}})
	}
	for i, e := range edges {
		doc.Graph.Edges = append(doc.Graph.Edges, graphMLEdge{ID: "e" + strconv.Itoa(i), Source: e.from, Target: e.to, Data: []graphMLData{
			{"weight", strconv.Itoa(e.weight)}, {"quotes", strconv.Itoa(e.quotes)}, {"paraphrases", strconv.Itoa(e.paraphrase)},
		}})
	}
	return writeXML(w, doc)
}

// writeXML writes doc as a UTF-8 XML file; encoding/xml escapes every name.
func writeXML(w io.Writer, doc any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
