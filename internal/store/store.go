// Package store is newsgraph's only door to Neo4j: it owns the driver, every
// Cypher query and the mapping of driver errors onto the kg sentinel errors.
//
// Every query's text is embedded from cypher/*.cypher, and every value is a
// parameter. Some files have {{SLOTS}} the code fills with text it chooses,
// never with input: the shared projections, the statement queries' match
// and filter clauses (from a fixed set of fragments), the labels and hop
// bound of a path search. The bundles (bundle.go) run several of these
// queries as subqueries of one.
//
// Reads go through neo4j.ExecuteQuery with reader routing, so they spread over
// a cluster's followers; every transaction carries a server-side timeout, so
// Neo4j itself stops work that nobody is waiting for.
package store

import (
	"cmp"
	"context"
	"embed"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"text/template"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	neo4jconfig "github.com/neo4j/neo4j-go-driver/v5/neo4j/config"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"

	"newsgraph/internal/config"
	"newsgraph/internal/telemetry"
)

//go:embed cypher/*.cypher
var cypherFiles embed.FS

// query returns the text of an embedded Cypher file, with the shared
// projections {{PROJECTION}} (a statement and its neighbours) and {{FACT}}
// (a role, membership or participation with its evidence) filled in; any
// other slot is the caller's to fill. A missing file is a programming
// error, caught by the store's tests. Texts are kept after the first
// read: reading and filling a file on every call was 7% of the bytes a
// request allocated.
func query(name string) string {
	if q, ok := queries.Load(name); ok {
		return q.(string)
	}
	q := readQuery(name)
	queries.Store(name, q)
	return q
}

// queries holds query's answers by file name; the files are embedded, so
// the set is bounded and an answer never changes.
var queries sync.Map

func readQuery(name string) string {
	b, err := cypherFiles.ReadFile("cypher/" + name + ".cypher")
	if err != nil {
		panic(fmt.Sprintf("store: missing query %s: %v", name, err))
	}
	q := string(b)
	if strings.Contains(q, "{{") {
		q = strings.ReplaceAll(q, "{{PROJECTION}}", query("statement_projection"))
		q = strings.ReplaceAll(q, "{{FACT}}", query("fact_projection"))
	}
	return q
}

// Fields says which neighbours reads fetch along with each statement
// (speaker, about, event, topics, evidence) and each role, membership or
// participation (evidence). The statement and fact projections skip the
// others, which saves most of their db hits when a request asks only for,
// say, statement ids and text.
//
// Counts says whether pages (of statements, entities, events and sources)
// count their lists (totalCount, hasPreviousPage); without it they are 0
// and false, and the page query skips the count, which reads every item
// the list holds.
//
// Details says whether the neighbours those projections read (a
// statement's speaker and about, a fact's ends, a search hit, a network's
// nodes, an evidence's source) carry their details: an entity's aliases
// and description; an event's kind, description, dates and location; a
// source's publisher, url and date. Without them a neighbour is its id,
// name (or title) and labels, which is all most lists show, and Neo4j
// reads and the driver decodes a third of the properties.
//
// Text says whether statements carry their text, the longest property a
// statement has: a search for ids, or a page of speakers and dates, does
// not need it.
//
// Meta says whether statements carry their kind and attribution, and Keys
// whether they carry the parts of their cursors (sort date, source,
// position) and pages make cursors at all: most pages are read for their
// items, and those five properties were a fifth of what a statement's
// projection sent.
type Fields struct {
	Speaker, About, Event, Topics, Evidence, Counts, Details, Text, Meta, Keys bool
}

// AllFields fetches every neighbour with its details and counts pages:
// the default.
var AllFields = Fields{Speaker: true, About: true, Event: true, Topics: true, Evidence: true, Counts: true, Details: true, Text: true, Meta: true, Keys: true}

type fieldsKey struct{}

// WithFields returns a context whose reads fetch only the neighbours in f.
// It is meant for a whole request, so that everything read, and cached by
// the request's loaders, is read alike.
func WithFields(ctx context.Context, f Fields) context.Context {
	return context.WithValue(ctx, fieldsKey{}, f)
}

// FieldsOf returns the Fields reads in ctx fetch: those WithFields set,
// else AllFields.
func FieldsOf(ctx context.Context) Fields {
	if f, ok := ctx.Value(fieldsKey{}).(Fields); ok {
		return f
	}
	return AllFields
}

// prepare shapes a read for the Fields in ctx: the text keeps only the
// parts of the projections the operation selects (shape), and params gain
// $with when the text still asks for it (the pages' counts).
func prepare(ctx context.Context, cypher string, params map[string]any) (string, map[string]any) {
	f := FieldsOf(ctx)
	cypher = shape(cypher, f)
	if !strings.Contains(cypher, "$with.") {
		return cypher, params
	}
	out := make(map[string]any, len(params)+1)
	for k, v := range params {
		out[k] = v
	}
	out["with"] = map[string]any{"counts": f.Counts}
	return cypher, out
}

// shape renders the {% if .Speaker %}…{% end %} sections of a query text
// (text/template with {% %} delimiters over Fields) for f. Which
// neighbours and details a projection reads is fixed in the text, not
// switched by a parameter: Neo4j plans every branch of a
// CASE WHEN $param THEN … END, subqueries included, and pays for the
// branches not taken on every row (a statement page of 20 cost it about a
// fifth more than the same page with only the selected parts), and each
// unselected property still crossed the wire as a null. Every shape is its
// own text and so its own cached plan; there are at most 2^9 per query.
// Texts without sections come back as they are.
func shape(cypher string, f Fields) string {
	if !strings.Contains(cypher, "{%") {
		return cypher
	}
	key := shapeKey{cypher, f}
	key.f.Counts = false // counts stay a parameter ($with.counts)
	if q, ok := shapes.Load(key); ok {
		return q.(string)
	}
	t, err := template.New("").Delims("{%", "%}").Option("missingkey=error").Parse(cypher)
	if err != nil {
		panic(fmt.Sprintf("store: query sections: %v", err)) // the store's tests render every query
	}
	var b strings.Builder
	if err := t.Execute(&b, key.f); err != nil {
		panic(fmt.Sprintf("store: query sections: %v", err))
	}
	q := b.String()
	// Query texts come from the embedded files and fixed fragments, so the
	// set of keys is bounded; the cap only guards against a future caller
	// that builds texts from input.
	if shapeCount.Add(1) <= maxShapes {
		shapes.Store(key, q)
	}
	return q
}

type shapeKey struct {
	text string
	f    Fields
}

const maxShapes = 4096

var (
	shapes     sync.Map
	shapeCount atomic.Int64
)

type roundTripsKey struct{}

// WithRoundTripCounter returns a context in which every query the store
// sends to Neo4j adds one to the counter: the measure of "no N+1".
func WithRoundTripCounter(ctx context.Context) (context.Context, *atomic.Int64) {
	n := new(atomic.Int64)
	return context.WithValue(ctx, roundTripsKey{}, n), n
}

// RoundTrips returns the counter in ctx, or nil.
func RoundTrips(ctx context.Context) *atomic.Int64 {
	n, _ := ctx.Value(roundTripsKey{}).(*atomic.Int64)
	return n
}

type stepTimerKey struct{}

// StepTimer adds up, per step (the embedded query's name), the time a
// load spends waiting for each of its queries: how the benchmark's
// loader finds where ingest time goes.
type StepTimer struct {
	mu    sync.Mutex
	total map[string]time.Duration
	calls map[string]int
}

// WithStepTimer returns a context in which the store's load steps add
// their time to the timer.
func WithStepTimer(ctx context.Context) (context.Context, *StepTimer) {
	t := &StepTimer{total: map[string]time.Duration{}, calls: map[string]int{}}
	return context.WithValue(ctx, stepTimerKey{}, t), t
}

// Add records d for step; anyone may add steps of their own.
func (t *StepTimer) Add(step string, d time.Duration) {
	t.mu.Lock()
	t.total[step] += d
	t.calls[step]++
	t.mu.Unlock()
}

// Steps returns each step's total time and calls, slowest first.
func (t *StepTimer) Steps() []Step {
	t.mu.Lock()
	defer t.mu.Unlock()
	out := make([]Step, 0, len(t.total))
	for k, v := range t.total {
		out = append(out, Step{Name: k, Total: v, Calls: t.calls[k]})
	}
	slices.SortFunc(out, func(a, b Step) int { return cmp.Compare(b.Total, a.Total) })
	return out
}

// Step is one step's total.
type Step struct {
	Name  string
	Total time.Duration
	Calls int
}

// timeStep records, if ctx carries a StepTimer, the time since start.
func timeStep(ctx context.Context, step string, start time.Time) {
	if t, ok := ctx.Value(stepTimerKey{}).(*StepTimer); ok {
		t.Add(step, time.Since(start))
	}
}

func countRoundTrip(ctx context.Context) {
	if n, ok := ctx.Value(roundTripsKey{}).(*atomic.Int64); ok {
		n.Add(1)
	}
}

// Store reads and writes the knowledge graph in Neo4j. It is safe for
// concurrent use; one Store serves the whole process.
type Store struct {
	driver  neo4j.DriverWithContext
	db      string
	timeout time.Duration
	log     *slog.Logger
	observe func(ctx context.Context, op string, seconds float64, errCode string)
	down    breaker // see outage.go
}

// Observe sets a function that hears about every round trip: its context
// (and so its trace), the store operation, how long it took, and the
// error's code ("" on success). Call it before serving.
func (s *Store) Observe(f func(ctx context.Context, op string, seconds float64, errCode string)) {
	s.observe = f
}

// span starts the span of one round trip of op (for a write, of its
// transaction, whose queries get spans of their own: run): named by the
// operation, never carrying the parameters. end records the outcome on
// the span and reports it to the observer.
func (s *Store) span(ctx context.Context, op string) (context.Context, func(error)) {
	start := time.Now()
	ctx, sp := telemetry.Tracer().Start(ctx, op, trace.WithSpanKind(trace.SpanKindClient))
	if sp.IsRecording() { // with tracing off, build nothing
		sp.SetAttributes(attribute.String("db.system.name", "neo4j"), attribute.String("db.operation.name", op), attribute.String("db.namespace", s.db))
	}
	return ctx, func(err error) {
		if err != nil {
			sp.RecordError(err)
			sp.SetStatus(codes.Error, errorCode(err))
		}
		sp.End()
		if s.observe != nil {
			s.observe(ctx, op, time.Since(start).Seconds(), errorCode(err))
		}
	}
}

// txTimeout is the server-side timeout for a transaction: the store's own,
// or less when the request's deadline is nearer, so that a request that
// gives up also stops its query inside Neo4j.
func (s *Store) txTimeout(ctx context.Context, limit time.Duration) time.Duration {
	t := min(s.timeout, limit)
	if dl, ok := ctx.Deadline(); ok {
		t = min(t, max(time.Until(dl), time.Millisecond))
	}
	return t
}

// Open creates the driver. It does not contact Neo4j, so the server can start
// while the database is down; Ping says whether it is up.
func Open(cfg config.Neo4j, log *slog.Logger) (*Store, error) {
	auth := neo4j.NoAuth()
	if cfg.Password != "" {
		auth = neo4j.BasicAuth(cfg.User, cfg.Password, "")
	}
	driver, err := neo4j.NewDriverWithContext(cfg.URI, auth, func(c *neo4jconfig.Config) {
		c.MaxConnectionPoolSize = cfg.MaxPoolSize
		c.ConnectionAcquisitionTimeout = cfg.AcquireTimeout
		c.SocketConnectTimeout = cfg.ConnectTimeout
		// The driver's own retry sleeps a second or more before trying
		// again, even when Neo4j refuses the connection outright; with it
		// off, the store retries itself (see retry) and fails fast when
		// Neo4j is down.
		c.MaxTransactionRetryTime = 0
		// Connections idle this long are checked before use, so a restarted
		// Neo4j costs one failed probe rather than one failed query.
		c.ConnectionLivenessCheckTimeout = 5 * time.Second
		c.UserAgent = "newsgraph"
	})
	if err != nil {
		return nil, fmt.Errorf("store.Open: %w", err)
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Store{driver: driver, db: cfg.Database, timeout: cfg.QueryTimeout, log: log}, nil
}

// Close releases the driver's connections.
func (s *Store) Close(ctx context.Context) error {
	return s.driver.Close(ctx)
}

// Ping runs a trivial read on the configured database: it answers only when
// Neo4j is up, the credentials work and the database is online.
func (s *Store) Ping(ctx context.Context) error {
	_, err := s.read(Probe(ctx), "store.Ping", query("ping"), nil)
	return err
}

// read runs one read query, routed to readers, with the server-side timeout.
// Every read goes through here, so this is the one place that maps errors.
func (s *Store) read(ctx context.Context, op, cypher string, params map[string]any) (*neo4j.EagerResult, error) {
	var res *neo4j.EagerResult
	cypher, params = prepare(ctx, cypher, params)
	// At debug level every read is logged with its Cypher and parameters,
	// so an operator (or the benchmark's PROFILE step) can see exactly what
	// a GraphQL request sent to Neo4j.
	if s.log.Enabled(ctx, slog.LevelDebug) {
		s.log.LogAttrs(ctx, slog.LevelDebug, "cypher", slog.String("op", op), slog.String("cypher", cypher), slog.Any("params", params))
	}
	err := s.retry(ctx, func() error {
		countRoundTrip(ctx)
		ctx, end := s.span(ctx, op)
		var err error
		// No bookmark manager: writes run in sessions of their own
		// (write), so the driver's default one would only chain reads to
		// earlier reads, a lock and a bookmark for Neo4j to check per
		// query for no guarantee.
		res, err = neo4j.ExecuteQuery(ctx, s.driver, cypher, params, neo4j.EagerResultTransformer,
			neo4j.ExecuteQueryWithDatabase(s.db),
			neo4j.ExecuteQueryWithReadersRouting(),
			neo4j.ExecuteQueryWithoutBookmarkManager(),
			neo4j.ExecuteQueryWithTransactionConfig(neo4j.WithTxTimeout(s.txTimeout(ctx, s.timeout))),
		)
		end(err)
		return err
	})
	if err != nil {
		return nil, s.wrap(ctx, op, err)
	}
	return res, nil
}

// write runs work in one write transaction. The work must be idempotent:
// on a transient failure (a deadlock, a dropped connection) the store runs
// it again in a new transaction, up to maxWriteAttempts times (retryN; the
// driver's own retry is off, see Open).
func (s *Store) write(ctx context.Context, op string, work neo4j.ManagedTransactionWork) (any, error) {
	var res any
	err := s.retryN(ctx, maxWriteAttempts, func() error {
		sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeWrite})
		defer sess.Close(context.WithoutCancel(ctx))
		start := time.Now()
		ctx, end := s.span(ctx, op)
		var err error
		res, err = sess.ExecuteWrite(ctx, work, neo4j.WithTxTimeout(s.txTimeout(ctx, s.timeout)))
		end(err)
		timeStep(ctx, "tx "+op, start)
		return err
	})
	if err != nil {
		return nil, s.wrap(ctx, op, err)
	}
	return res, nil
}

// maxAttempts bounds how often one query is tried. Writes that collide
// (Neo4j's deadlock detection under concurrent loads of documents sharing
// entities) get more tries: each try is cheap and one always wins.
const (
	maxAttempts      = 3
	maxWriteAttempts = 10
)

// retry runs try until it succeeds, fails for good, or has run maxAttempts
// times. A connection that died in the pool (Neo4j restarted) is retried at
// once; a transient database error (a deadlock, say) after a short jittered
// pause; a refused connection not at all, so callers hear UNAVAILABLE within
// the connect timeout instead of after a retry schedule.
func (s *Store) retry(ctx context.Context, try func() error) error {
	return s.retryN(ctx, maxAttempts, try)
}

func (s *Store) retryN(ctx context.Context, attempts int, try func() error) error {
	var err error
	for attempt := 1; ; attempt++ {
		if !isProbe(ctx) && !s.down.allow(time.Now()) {
			return errNeo4jDown
		}
		err = try()
		s.down.record(time.Now(), err)
		if err == nil || attempt == attempts || ctx.Err() != nil || !retryable(err) {
			return err
		}
		if !deadConnection(err) {
			pause := min(time.Duration(10<<attempt)*time.Millisecond, time.Second) + time.Duration(rand.Int64N(int64(50*time.Millisecond)))
			select {
			case <-ctx.Done():
				return err
			case <-time.After(pause):
			}
		}
	}
}
