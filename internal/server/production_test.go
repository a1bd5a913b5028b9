package server

import (
	"net/http"
	"strings"
	"testing"

	"newsgraph/internal/config"
)

// Production mode: no introspection, no suggestions, no playground, masked
// messages, and a request id on every error.
func TestProductionMode(t *testing.T) {
	s := newTestServer(t, func(c *config.Config) { c.Production = true })
	e := s.post(t, `{ __schema { types { name } } }`, nil).onlyError(t)
	if e.Extensions["code"] != "BAD_USER_INPUT" || e.Extensions["requestId"] == nil {
		t.Errorf("introspection in production: %+v", e)
	}
	r := s.post(t, `{ entites { totalCount } }`, nil)
	e = r.onlyError(t)
	if strings.Contains(e.Message, "Did you mean") || strings.Contains(e.Message, "entities") || strings.Contains(e.Message, "entites") {
		t.Errorf("production error reveals the schema: %q", e.Message)
	}
	// Our own messages stay: they describe the caller's input, not the schema.
	e = s.post(t, `{ entities(first: 0) { totalCount } }`, nil).onlyError(t)
	if !strings.Contains(e.Message, "first: must be between 1 and 100") {
		t.Errorf("input error masked: %q", e.Message)
	}
	if body := get(t, s.URL+"/", http.StatusOK); !strings.Contains(body, "newsgraph explorer") {
		t.Error("the explorer is part of the product: / must serve it in production too")
	}
	for _, path := range []string{"/playground", "/schema.graphql"} {
		res, err := http.Get(s.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusNotFound {
			t.Errorf("%s in production: %d, want 404", path, res.StatusCode)
		}
	}
	// The request id: ours when sane, echoed in the header and the error.
	req, _ := http.NewRequest(http.MethodPost, s.URL+"/graphql", strings.NewReader(`{"query":"{ entity(id: \"bad\") { id } }"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Request-Id", "trace-42")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	got := decode(t, res)
	if res.Header.Get("X-Request-Id") != "trace-42" || got.Errors[0].Extensions["requestId"] != "trace-42" {
		t.Errorf("request id: header %q, error %v", res.Header.Get("X-Request-Id"), got.Errors[0].Extensions)
	}
}
