package server

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"newsgraph/internal/config"
	"newsgraph/internal/store"
)

// The public handler never serves profiles, whatever the configuration:
// they live on NEWSGRAPH_PPROF_ADDR's own listener. No Neo4j is needed
// (the driver connects lazily).
func TestPprofNotOnPublicMux(t *testing.T) {
	for _, addr := range []string{"", "127.0.0.1:0"} {
		cfg := config.Defaults
		cfg.PprofAddr = addr
		st, err := store.Open(cfg.Neo4j, testLogger())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close(context.Background()) })
		srv := httptest.NewServer(New(cfg, st, testLogger()).Handler())
		t.Cleanup(srv.Close)
		for _, path := range []string{"/debug/pprof/", "/debug/pprof/heap", "/debug/pprof/profile?seconds=1", "/debug/pprof/cmdline"} {
			res, err := http.Get(srv.URL + path)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != http.StatusNotFound {
				t.Errorf("PprofAddr %q: public GET %s = %d, want 404", addr, path, res.StatusCode)
			}
		}
	}
}

// With an address configured, profiles are served on a listener of its own.
func TestPprofOnItsOwnListener(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	addr, err := servePprof(ctx, "127.0.0.1:0", testLogger())
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		"/debug/pprof/":                  "goroutine",
		"/debug/pprof/heap?debug=1":      "heap profile",
		"/debug/pprof/cmdline":           "",
		"/debug/pprof/goroutine?debug=1": "goroutine profile",
	} {
		res, err := http.Get("http://" + addr.String() + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusOK || !strings.Contains(string(b), want) {
			t.Errorf("GET %s = %d %.200s", path, res.StatusCode, b)
		}
	}
	cancel()
}
