package graph

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"
	gqlerrcode "github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// The two response media types of GraphQL over HTTP.
const (
	mediaJSON            = "application/json"
	mediaGraphQLResponse = "application/graphql-response+json"
)

// POST and GET are the GraphQL-over-HTTP transports, written to the spec
// (graphql.github.io/graphql-over-http) where gqlgen's own differ from it:
//
//   - With application/json (or */*, or no Accept header) every
//     well-formed request answers 200, request errors included: clients
//     such as Apollo Client 3 send */* and turn any other status into a
//     network error that hides the GraphQL errors. With
//     application/graphql-response+json a request that fails to parse,
//     validate or coerce its variables answers 400.
//   - A request error's response has no "data" entry at all.
//   - A request without a query (nor a persisted query's hash) is 400.
//   - A mutation sent as GET is 405 with Allow: POST.
//
// GET answers may be cached: see GET.
type POST struct{}

var _ graphql.Transport = POST{}

// Supports takes JSON POSTs; anything else falls to the next transport, or
// to gqlgen's "transport not supported" 400.
func (POST) Supports(r *http.Request) bool {
	if r.Method != http.MethodPost || r.Header.Get("Upgrade") != "" {
		return false
	}
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return err == nil && mt == mediaJSON
}

func (POST) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	media, ok := negotiate(r.Header.Get("Accept"))
	if !ok {
		notAcceptable(w)
		return
	}
	w.Header().Set("Content-Type", media+"; charset=utf-8")
	start := graphql.Now()
	var params graphql.RawParams
	body, err := io.ReadAll(r.Body)
	if err != nil {
		requestError(w, http.StatusBadRequest, "the request body could not be read")
		return
	}
	if len(bytes.TrimSpace(body)) == 0 {
		requestError(w, http.StatusBadRequest, "the request body is empty; send a JSON object with a query")
		return
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if err := dec.Decode(&params); err != nil {
		requestError(w, http.StatusBadRequest, "the request body is not a GraphQL request: "+decodeProblem(err))
		return
	}
	params.Headers = r.Header
	params.ReadTime = graphql.TraceTiming{Start: start, End: graphql.Now()}
	execute(w, r, exec, &params, media, false, nil)
}

// GET serves queries sent as URL parameters, and lets HTTP caches keep
// them: a successful answer carries Cache-Control (public with MaxAge, or
// no-cache when MaxAge is 0, so caches revalidate), an ETag computed from
// the body, and Vary: Accept, Authorization; a request whose If-None-Match
// holds the current ETag gets 304 and no body. A request that sends a
// token, and any answer with errors, is never stored (private, no-store).
type GET struct {
	MaxAge time.Duration
}

var _ graphql.Transport = GET{}

func (GET) Supports(r *http.Request) bool {
	return r.Method == http.MethodGet && r.Header.Get("Upgrade") == ""
}

func (g GET) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	media, ok := negotiate(r.Header.Get("Accept"))
	if !ok {
		notAcceptable(w)
		return
	}
	w.Header().Set("Content-Type", media+"; charset=utf-8")
	w.Header().Add("Vary", "Accept, Authorization")
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		requestError(w, http.StatusBadRequest, "the URL's query string could not be parsed: "+err.Error())
		return
	}
	params := graphql.RawParams{
		Query:         q.Get("query"),
		OperationName: q.Get("operationName"),
		Headers:       r.Header,
	}
	params.ReadTime.Start = graphql.Now()
	for name, into := range map[string]*map[string]any{"variables": &params.Variables, "extensions": &params.Extensions} {
		v := q.Get(name)
		if v == "" {
			continue
		}
		dec := json.NewDecoder(strings.NewReader(v))
		dec.UseNumber()
		if err := dec.Decode(into); err != nil {
			requestError(w, http.StatusBadRequest, fmt.Sprintf("the %s parameter is not a JSON object: %s", name, decodeProblem(err)))
			return
		}
	}
	params.ReadTime.End = graphql.Now()
	execute(w, r, exec, &params, media, true, g.cache(r))
}

// cache returns what GET writes once the answer is known.
func (g GET) cache(r *http.Request) func(w http.ResponseWriter, body []byte, failed bool) bool {
	return func(w http.ResponseWriter, body []byte, failed bool) bool {
		h := w.Header()
		if failed || r.Header.Get("Authorization") != "" {
			h.Set("Cache-Control", "private, no-store")
			return false
		}
		if g.MaxAge > 0 {
			h.Set("Cache-Control", "public, max-age="+strconv.Itoa(int(g.MaxAge/time.Second)))
		} else {
			h.Set("Cache-Control", "no-cache")
		}
		sum := sha256.Sum256(body)
		etag := `"` + base64.RawURLEncoding.EncodeToString(sum[:18]) + `"`
		h.Set("ETag", etag)
		if etagMatches(r.Header.Get("If-None-Match"), etag) {
			h.Del("Content-Type")
			w.WriteHeader(http.StatusNotModified)
			return true
		}
		return false
	}
}

// etagMatches is If-None-Match's weak comparison (RFC 9110 13.1.2).
func etagMatches(header, etag string) bool {
	for tag := range strings.SplitSeq(header, ",") {
		tag = strings.TrimSpace(tag)
		if tag == "*" || strings.TrimPrefix(tag, "W/") == etag {
			return true
		}
	}
	return false
}

// execute runs a decoded request and writes its answer. get marks a GET,
// where only queries may run; cache, when given, sees the body first and
// may answer 304 instead.
func execute(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor, params *graphql.RawParams, media string, get bool, cache func(http.ResponseWriter, []byte, bool) bool) {
	ctx := r.Context()
	if params.Query == "" && params.Extensions["persistedQuery"] == nil {
		requestError(w, http.StatusBadRequest, "the request has no query: send the GraphQL document as the query parameter")
		return
	}
	rc, errs := exec.CreateOperationContext(ctx, params)
	if errs != nil {
		status := http.StatusOK
		if media == mediaGraphQLResponse && gqlerrcode.GetErrorKind(errs) == gqlerrcode.KindProtocol {
			status = http.StatusBadRequest
		}
		resp := exec.DispatchError(graphql.WithOperationContext(ctx, rc), errs)
		writeRequestError(w, status, resp)
		return
	}
	if get {
		if op := rc.Operation; op != nil && op.Operation != ast.Query {
			w.Header().Set("Allow", http.MethodPost)
			w.Header().Set("Cache-Control", "no-store")
			requestError(w, http.StatusMethodNotAllowed, fmt.Sprintf("a %s must be sent with POST; GET runs queries only", op.Operation))
			return
		}
	}
	responses, ctx := exec.DispatchOperation(ctx, rc)
	resp := responses(ctx)
	body := encodeResponse(resp)
	if cache != nil && cache(w, body, len(resp.Errors) > 0) {
		return
	}
	// The whole body is at hand: with its length declared, net/http writes
	// it as it is instead of in 4-KiB chunks, and a client knows how much
	// is coming.
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.Write(body)
}

// encodeResponse is the response's JSON. An answer without errors, most
// of them, is written around the data as gqlgen marshalled it, with its
// extensions (the round-trip count, say) after: json.Marshal would scan
// and copy all the data again (compacting a RawMessage) to produce the
// same document, only with <, > and & escaped.
func encodeResponse(resp *graphql.Response) []byte {
	if len(resp.Errors) == 0 && resp.Label == "" && resp.Path == nil && resp.HasNext == nil {
		var ext []byte
		if len(resp.Extensions) > 0 {
			var err error
			if ext, err = json.Marshal(resp.Extensions); err != nil {
				panic(fmt.Errorf("graphql: encoding a response's extensions: %w", err))
			}
		}
		data := resp.Data
		if len(data) == 0 {
			data = json.RawMessage("null")
		}
		body := make([]byte, 0, len(`{"data":,"extensions":}`)+len(data)+len(ext))
		body = append(append(body, `{"data":`...), data...)
		if ext != nil {
			body = append(append(body, `,"extensions":`...), ext...)
		}
		return append(body, '}')
	}
	body, err := json.Marshal(resp)
	if err != nil {
		panic(fmt.Errorf("graphql: encoding a response: %w", err))
	}
	return body
}

// negotiate picks the response media type from an Accept header: the
// acceptable one with the highest quality, application/json for */* and
// application/*, and application/json when there is no header at all. ok
// is false when the client accepts neither.
func negotiate(accept string) (media string, ok bool) {
	if strings.TrimSpace(accept) == "" {
		return mediaJSON, true
	}
	best, bestQ := "", 0.0
	for part := range strings.SplitSeq(accept, ",") {
		mt, params, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		q := 1.0
		if v, has := params["q"]; has {
			if q, err = strconv.ParseFloat(v, 64); err != nil {
				continue
			}
		}
		var m string
		switch mt {
		case mediaGraphQLResponse:
			m = mediaGraphQLResponse
		case mediaJSON, "application/*", "*/*":
			m = mediaJSON
		default:
			continue
		}
		// At equal quality the specific graphql-response type wins over
		// json, as the spec prefers it.
		if q > bestQ || (q == bestQ && q > 0 && m == mediaGraphQLResponse) {
			best, bestQ = m, q
		}
	}
	return best, best != ""
}

// requestError writes a request error made here, before gqlgen sees the
// request: a body with only "errors".
func requestError(w http.ResponseWriter, status int, msg string) {
	writeRequestError(w, status, &graphql.Response{Errors: gqlerror.List{{Message: msg}}})
}

// writeRequestError writes a response that has no "data" entry, as the
// spec says a request error's must not: gqlgen's Response always encodes
// one, as null.
func writeRequestError(w http.ResponseWriter, status int, resp *graphql.Response) {
	body, err := json.Marshal(struct {
		Errors     gqlerror.List  `json:"errors"`
		Extensions map[string]any `json:"extensions,omitempty"`
	}{resp.Errors, resp.Extensions})
	if err != nil {
		panic(fmt.Errorf("graphql: encoding a request error: %w", err))
	}
	if w.Header().Get("Content-Type") == "" {
		w.Header().Set("Content-Type", mediaJSON+"; charset=utf-8")
	}
	w.WriteHeader(status)
	w.Write(body)
}

func notAcceptable(w http.ResponseWriter) {
	w.Header().Set("Content-Type", mediaJSON+"; charset=utf-8")
	requestError(w, http.StatusNotAcceptable, "the Accept header allows neither application/graphql-response+json nor application/json")
}

// decodeProblem says what is wrong with a request's JSON without echoing
// the request back.
func decodeProblem(err error) string {
	var typ *json.UnmarshalTypeError
	if errors.As(err, &typ) && typ.Field != "" {
		return fmt.Sprintf("%s may not be a %s", typ.Field, typ.Value)
	}
	return err.Error()
}
