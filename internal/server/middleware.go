package server

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"go.opentelemetry.io/otel/trace"

	"newsgraph/graph"
	"newsgraph/internal/errcode"
	"newsgraph/internal/store"
	"newsgraph/internal/telemetry"
)

// A Middleware wraps a handler with behaviour of its own.
type Middleware func(http.Handler) http.Handler

// Chain composes middlewares so that a request passes through them in the
// order they are listed: the first is the outermost. Routes read top to
// bottom instead of as calls nested on one line.
func Chain(ms ...Middleware) Middleware {
	return func(h http.Handler) http.Handler {
		for i := len(ms) - 1; i >= 0; i-- {
			h = ms[i](h)
		}
		return h
	}
}

// requestIDPattern is what a client-supplied X-Request-Id may look like;
// anything else is replaced, so ids are safe to log.
var requestIDPattern = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)

// withRequestID gives every request an id, from X-Request-Id when it is
// sane, echoed in the response header, every log line and every error.
func withRequestID(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get("X-Request-Id")
		if !requestIDPattern.MatchString(id) {
			var b [8]byte
			rand.Read(b[:])
			id = hex.EncodeToString(b[:])
		}
		w.Header().Set("X-Request-Id", id)
		trace.SpanFromContext(r.Context()).SetAttributes(telemetry.RequestID(id))
		next.ServeHTTP(w, r.WithContext(graph.WithRequestID(r.Context(), id)))
	})
}

// requestIDHandler adds the request id from the context to every record.
type requestIDHandler struct{ slog.Handler }

func (h requestIDHandler) Handle(ctx context.Context, rec slog.Record) error {
	if id := graph.RequestID(ctx); id != "" {
		rec.AddAttrs(slog.String("request_id", id))
	}
	return h.Handler.Handle(ctx, rec)
}

func (h requestIDHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return requestIDHandler{h.Handler.WithAttrs(attrs)}
}

func (h requestIDHandler) WithGroup(name string) slog.Handler {
	return requestIDHandler{h.Handler.WithGroup(name)}
}

// logRequests logs one line per request, after it is served: at debug
// level, or warn for a 5xx.
func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		level := slog.LevelDebug
		if rec.status >= 500 {
			level = slog.LevelWarn
		}
		if !s.log.Enabled(r.Context(), level) {
			return // at the default level, the common case: build no attributes
		}
		s.log.LogAttrs(r.Context(), level, "http request",
			slog.String("method", r.Method), slog.String("path", r.URL.Path),
			slog.Int("status", rec.status), slog.Duration("duration", time.Since(start)))
	})
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// Flush and Hijack pass through, so that wrappers inside (promhttp's)
// still offer them to server-sent events and WebSocket upgrades.
func (s *statusRecorder) Flush() { http.NewResponseController(s.ResponseWriter).Flush() }

func (s *statusRecorder) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	s.status = http.StatusSwitchingProtocols
	return http.NewResponseController(s.ResponseWriter).Hijack()
}

// withDeadline bounds a request by the request timeout; the store passes
// the deadline on to Neo4j as the transaction's timeout.
func (s *Server) withDeadline(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), s.cfg.RequestTimeout)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// guardGraphQL refuses, before parsing, what no GraphQL request needs: a
// body over the size limit (413), a batch of operations, or a body that is
// not one JSON object.
func (s *Server) guardGraphQL(next http.Handler) http.Handler {
	limit := int64(s.cfg.MaxBodyBytes)
	tooLarge := fmt.Sprintf("the request body is larger than %d bytes", limit)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			next.ServeHTTP(w, r)
			return
		}
		if r.ContentLength > limit {
			gqlErrorBody(w, r, http.StatusRequestEntityTooLarge, errcode.BadUserInput, tooLarge)
			return
		}
		body, err := io.ReadAll(io.LimitReader(r.Body, limit+1))
		if err != nil {
			gqlErrorBody(w, r, http.StatusBadRequest, errcode.BadUserInput, "the request body could not be read")
			return
		}
		if int64(len(body)) > limit {
			gqlErrorBody(w, r, http.StatusRequestEntityTooLarge, errcode.BadUserInput, tooLarge)
			return
		}
		if !utf8.Valid(body) {
			// JSON is UTF-8; a decoder would quietly turn bad bytes into
			// U+FFFD and a draft's offsets would point at text nobody sent.
			gqlErrorBody(w, r, http.StatusBadRequest, errcode.BadUserInput, "the request body is not valid UTF-8")
			return
		}
		if strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") || r.Header.Get("Content-Type") == "" {
			trimmed := bytes.TrimSpace(body)
			switch {
			case len(trimmed) > 0 && trimmed[0] == '[':
				gqlErrorBody(w, r, http.StatusBadRequest, errcode.BadUserInput, "batched operations are not supported; send one operation per request")
				return
			case !json.Valid(trimmed) || len(trimmed) == 0 || trimmed[0] != '{':
				gqlErrorBody(w, r, http.StatusBadRequest, errcode.BadUserInput, "the request body is not a JSON object with a query")
				return
			}
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		r.ContentLength = int64(len(body))
		next.ServeHTTP(w, r)
	})
}

// gqlErrorBody is a GraphQL-shaped error for requests refused before gqlgen
// sees them, so clients get the same shape and an extensions.code.
func gqlErrorBody(w http.ResponseWriter, r *http.Request, status int, code errcode.Code, msg string) {
	ext := map[string]any{"code": code}
	if id := graph.RequestID(r.Context()); id != "" {
		ext["requestId"] = id
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]any{"errors": []any{map[string]any{"message": msg, "extensions": ext}}, "data": nil})
}

// countRoundTrips gives each GraphQL request a counter of Cypher round trips.
func (s *Server) countRoundTrips(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, n := store.WithRoundTripCounter(r.Context())
		next.ServeHTTP(w, r.WithContext(ctx))
		if s.afterGraphQL != nil {
			s.afterGraphQL(n.Load())
		}
	})
}

// codeTransportErrors gives an extensions.code (and the request id) to the
// errors the transports write themselves (a request without a query, an
// unsupported content type), which never reach the error presenter.
func codeTransportErrors(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cw := &codingWriter{ResponseWriter: w, requestID: graph.RequestID(r.Context())}
		next.ServeHTTP(cw, r)
		cw.finish()
	})
}

// codingWriter holds back a non-200 body to add codes to its errors.
type codingWriter struct {
	http.ResponseWriter
	status    int
	held      bytes.Buffer
	requestID string
}

func (c *codingWriter) WriteHeader(status int) {
	c.status = status
	if status == http.StatusOK {
		c.ResponseWriter.WriteHeader(status)
	}
}

func (c *codingWriter) Write(b []byte) (int, error) {
	if c.status == 0 {
		c.WriteHeader(http.StatusOK)
	}
	if c.status == http.StatusOK {
		return c.ResponseWriter.Write(b)
	}
	return c.held.Write(b)
}

func (c *codingWriter) Flush() {
	if f, ok := c.ResponseWriter.(http.Flusher); ok && c.status == http.StatusOK {
		f.Flush()
	}
}

func (c *codingWriter) finish() {
	if c.status == 0 || c.status == http.StatusOK {
		return
	}
	body := c.held.Bytes()
	var resp map[string]any
	if json.Unmarshal(body, &resp) == nil {
		if errs, ok := resp["errors"].([]any); ok {
			for _, e := range errs {
				if em, ok := e.(map[string]any); ok {
					ext, _ := em["extensions"].(map[string]any)
					if ext == nil {
						ext = map[string]any{}
						em["extensions"] = ext
					}
					if _, has := ext["code"]; !has {
						ext["code"] = errcode.BadUserInput
					}
					if _, has := ext["requestId"]; !has && c.requestID != "" {
						ext["requestId"] = c.requestID
					}
				}
			}
			if b, err := json.Marshal(resp); err == nil {
				body = b
			}
		}
	}
	c.ResponseWriter.Header().Del("Content-Length")
	c.ResponseWriter.WriteHeader(c.status)
	c.ResponseWriter.Write(body)
}
