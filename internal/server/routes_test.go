package server

import (
	"net/http"
	"strings"
	"testing"
)

func TestRoutes(t *testing.T) {
	s := newTestServer(t)
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

	// The explorer at /: its page, and assets that come from this server
	// only, cached for good (their names carry a content hash).
	page := get(t, s.URL+"/", http.StatusOK)
	if !strings.Contains(page, "<title>newsgraph explorer</title>") {
		t.Errorf("/ is not the explorer: %.300s", page)
	}
	assets := 0
	for _, attr := range []string{`src="`, `href="`} {
		for _, part := range strings.Split(page, attr)[1:] {
			link := part[:strings.IndexByte(part, '"')]
			if strings.HasPrefix(link, "#") {
				continue
			}
			if !strings.HasPrefix(link, "/assets/") && link != "/playground" {
				t.Errorf("the explorer loads %q from elsewhere", link)
				continue
			}
			if strings.HasPrefix(link, "/assets/") {
				assets++
				res, err := noRedirect.Get(s.URL + link)
				if err != nil {
					t.Fatal(err)
				}
				res.Body.Close()
				if res.StatusCode != http.StatusOK || !strings.Contains(res.Header.Get("Cache-Control"), "immutable") {
					t.Errorf("%s: %d, Cache-Control %q", link, res.StatusCode, res.Header.Get("Cache-Control"))
				}
			}
		}
	}
	if assets == 0 {
		t.Error("the explorer page loads no script or style")
	}

	body := get(t, s.URL+"/playground", http.StatusOK)
	if !strings.Contains(body, "<title>newsgraph playground</title>") || !strings.Contains(body, "RutteOnPutin") || !strings.Contains(body, "SanctionsStatements") {
		t.Errorf("playground page lacks its title or examples")
	}
	// Everything the page loads comes from this server: no CDN.
	for _, attr := range []string{`src="`, `href="`} {
		for _, part := range strings.Split(body, attr)[1:] {
			if link := part[:strings.IndexByte(part, '"')]; !strings.HasPrefix(link, "/playground/assets/") {
				t.Errorf("playground loads %q from outside the binary", link)
			}
		}
	}
	for _, asset := range []string{"graphiql.min.js", "graphiql.min.css", "react.production.min.js", "react-dom.production.min.js"} {
		if b := get(t, s.URL+"/playground/assets/"+asset, http.StatusOK); len(b) < 1000 {
			t.Errorf("asset %s is %d bytes", asset, len(b))
		}
	}

	if b := get(t, s.URL+"/healthz", http.StatusOK); !strings.Contains(b, `"ok"`) {
		t.Errorf("/healthz: %s", b)
	}
	if b := get(t, s.URL+"/readyz", http.StatusOK); !strings.Contains(b, `"ready"`) {
		t.Errorf("/readyz: %s", b)
	}
	sdl := get(t, s.URL+"/schema.graphql", http.StatusOK)
	for _, want := range []string{"interface Entity implements Node", "\tentities(\n", "\t\torderBy: EntityOrder = NAME\n", "): EntityConnection!",
		"type Statement implements Node", "scalar Date", "input StatementFilter", "type Subscription", "statementAdded(", `"""`} {
		if !strings.Contains(sdl, want) {
			t.Errorf("/schema.graphql lacks %q", want)
		}
	}
	s.post(t, `{ entities { totalCount } }`, nil)
	if m := get(t, s.URL+"/metrics", http.StatusOK); !strings.Contains(m, `newsgraph_http_requests_total{code="200",handler="graphql",method="post"}`) {
		t.Errorf("/metrics does not count the GraphQL request")
	}
	get(t, s.URL+"/nowhere", http.StatusNotFound)
}
