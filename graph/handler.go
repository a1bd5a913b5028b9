package graph

import (
	"context"
	"log/slog"
	"slices"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/coder/websocket"
	"github.com/vektah/gqlparser/v2/ast"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"

	"newsgraph/graph/generated"
	"newsgraph/graph/loader"
	"newsgraph/graph/model"
	"newsgraph/internal/kg"
	"newsgraph/internal/store"
	"newsgraph/internal/telemetry"
)

// HandlerOptions are the limits and collaborators of the GraphQL handler.
type HandlerOptions struct {
	// ComplexityLimit is the highest cost a query may have; see Complexity.
	ComplexityLimit int
	// MaxDepth and MaxAliases bound an operation's nesting and aliases.
	MaxDepth, MaxAliases int
	// MaxTokens bounds what the parser reads.
	MaxTokens int
	// Production turns off introspection and field suggestions and masks
	// error messages.
	Production bool
	// Observe, when set, hears each operation's name, outcome and duration
	// (and its context, for the trace).
	Observe func(ctx context.Context, operation, outcome string, seconds float64)
	// TraceRoundTrips adds extensions.neo4j.roundTrips to every response:
	// how many Cypher queries the request sent.
	TraceRoundTrips bool
	// Tracing gives each operation an OpenTelemetry span (with tracing
	// off, no middleware runs for it at all).
	Tracing bool
	// CacheMaxAge is the max-age of a GET query's answer; 0 makes caches
	// revalidate every time (see GET).
	CacheMaxAge time.Duration
	// Ping is how often a WebSocket client is pinged; one that does not
	// answer within twice that is disconnected. 0 pings never.
	Ping time.Duration
	// WebSocketOrigins are the hosts (host:port, or *) of other origins
	// whose pages may open a WebSocket; a page's own host always may.
	WebSocketOrigins []string
	Log              *slog.Logger
}

// NewHandler builds the GraphQL HTTP handler: POST and GET transports
// that follow the GraphQL-over-HTTP spec, a
// parsed-query cache, automatic persisted queries, the complexity limit, and
// the recover func and error presenter that keep internals out of responses.
func NewHandler(r *Resolver, opts HandlerOptions) *handler.Server {
	srv := handler.New(NewExecutableSchema(r))
	srv.AddTransport(transport.Options{})
	// Subscriptions: WebSocket (graphql-transport-ws, and the older
	// graphql-ws) and server-sent events, before POST, which would take
	// an SSE request's JSON body for a plain one.
	srv.AddTransport(transport.Websocket{
		Implementation: transport.CoderWebsocketImplementation{AcceptOptions: websocket.AcceptOptions{OriginPatterns: opts.WebSocketOrigins}},
		InitFunc: func(ctx context.Context, _ transport.InitPayload) (context.Context, *transport.InitPayload, error) {
			if r.Feed == nil {
				return ctx, nil, nil
			}
			return r.Feed.Connect(ctx, nil), nil, nil
		},
		InitTimeout:      10 * time.Second,
		PingPongInterval: opts.Ping,
	})
	srv.AddTransport(transport.SSE{})
	srv.AddTransport(GET{MaxAge: opts.CacheMaxAge})
	srv.AddTransport(POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	if opts.MaxTokens > 0 {
		srv.SetParserTokenLimit(opts.MaxTokens)
	}
	if !opts.Production {
		srv.Use(extension.Introspection{})
	}
	srv.SetDisableSuggestion(opts.Production)
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](1000)})
	if opts.MaxDepth > 0 {
		srv.Use(OperationLimits{MaxDepth: opts.MaxDepth, MaxAliases: opts.MaxAliases})
	}
	srv.Use(&ComplexityLimit{Limit: opts.ComplexityLimit})
	srv.SetRecoverFunc(RecoverFunc(opts.Log))
	srv.SetErrorPresenter(ErrorPresenter(opts.Log, opts.Production))
	if opts.Observe != nil {
		srv.AroundResponses(observe(opts.Observe))
	}
	srv.AroundResponses(freshLoaders)
	if opts.Tracing {
		srv.AroundResponses(traceOperation)
	}
	srv.AroundOperations(neighbourFields)
	srv.AroundOperations(loneLoaders)
	if opts.TraceRoundTrips {
		srv.AroundOperations(traceRoundTrips)
	}
	return srv
}

// observe reports each operation's name and outcome (ok, or the first
// error's code) and how long it took.
func observe(f func(ctx context.Context, operation, outcome string, seconds float64)) graphql.ResponseMiddleware {
	return func(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
		start := time.Now()
		resp := next(ctx)
		name, outcome := "", "ok"
		if graphql.HasOperationContext(ctx) {
			op := graphql.GetOperationContext(ctx)
			name = op.OperationName
			// A subscription's events are timed each on its own; the
			// operation started when the client subscribed.
			if op.Operation == nil || op.Operation.Operation != ast.Subscription {
				start = op.Stats.OperationStart
			}
		}
		if code, failed := errorCode(resp); failed {
			outcome = code
		}
		f(ctx, name, outcome, time.Since(start).Seconds())
		return resp
	}
}

// errorCode is the code of a response's first error, and whether it has
// one at all.
func errorCode(resp *graphql.Response) (string, bool) {
	if resp == nil || len(resp.Errors) == 0 {
		return "", false
	}
	code, _ := resp.Errors[0].Extensions["code"].(string)
	return code, true
}

// traceOperation gives each operation (each event, for a subscription) a
// span, named by the operation ("query Q2"), around its execution: the
// store's round-trip spans nest in it, and it nests in the HTTP request's.
func traceOperation(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	if !graphql.HasOperationContext(ctx) {
		return next(ctx)
	}
	oc := graphql.GetOperationContext(ctx)
	kind, opName := "query", oc.OperationName
	if oc.Operation != nil {
		kind, opName = string(oc.Operation.Operation), oc.Operation.Name
	}
	name := kind
	if opName != "" {
		name += " " + opName
	}
	ctx, span := telemetry.Tracer().Start(ctx, name)
	defer span.End()
	if span.IsRecording() { // with tracing off, build nothing
		span.SetAttributes(attribute.String("graphql.operation.type", kind), attribute.String("graphql.operation.name", opName),
			telemetry.RequestID(RequestID(ctx)))
	}
	resp := next(ctx)
	if code, failed := errorCode(resp); failed {
		span.SetStatus(codes.Error, code)
		span.SetAttributes(attribute.String("graphql.error.code", code))
	}
	return resp
}

// freshLoaders gives each event of a subscription loaders of its own: the
// request's would cache what the graph held when the connection opened for
// as long as it stays open.
func freshLoaders(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	if graphql.HasOperationContext(ctx) {
		if op := graphql.GetOperationContext(ctx).Operation; op != nil && op.Operation == ast.Subscription {
			ctx = loader.Fresh(ctx)
		}
	}
	return next(ctx)
}

// traceRoundTrips reports the request's Cypher round trips, counted by the
// store, in the response's extensions.
func traceRoundTrips(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	n := store.RoundTrips(ctx)
	if n == nil {
		ctx, n = store.WithRoundTripCounter(ctx)
	}
	h := next(ctx)
	return func(ctx context.Context) *graphql.Response {
		resp := h(ctx)
		if resp != nil {
			if resp.Extensions == nil {
				resp.Extensions = map[string]any{}
			}
			resp.Extensions["neo4j"] = map[string]any{"roundTrips": n.Load()}
		}
		return resp
	}
}

// NewExecutableSchema wires the resolvers and the cost model into gqlgen.
func NewExecutableSchema(r *Resolver) graphql.ExecutableSchema {
	es := generated.NewExecutableSchema(generated.Config{Resolvers: r, Complexity: Complexity()})
	fixSchema.Do(func() { specSchema(es.Schema()) })
	return es
}

// fixSchema runs specSchema once: every executable schema shares gqlgen's
// one parsed schema.
var fixSchema sync.Once

// specSchema corrects two things in the parsed schema that introspection
// shows to clients:
//
//   - gqlparser (v2.5.64, the newest) records an interface that implements
//     another among the other's possible types, so Node.possibleTypes
//     listed the interface Entity. The spec's possible types of an
//     abstract type are object types only, and clients that build a
//     possibleTypes map from introspection (Apollo's fragment matcher)
//     take each entry for a concrete __typename. Only objects are kept;
//     validation of fragment spreads, which intersects possible types, is
//     unchanged by it.
//   - gqlgen's prelude declares @defer, so introspection advertised it,
//     but the server answers in one piece (its reads are one Cypher round
//     trip each, so deferring a fragment would save nothing) and
//     /schema.graphql never listed it. It is removed, so a query that uses
//     it is told so by validation instead of having it ignored.
func specSchema(s *ast.Schema) {
	for name, defs := range s.PossibleTypes {
		s.PossibleTypes[name] = slices.DeleteFunc(slices.Clone(defs), func(d *ast.Definition) bool { return d.Kind != ast.Object })
	}
	delete(s.Directives, "defer")
}

// listCost is the assumed size of a list without `first` (roles, members,
// participants, about, evidence…): such lists are short, but not free.
const listCost = 5

// Complexity is the cost model: a connection costs `first` times the cost
// of one of its items, so nested connections multiply, as they do in Neo4j;
// a plain list costs listCost times its item. Invalid `first` values are
// priced at the maximum page size; the resolver rejects them with a message
// about `first` before anything runs.
func Complexity() generated.ComplexityRoot {
	var c generated.ComplexityRoot
	stmts := func(child int, _ *model.StatementFilter, first *int, _ *string, _ *kg.StatementOrder) int {
		return 1 + pageCost(first)*child
	}
	events := func(child int, first *int, _ *string) int { return 1 + pageCost(first)*child }
	list := func(child int) int { return 1 + listCost*child }
	// A timeline and a source's evidence are unpaged: price them as a full page.
	timeline := func(child int) int { return 1 + kg.MaxPageSize*child }

	c.Query.Entities = func(child int, _ *model.EntityFilter, first *int, _ *string, _ *kg.EntityOrder) int {
		return 1 + pageCost(first)*child
	}
	c.Query.Statements = stmts
	c.Query.Events = events
	c.Query.Sources = events
	c.Query.Topics = list
	c.Query.Search = func(child int, _ string, first *int) int { return 1 + pageCost(first)*child }
	c.Query.Paths = func(child int, _, _ string, maxHops, first *int) int {
		// A path search is the costliest read: price it as a full page of
		// paths, each a few links long.
		n := kg.DefaultPaths
		if first != nil && *first > 0 && *first <= kg.MaxPageSize {
			n = *first
		}
		return 50 + n*listCost*child
	}

	// A counts list costs like a page of its buckets, a network like a page
	// of its edges; the statements behind each are a page more.
	c.Query.StatementCounts = func(child int, _ *model.StatementFilter, _ kg.CountDimension, first *int) int {
		return 1 + pageCost(first)*child
	}
	c.Query.Network = func(child int, _ *model.StatementFilter, first *int) int { return 1 + pageCost(first)*child }
	nested := func(child int, first *int, _ *string) int { return 1 + pageCost(first)*child }
	c.Count.Statements, c.NetworkEdge.Statements = nested, nested

	c.Person.Statements, c.Person.Mentions, c.Person.Events = stmts, stmts, events
	c.Person.Sources, c.Person.Roles, c.Person.Timeline = list, list, timeline
	c.Nation.Statements, c.Nation.Mentions, c.Nation.Events = stmts, stmts, events
	c.Nation.Sources, c.Nation.Leaders, c.Nation.Memberships, c.Nation.Timeline = list, list, list, timeline
	c.Organisation.Statements, c.Organisation.Mentions, c.Organisation.Events = stmts, stmts, events
	c.Organisation.Sources, c.Organisation.Leaders, c.Organisation.Members, c.Organisation.Memberships = list, list, list, list
	c.Organisation.Timeline = timeline

	c.Event.Statements, c.Event.Participants, c.Event.Evidence = stmts, list, list
	c.Topic.Statements, c.Topic.Timeline = stmts, timeline
	c.Source.Statements, c.Source.Entities, c.Source.Evidence = stmts, list, timeline
	// One source's document: three reads, whatever it selects.
	c.Source.Document = func(child int) int { return 50 + child }
	c.Statement.About, c.Statement.Topics = list, list
	c.Role.Evidence, c.Membership.Evidence, c.Participation.Evidence = list, list, list
	return c
}

func pageCost(first *int) int {
	n, err := kg.PageSize(first)
	if err != nil {
		return kg.MaxPageSize
	}
	return n
}
