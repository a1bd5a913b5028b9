package server

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"newsgraph/graph"
	"newsgraph/internal/config"
)

// These tests need no Neo4j: each middleware runs in front of a stub.

func TestChainOrder(t *testing.T) {
	var order []string
	mark := func(name string) Middleware {
		return func(next http.Handler) http.Handler {
			return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				order = append(order, name)
				next.ServeHTTP(w, r)
			})
		}
	}
	h := Chain(mark("first"), mark("second"), mark("third"))(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {
		order = append(order, "handler")
	}))
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil))
	if got := strings.Join(order, " "); got != "first second third handler" {
		t.Errorf("order = %q, want the listed order, outermost first", got)
	}
	if got := Chain()(http.NotFoundHandler()); got == nil {
		t.Error("an empty chain must return the handler")
	}
}

func TestWithRequestID(t *testing.T) {
	tests := []struct {
		name, sent string
		kept       bool
	}{
		{"sane id kept", "abc-123_x.y", true},
		{"none given", "", false},
		{"unsafe characters replaced", "abc\ndef", false},
		{"too long replaced", strings.Repeat("a", 65), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var seen string
			h := withRequestID(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) { seen = graph.RequestID(r.Context()) }))
			req := httptest.NewRequest("GET", "/", nil)
			if tt.sent != "" {
				req.Header.Set("X-Request-Id", tt.sent)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			echoed := rec.Header().Get("X-Request-Id")
			if echoed == "" || echoed != seen {
				t.Fatalf("header %q, context %q: want the same non-empty id", echoed, seen)
			}
			if (echoed == tt.sent) != tt.kept {
				t.Errorf("id %q for %q; kept = %v, want %v", echoed, tt.sent, echoed == tt.sent, tt.kept)
			}
		})
	}
}

func TestGuardGraphQL(t *testing.T) {
	cfg := config.Defaults
	cfg.MaxBodyBytes = 64
	s := &Server{cfg: cfg}
	var reached string
	h := s.guardGraphQL(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		reached = string(b)
		w.WriteHeader(http.StatusOK)
	}))
	tests := []struct {
		name, method, contentType, body string
		status                          int
		message                         string
	}{
		{"one operation passes", "POST", "application/json", `{"query":"{ topics { id } }"}`, 200, ""},
		{"GET passes untouched", "GET", "", "", 200, ""},
		{"over the limit", "POST", "application/json", `{"query":"` + strings.Repeat("x", 80) + `"}`, 413, "larger than 64 bytes"},
		{"a batch", "POST", "application/json", `[{"query":"{a}"},{"query":"{b}"}]`, 400, "batched operations are not supported"},
		{"not JSON", "POST", "application/json", `{"query":`, 400, "not a JSON object"},
		{"a JSON string", "POST", "", `"query"`, 400, "not a JSON object"},
		{"empty body", "POST", "application/json", ``, 400, "not a JSON object"},
		{"other content types reach gqlgen", "POST", "application/graphql", `{ topics { id } }`, 200, ""},
		{"not UTF-8", "POST", "application/json", "{\"query\":\"\xff\"}", 400, "not valid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reached = ""
			req := httptest.NewRequest(tt.method, "/graphql", strings.NewReader(tt.body))
			if tt.contentType != "" {
				req.Header.Set("Content-Type", tt.contentType)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tt.status, rec.Body)
			}
			if tt.status == 200 {
				if reached != tt.body {
					t.Errorf("the handler read %q, want the whole body %q", reached, tt.body)
				}
				return
			}
			if reached != "" {
				t.Error("a refused request reached the handler")
			}
			var resp struct {
				Errors []struct {
					Message    string
					Extensions map[string]any
				}
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil || len(resp.Errors) != 1 {
				t.Fatalf("body %s is not one GraphQL error", rec.Body)
			}
			e := resp.Errors[0]
			if e.Extensions["code"] != "BAD_USER_INPUT" || !strings.Contains(e.Message, tt.message) {
				t.Errorf("error %+v, want BAD_USER_INPUT saying %q", e, tt.message)
			}
		})
	}
}

func TestWithDeadline(t *testing.T) {
	cfg := config.Defaults
	cfg.RequestTimeout = 250 * time.Millisecond
	s := &Server{cfg: cfg}
	var left time.Duration
	s.withDeadline(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) {
		d, ok := r.Context().Deadline()
		if !ok {
			t.Fatal("no deadline")
		}
		left = time.Until(d)
	})).ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil))
	if left <= 0 || left > cfg.RequestTimeout {
		t.Errorf("deadline %s away, want within the request timeout %s", left, cfg.RequestTimeout)
	}
}

func TestCodeTransportErrors(t *testing.T) {
	tests := []struct {
		name   string
		status int
		body   string
		want   string
	}{
		{"200 passes as written", 200, `{"data":{"a":1}}`, `{"data":{"a":1}}`},
		{"an error without a code gets one", 405, `{"errors":[{"message":"GET requests cannot run mutations"}]}`,
			`{"errors":[{"extensions":{"code":"BAD_USER_INPUT"},"message":"GET requests cannot run mutations"}]}`},
		{"an existing code is kept", 422, `{"errors":[{"message":"m","extensions":{"code":"X"}}]}`,
			`{"errors":[{"extensions":{"code":"X"},"message":"m"}]}`},
		{"a body that is not JSON is left alone", 415, `unsupported`, `unsupported`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := codeTransportErrors(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Content-Length", "999")
				w.WriteHeader(tt.status)
				io.WriteString(w, tt.body)
			}))
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", "/graphql", nil))
			if rec.Code != tt.status || strings.TrimSpace(rec.Body.String()) != tt.want {
				t.Errorf("got %d %s, want %d %s", rec.Code, rec.Body, tt.status, tt.want)
			}
			if tt.status != 200 && rec.Header().Get("Content-Length") != "" {
				t.Error("a rewritten body must drop the stale Content-Length")
			}
		})
	}
}

func TestRequestIDInLogs(t *testing.T) {
	var buf strings.Builder
	log := NewLogger(config.Config{LogJSON: true, LogLevel: slog.LevelInfo}, &buf)
	log.InfoContext(graph.WithRequestID(context.Background(), "req-7"), "hello")
	log.Info("outside a request")
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], `"request_id":"req-7"`) || strings.Contains(lines[1], "request_id") {
		t.Errorf("log lines:\n%s", buf.String())
	}
}
