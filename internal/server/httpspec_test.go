package server

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"newsgraph/internal/config"
)

// send makes one request to the test server's /graphql and returns the
// status, the headers and the body.
func send(t *testing.T, method, u string, header map[string]string, body string) (int, http.Header, []byte) {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, u, rd)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, res.Header, b
}

// GraphQL over HTTP as the spec has it: request errors answer 200 to
// application/json clients (Apollo Client 3 sends */*) and 400 to
// application/graphql-response+json ones, never with a "data" entry.
func TestGraphQLOverHTTP(t *testing.T) {
	s := newTestServer(t)
	const (
		jsonCT  = "application/json"
		gqlResp = "application/graphql-response+json"
		good    = `{"query":"{ entity(id: \"person:mark-rutte\") { name } }"}`
		invalid = `{"query":"{ entity(id: \"person:mark-rutte\") { nope } }"}`
		broken  = `{"query":"{ entity(id: "}`
		coerce  = `{"query":"query ($n: Int) { statements(first: $n) { totalCount } }","variables":{"n":"ten"}}`
		// Over net/http's 2-KiB buffer, which sets Content-Length itself
		// only for a body that fits.
		large = `{"query":"{ statements(first: 100) { nodes { id text speaker { name } evidence { excerpt source { title } } } } }"}`
	)
	post := func(accept string) map[string]string {
		h := map[string]string{"Content-Type": jsonCT}
		if accept != "" {
			h["Accept"] = accept
		}
		return h
	}
	get := func(q string) string { return s.URL + "/graphql?query=" + url.QueryEscape(q) }
	tests := []struct {
		name, method, url string
		header            map[string]string
		body              string
		status            int
		contentType       string
		hasData           bool
		message           string // a part of the first error's message
		allow             string
	}{
		{"valid, no Accept", "POST", "", post(""), good, 200, jsonCT, true, "", ""},
		{"valid, graphql-response+json", "POST", "", post(gqlResp), good, 200, gqlResp, true, "", ""},
		{"valid, a large answer", "POST", "", post(""), large, 200, jsonCT, true, "", ""},
		{"validation error, */*", "POST", "", post("*/*"), invalid, 200, jsonCT, false, `Cannot query field "nope"`, ""},
		{"validation error, json", "POST", "", post(jsonCT), invalid, 200, jsonCT, false, `Cannot query field "nope"`, ""},
		{"validation error, graphql-response+json", "POST", "", post(gqlResp), invalid, 400, gqlResp, false, `Cannot query field "nope"`, ""},
		{"parse error, json", "POST", "", post(jsonCT), broken, 200, jsonCT, false, "Unexpected", ""},
		{"parse error, graphql-response+json", "POST", "", post(gqlResp), broken, 400, gqlResp, false, "Unexpected", ""},
		{"coercion error, json", "POST", "", post(jsonCT), coerce, 200, jsonCT, false, "Int", ""},
		{"coercion error, graphql-response+json", "POST", "", post(gqlResp), coerce, 400, gqlResp, false, "Int", ""},
		{"the preferred type wins", "POST", "", post("application/json;q=0.5, application/graphql-response+json"), good, 200, gqlResp, true, "", ""},
		{"json preferred by quality", "POST", "", post("application/json, application/graphql-response+json;q=0.1"), good, 200, jsonCT, true, "", ""},
		{"missing query", "POST", "", post(""), `{"variables":{}}`, 400, jsonCT, false, "no query", ""},
		{"query not a string", "POST", "", post(""), `{"query":1}`, 400, jsonCT, false, "query", ""},
		{"not acceptable", "POST", "", post("text/html"), good, 406, jsonCT, false, "Accept", ""},
		{"GET query", "GET", get(`{ entity(id: "person:mark-rutte") { name } }`), nil, "", 200, jsonCT, true, "", ""},
		{"GET without a query", "GET", s.URL + "/graphql?operationName=X", nil, "", 400, jsonCT, false, "no query", ""},
		{"mutation over GET", "GET", get(`mutation { deleteSource(id: "x") { id } }`), map[string]string{"Accept": gqlResp}, "", 405, gqlResp, false, "POST", "POST"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := tt.url
			if u == "" {
				u = s.URL + "/graphql"
			}
			status, h, b := send(t, tt.method, u, tt.header, tt.body)
			if status != tt.status {
				t.Fatalf("status %d, want %d: %s", status, tt.status, b)
			}
			if ct := h.Get("Content-Type"); !strings.HasPrefix(ct, tt.contentType) {
				t.Errorf("Content-Type %q, want %s", ct, tt.contentType)
			}
			var body map[string]json.RawMessage
			if err := json.Unmarshal(b, &body); err != nil {
				t.Fatalf("not JSON: %s", b)
			}
			if _, has := body["data"]; has != tt.hasData {
				t.Errorf("data present %v, want %v: %s", has, tt.hasData, b)
			}
			if tt.body == large && len(b) <= 4096 {
				t.Fatalf("the large answer is %d bytes", len(b))
			}
			if cl := h.Get("Content-Length"); tt.hasData && cl != strconv.Itoa(len(b)) {
				t.Errorf("Content-Length %q for a body of %d bytes", cl, len(b))
			}
			if tt.message != "" {
				var errs []gqlError
				json.Unmarshal(body["errors"], &errs)
				if len(errs) == 0 || !strings.Contains(errs[0].Message, tt.message) || errs[0].Extensions["code"] != "BAD_USER_INPUT" {
					t.Errorf("errors %s, want BAD_USER_INPUT with %q", body["errors"], tt.message)
				}
			}
			if got := h.Get("Allow"); got != tt.allow {
				t.Errorf("Allow %q, want %q", got, tt.allow)
			}
		})
	}
}

// GET answers carry validators and caching rules: a client or proxy
// revalidates with If-None-Match and gets 304 until the graph changes.
func TestGETCaching(t *testing.T) {
	s := newTestServer(t, func(c *config.Config) { c.CacheMaxAge = 90 * time.Second })
	u := s.URL + "/graphql?query=" + url.QueryEscape(`{ statements(first: 1) { totalCount } }`)

	status, h, first := send(t, "GET", u, nil, "")
	etag := h.Get("ETag")
	if status != 200 || etag == "" || h.Get("Cache-Control") != "public, max-age=90" || !strings.Contains(h.Get("Vary"), "Accept") {
		t.Fatalf("first GET: %d, ETag %q, Cache-Control %q, Vary %q", status, etag, h.Get("Cache-Control"), h.Values("Vary"))
	}
	status, h, b := send(t, "GET", u, map[string]string{"If-None-Match": etag}, "")
	if status != http.StatusNotModified || len(b) != 0 || h.Get("ETag") != etag {
		t.Errorf("revalidation: %d, ETag %q, body %q; want 304, the same ETag, no body", status, h.Get("ETag"), b)
	}
	status, _, _ = send(t, "GET", u, map[string]string{"If-None-Match": `"other", W/` + etag}, "")
	if status != http.StatusNotModified {
		t.Errorf("a weak match in a list: %d, want 304", status)
	}

	// Another source changes the count, so the old ETag no longer matches.
	loadExample(t, s)
	status, h, b = send(t, "GET", u, map[string]string{"If-None-Match": etag}, "")
	if status != 200 || h.Get("ETag") == etag || string(b) == string(first) {
		t.Errorf("after an ingest: %d, ETag %q (was %q), body %s", status, h.Get("ETag"), etag, b)
	}

	// A token makes the answer private to its holder; errors are not kept.
	for name, header := range map[string]map[string]string{
		"with a token": {"Authorization": "Bearer some-editor-token"},
	} {
		_, h, _ := send(t, "GET", u, header, "")
		if h.Get("Cache-Control") != "private, no-store" || h.Get("ETag") != "" {
			t.Errorf("%s: Cache-Control %q, ETag %q", name, h.Get("Cache-Control"), h.Get("ETag"))
		}
	}
	_, h, _ = send(t, "GET", s.URL+"/graphql?query="+url.QueryEscape(`{ entity(id: "nowhere") { id } }`), nil, "")
	if h.Get("Cache-Control") != "private, no-store" {
		t.Errorf("an answer with errors: Cache-Control %q", h.Get("Cache-Control"))
	}

	// POST answers are not cached.
	_, h, _ = send(t, "POST", s.URL+"/graphql", map[string]string{"Content-Type": "application/json"}, `{"query":"{ topics { id } }"}`)
	if h.Get("ETag") != "" {
		t.Errorf("POST has an ETag %q", h.Get("ETag"))
	}

	// max-age 0, the default: stored, but revalidated every time.
	d := newTestServer(t)
	_, h, _ = send(t, "GET", d.URL+"/graphql?query="+url.QueryEscape(`{ topics { id } }`), nil, "")
	if h.Get("Cache-Control") != "no-cache" || h.Get("ETag") == "" {
		t.Errorf("default: Cache-Control %q, ETag %q", h.Get("Cache-Control"), h.Get("ETag"))
	}
}

// CORS, as the fetch standard has it, for the configured origins only.
func TestCORS(t *testing.T) {
	const page = "http://localhost:5173"
	s := newTestServer(t, func(c *config.Config) { c.CORSOrigins = []string{page} })
	preflight := func(origin, method, headers string) map[string]string {
		return map[string]string{"Origin": origin, "Access-Control-Request-Method": method, "Access-Control-Request-Headers": headers}
	}
	tests := []struct {
		name, method string
		header       map[string]string
		status       int
		allowOrigin  string
	}{
		{"preflight from the dev server", "OPTIONS", preflight(page, "POST", "content-type, authorization"), 204, page},
		{"preflight from another origin", "OPTIONS", preflight("https://evil.example", "POST", "content-type"), 403, ""},
		{"preflight for PUT", "OPTIONS", preflight(page, "PUT", ""), 405, page},
		{"preflight with an unknown header", "OPTIONS", preflight(page, "POST", "x-secret"), 403, page},
		{"request from the dev server", "POST", map[string]string{"Origin": page, "Content-Type": "application/json"}, 200, page},
		{"request from another origin", "POST", map[string]string{"Origin": "https://evil.example", "Content-Type": "application/json"}, 200, ""},
		{"request without an origin", "POST", map[string]string{"Content-Type": "application/json"}, 200, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := ""
			if tt.method == "POST" {
				body = `{"query":"{ topics { id } }"}`
			}
			status, h, b := send(t, tt.method, s.URL+"/graphql", tt.header, body)
			if status != tt.status {
				t.Fatalf("status %d, want %d: %s", status, tt.status, b)
			}
			if got := h.Get("Access-Control-Allow-Origin"); got != tt.allowOrigin {
				t.Errorf("Access-Control-Allow-Origin %q, want %q", got, tt.allowOrigin)
			}
			if !strings.Contains(strings.Join(h.Values("Vary"), ","), "Origin") {
				t.Errorf("Vary %q lacks Origin", h.Values("Vary"))
			}
			if tt.status == 204 {
				if !strings.Contains(h.Get("Access-Control-Allow-Methods"), "POST") || !strings.Contains(h.Get("Access-Control-Allow-Headers"), "authorization") || h.Get("Access-Control-Max-Age") == "" {
					t.Errorf("preflight headers: %v", h)
				}
			}
			if tt.method == "POST" && tt.allowOrigin != "" && !strings.Contains(h.Get("Access-Control-Expose-Headers"), "ETag") {
				t.Errorf("Access-Control-Expose-Headers %q", h.Get("Access-Control-Expose-Headers"))
			}
		})
	}

	// Off by default: no CORS headers at all, and OPTIONS is gqlgen's.
	d := newTestServer(t)
	_, h, _ := send(t, "OPTIONS", d.URL+"/graphql", preflight(page, "POST", "content-type"), "")
	if h.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("CORS off: Access-Control-Allow-Origin %q", h.Get("Access-Control-Allow-Origin"))
	}
}

// needNode skips (or, under make test, fails) a test that runs a Node
// script of web/explorer when Node or the script's packages are missing.
func needNode(t *testing.T, packages ...string) {
	t.Helper()
	missing := ""
	if _, err := exec.LookPath("node"); err != nil {
		missing = "Node.js"
	}
	for _, p := range packages {
		if _, err := os.Stat("../../web/explorer/node_modules/" + p); err != nil && missing == "" {
			missing = p + " (npm ci --prefix web/explorer)"
		}
	}
	if missing == "" {
		return
	}
	if os.Getenv("NEWSGRAPH_TEST_REQUIRE_BROWSER") != "" {
		t.Fatalf("this test needs %s; tools/test installs it", missing)
	}
	t.Skipf("no %s: skipped (make test installs what it needs)", missing)
}

// node runs web/explorer/<script> with args and fails the test on a
// non-zero exit, logging what the script printed.
func node(t *testing.T, script string, env []string, args ...string) {
	t.Helper()
	cmd := exec.Command("node", append([]string{script}, args...)...)
	cmd.Dir = "../../web/explorer"
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	t.Logf("%s:\n%s", script, out)
	if err != nil {
		t.Fatalf("%s failed: %v", script, err)
	}
}

// The graphql-http package's server audit: every MUST and SHOULD passes.
func TestGraphQLOverHTTPAudit(t *testing.T) {
	needNode(t, "graphql-http")
	s := newTestServer(t)
	node(t, "e2e/http-audit.mjs", nil, s.URL+"/graphql")
}

// Apollo Client 3 sees request errors as GraphQL errors, not as a failed
// network request.
func TestApolloClient3Errors(t *testing.T) {
	needNode(t, "@apollo/client", "graphql")
	s := newTestServer(t)
	node(t, "e2e/apollo3.mjs", nil, s.URL+"/graphql")
}

// A page on another origin calls the API from a real browser: allowed when
// its origin is configured, refused by the browser otherwise.
func TestCORSInBrowser(t *testing.T) {
	chromium := os.Getenv("CHROMIUM")
	if chromium == "" {
		chromium = "/usr/bin/chromium"
	}
	if _, err := os.Stat(chromium); err != nil {
		if os.Getenv("NEWSGRAPH_TEST_REQUIRE_BROWSER") != "" {
			t.Fatalf("this test needs Chromium (%s); tools/test installs it", chromium)
		}
		t.Skipf("no Chromium (%s): skipped", chromium)
	}
	needNode(t, "playwright-core")
	pageHTML := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, "<!doctype html><title>a frontend on its own dev server</title>")
	})
	allowed := httptest.NewServer(pageHTML)
	t.Cleanup(allowed.Close)
	blocked := httptest.NewServer(pageHTML)
	t.Cleanup(blocked.Close)
	s := newTestServer(t, func(c *config.Config) { c.CORSOrigins = []string{allowed.URL} })
	node(t, "e2e/cors.mjs", []string{"CHROMIUM=" + chromium}, s.URL+"/graphql", allowed.URL, blocked.URL)
}

// Introspection tells clients what the server does: possibleTypes lists
// object types only (Apollo's possibleTypes map and Relay take each for a
// __typename), and every directive it lists is one the server honours and
// /schema.graphql agrees with.
func TestIntrospectionIsSpecClean(t *testing.T) {
	s := newTestServer(t)
	var got struct {
		Schema struct {
			Types []struct {
				Name, Kind    string
				PossibleTypes []struct{ Name, Kind string }
			}
			Directives []struct{ Name string }
		} `json:"__schema"`
	}
	s.post(t, `{ __schema { types { name kind possibleTypes { name kind } } directives { name } } }`, nil).data(t, &got)
	abstract := 0
	for _, ty := range got.Schema.Types {
		if ty.Kind != "INTERFACE" && ty.Kind != "UNION" {
			continue
		}
		abstract++
		if len(ty.PossibleTypes) == 0 {
			t.Errorf("%s has no possible types", ty.Name)
		}
		for _, p := range ty.PossibleTypes {
			if p.Kind != "OBJECT" {
				t.Errorf("%s.possibleTypes lists %s, a %s", ty.Name, p.Name, p.Kind)
			}
		}
	}
	if abstract < 2 {
		t.Fatalf("only %d abstract types in the schema", abstract)
	}
	status, _, sdl := send(t, "GET", s.URL+"/schema.graphql", nil, "")
	if status != 200 {
		t.Fatalf("/schema.graphql: %d", status)
	}
	builtin := map[string]bool{"include": true, "skip": true, "deprecated": true, "specifiedBy": true, "oneOf": true}
	for _, d := range got.Schema.Directives {
		if !builtin[d.Name] && !strings.Contains(string(sdl), "directive @"+d.Name) {
			t.Errorf("introspection lists @%s, which /schema.graphql does not declare", d.Name)
		}
	}
	e := s.post(t, `{ node(id: "person:mark-rutte") { id ... @defer { __typename } } }`, nil).onlyError(t)
	if !strings.Contains(e.Message, `Unknown directive "@defer"`) {
		t.Errorf("@defer: %+v, want it refused as unknown", e)
	}
}
