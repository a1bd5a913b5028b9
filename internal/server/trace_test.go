package server

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"

	"newsgraph/internal/config"
)

// One Q2-shaped request, traced: the HTTP request's span, the GraphQL
// operation's inside it, and the one Cypher round trip inside that, named
// by the store operation and carrying no parameter; the request id is on
// the spans, and the latency histograms carry the trace as an exemplar.
func TestTraceOfOneRequest(t *testing.T) {
	exp := tracetest.NewInMemoryExporter()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSyncer(exp))
	otel.SetTracerProvider(tp)
	t.Cleanup(func() { tp.Shutdown(context.Background()) })
	s := newTestServer(t, func(c *config.Config) { c.Tracing = true })

	const q2 = `query Q2($id: ID!) { entity(id: $id) { statements(first: 20) { nodes { id text date speaker { id name } about { id } evidence { start end excerpt source { id title } } } } } }`
	status, _, body := send(t, "POST", s.URL+"/graphql", map[string]string{"Content-Type": "application/json", "X-Request-Id": "trace-test-q2"},
		string(gqlBody(q2, map[string]any{"id": "person:mark-rutte"})))
	if status != 200 || strings.Contains(string(body), `"errors"`) {
		t.Fatalf("Q2: %d %s", status, body)
	}

	var root *tracetest.SpanStub
	spans := exp.GetSpans()
	for i, sp := range spans {
		if sp.Name == "POST /graphql" && attr(sp.Attributes, "newsgraph.request_id") == "trace-test-q2" {
			root = &spans[i]
		}
	}
	if root == nil {
		t.Fatalf("no span POST /graphql with the request id among %d spans: %v", len(spans), spanNames(spans))
	}
	if root.SpanKind != trace.SpanKindServer || root.Parent.IsValid() {
		t.Errorf("the HTTP span: kind %v, parent %v", root.SpanKind, root.Parent)
	}
	children := func(of tracetest.SpanStub) []tracetest.SpanStub {
		var out []tracetest.SpanStub
		for _, sp := range spans {
			if sp.Parent.SpanID() == of.SpanContext.SpanID() && sp.SpanContext.TraceID() == of.SpanContext.TraceID() {
				out = append(out, sp)
			}
		}
		return out
	}
	ops := children(*root)
	if len(ops) != 1 || ops[0].Name != "query Q2" || attr(ops[0].Attributes, "graphql.operation.name") != "Q2" ||
		attr(ops[0].Attributes, "newsgraph.request_id") != "trace-test-q2" {
		t.Fatalf("under the HTTP span: %v, want the operation's span, query Q2", spanNames(ops))
	}
	trips := children(ops[0])
	if len(trips) != 1 || trips[0].Name != "store.EntityBundle" || trips[0].SpanKind != trace.SpanKindClient ||
		attr(trips[0].Attributes, "db.system.name") != "neo4j" || attr(trips[0].Attributes, "db.operation.name") != "store.EntityBundle" {
		t.Fatalf("under the operation: %v, want one Cypher round trip, store.EntityBundle", spanNames(trips))
	}
	for _, sp := range []tracetest.SpanStub{*root, ops[0], trips[0]} {
		for _, a := range sp.Attributes {
			if strings.Contains(a.Value.Emit(), "mark-rutte") {
				t.Errorf("span %s carries a parameter: %s=%s", sp.Name, a.Key, a.Value.Emit())
			}
		}
	}
	if n := len(children(trips[0])); n != 0 {
		t.Errorf("the round trip has %d children", n)
	}

	// Exemplars: the request's trace id on the latency histogram, in the
	// OpenMetrics format that carries them.
	mreq, _ := http.NewRequest("GET", s.URL+"/metrics", nil)
	mreq.Header.Set("Accept", "application/openmetrics-text; version=1.0.0")
	mres, err := http.DefaultClient.Do(mreq)
	if err != nil {
		t.Fatal(err)
	}
	metrics, _ := io.ReadAll(mres.Body)
	mres.Body.Close()
	traceID := root.SpanContext.TraceID().String()
	for _, metric := range []string{"newsgraph_http_request_duration_seconds_bucket", "newsgraph_neo4j_query_duration_seconds_bucket", "newsgraph_graphql_operation_duration_seconds_bucket"} {
		found := false
		for line := range strings.SplitSeq(string(metrics), "\n") {
			if strings.HasPrefix(line, metric) && strings.Contains(line, `trace_id="`+traceID+`"`) {
				found = true
			}
		}
		if !found {
			t.Errorf("no %s line has the trace %s as exemplar", metric, traceID)
		}
	}
}

func attr(kvs []attribute.KeyValue, key string) string {
	for _, kv := range kvs {
		if string(kv.Key) == key {
			return kv.Value.Emit()
		}
	}
	return ""
}

func spanNames(spans []tracetest.SpanStub) []string {
	out := make([]string, len(spans))
	for i, sp := range spans {
		out[i] = sp.Name
	}
	return out
}
