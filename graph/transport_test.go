package graph

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// TestEncodeResponse checks that the fast path writes the document
// json.Marshal would, for answers without errors, and that answers with
// errors or incremental parts still go through json.Marshal whole.
func TestEncodeResponse(t *testing.T) {
	yes := true
	cases := []struct {
		name string
		resp graphql.Response
		fast bool
	}{
		{"data", graphql.Response{Data: json.RawMessage(`{"entity":{"id":"person:a","name":"A <b> & c"}}`)}, true},
		{"null data", graphql.Response{}, true},
		{"errors", graphql.Response{Data: json.RawMessage(`{"entity":null}`), Errors: gqlerror.List{{Message: "not found", Path: ast.Path{ast.PathName("entity")}}}}, false},
		{"extensions", graphql.Response{Data: json.RawMessage(`{"a":1}`), Extensions: map[string]any{"neo4j": map[string]any{"roundTrips": 1}}}, true},
		{"incremental", graphql.Response{Data: json.RawMessage(`{}`), Label: "l", Path: ast.Path{ast.PathName("a")}, HasNext: &yes}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := encodeResponse(&c.resp)
			want, err := json.Marshal(&c.resp)
			if err != nil {
				t.Fatal(err)
			}
			if c.fast {
				data := string(c.resp.Data)
				if data == "" {
					data = "null"
				}
				want := `{"data":` + data + `}`
				if c.resp.Extensions != nil {
					ext, _ := json.Marshal(c.resp.Extensions)
					want = `{"data":` + data + `,"extensions":` + string(ext) + `}`
				}
				if string(got) != want {
					t.Fatalf("got %s, want the data as gqlgen wrote it", got)
				}
			} else if string(got) != string(want) {
				t.Fatalf("got %s, want json.Marshal's %s", got, want)
			}
			var g, w any
			if err := json.Unmarshal(got, &g); err != nil {
				t.Fatalf("%s is not JSON: %v", got, err)
			}
			if err := json.Unmarshal(want, &w); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(g, w) {
				t.Fatalf("got %s, want the same document as %s", got, want)
			}
		})
	}
}
