// Package config reads newsgraph's configuration from the environment, once,
// at start. Every setting has a default that works with `make run`; a bad
// value stops the program with a message naming the variable.
package config

import (
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Config is the whole of newsgraph's configuration.
type Config struct {
	// Addr is the HTTP listen address (ADDR).
	Addr string

	Neo4j Neo4j

	// LogLevel is the minimum level logged (LOG_LEVEL).
	LogLevel slog.Level
	// LogJSON selects JSON logs instead of text (LOG_FORMAT=json).
	LogJSON bool

	// ComplexityLimit is the highest query cost accepted (NEWSGRAPH_COMPLEXITY_LIMIT).
	ComplexityLimit int
	// MaxDepth bounds how deeply a query may nest fields (NEWSGRAPH_MAX_DEPTH).
	MaxDepth int
	// MaxAliases bounds the aliased fields in one request (NEWSGRAPH_MAX_ALIASES).
	MaxAliases int
	// MaxTokens bounds the tokens the parser reads (NEWSGRAPH_MAX_TOKENS).
	MaxTokens int
	// MaxBodyBytes bounds a request body; larger ones get 413 (NEWSGRAPH_MAX_BODY_BYTES).
	MaxBodyBytes int
	// RequestTimeout is each request's deadline, passed on to Neo4j as the
	// transaction timeout (NEWSGRAPH_REQUEST_TIMEOUT).
	RequestTimeout time.Duration
	// Production turns off introspection, field suggestions and the
	// playground, and masks errors to their code and a safe message
	// (NEWSGRAPH_PRODUCTION).
	Production bool
	// APIToken enables the mutations: callers must send it as a bearer
	// token. Empty disables them (NEWSGRAPH_API_TOKEN).
	APIToken string
	// TraceRoundTrips adds the request's Cypher round trips to every GraphQL
	// response, as extensions.neo4j.roundTrips (NEWSGRAPH_TRACE_ROUND_TRIPS).
	TraceRoundTrips bool
	// CacheMaxAge is the max-age HTTP caches may keep a GET query's answer
	// (NEWSGRAPH_CACHE_MAX_AGE). 0, the default, lets them store it but
	// makes them revalidate with its ETag every time.
	CacheMaxAge time.Duration
	// CORSOrigins are the origins other than the server's own whose pages
	// may call the API from a browser (NEWSGRAPH_CORS_ORIGINS, a
	// comma-separated list such as http://localhost:5173, or * for any).
	// Empty, the default, sends no CORS headers at all.
	CORSOrigins []string
	// Tracing exports OpenTelemetry traces over OTLP; it is on when the
	// standard OTEL_EXPORTER_OTLP_ENDPOINT or
	// OTEL_EXPORTER_OTLP_TRACES_ENDPOINT is set (the exporter reads the
	// other OTEL_* variables itself).
	Tracing bool
	// Subscriptions are the limits and rates of live updates.
	Subscriptions Subscriptions
	// BatchWait is how long a per-request loader gathers keys before it
	// queries Neo4j (NEWSGRAPH_BATCH_WAIT).
	BatchWait time.Duration
	// Seed loads the embedded seed documents into an empty graph at start
	// (NEWSGRAPH_SEED, default true).
	Seed bool
	// ShutdownTimeout bounds the graceful drain on SIGINT or SIGTERM (NEWSGRAPH_SHUTDOWN_TIMEOUT).
	ShutdownTimeout time.Duration
	// PprofAddr, when set, serves net/http/pprof on a listener of its own
	// at this address, never on the public one (NEWSGRAPH_PPROF_ADDR, e.g.
	// 127.0.0.1:6060). Empty, the default, serves no profiles at all.
	PprofAddr string
	// GCPercent is the garbage collector's target the server sets at
	// start: DefaultGCPercent when GOGC is unset, 0 (leave the runtime's,
	// which read GOGC itself) when it is set. GOGC=100, Go's default, made
	// the collector a tenth of the server's CPU under load with a live heap
	// of a few MiB; see DefaultGCPercent.
	GCPercent int
}

// DefaultGCPercent is the server's GOGC unless the environment sets one.
// Under the benchmark's 16 clients it cut the server's CPU per request by
// a fifth and raised its peak RSS from 34 to 47 MiB (BENCHMARKS.md).
const DefaultGCPercent = 400

// Neo4j says how to reach the graph store.
type Neo4j struct {
	URI      string // NEO4J_URI
	User     string // NEO4J_USER
	Password string // NEO4J_PASSWORD; empty means no authentication
	Database string // NEO4J_DATABASE; empty means the server's default database

	// ConnectTimeout bounds opening one TCP connection (NEO4J_CONNECT_TIMEOUT).
	ConnectTimeout time.Duration
	// AcquireTimeout bounds waiting for a pooled connection (NEO4J_ACQUIRE_TIMEOUT).
	AcquireTimeout time.Duration
	// MaxPoolSize caps open connections per server (NEO4J_MAX_POOL_SIZE),
	// and so the queries newsgraph runs at once. It is Neo4j's concurrency
	// limit: past a few queries per Neo4j core, more only queue inside Neo4j,
	// where each runs slower and the deadline kills work already done. The
	// driver's default of 100 let a Neo4j restarted under steady load (cold
	// caches) fill with 100 slow queries that all timed out, and it never
	// caught up (the soak, issue 18); at 16 it was serving normally 15 s
	// after it was back. Requests beyond the pool wait up to AcquireTimeout.
	MaxPoolSize int
	// QueryTimeout is sent to Neo4j as each transaction's timeout, so the
	// database itself stops work nobody waits for (NEO4J_QUERY_TIMEOUT).
	QueryTimeout time.Duration
	// Admin is the neo4j-admin command `newsgraph import` runs to build a
	// new database offline (NEWSGRAPH_NEO4J_ADMIN); the Makefile points it
	// at tools/neo4j/admin.
	Admin string
}

// Subscriptions configures live updates (GraphQL subscriptions).
type Subscriptions struct {
	// FeedPoll is how often the server reads the graph's change feed while
	// anyone subscribes (NEWSGRAPH_FEED_POLL): the bound on how late a
	// change reaches a subscriber, and one small indexed read per period.
	FeedPoll time.Duration
	// FeedKeep is how long changes stay in the feed (NEWSGRAPH_FEED_KEEP).
	FeedKeep time.Duration
	// Max bounds the server's live subscriptions (NEWSGRAPH_MAX_SUBSCRIPTIONS)
	// and PerConnection one connection's
	// (NEWSGRAPH_MAX_SUBSCRIPTIONS_PER_CONNECTION).
	Max, PerConnection int
	// Buffer is how many events a subscriber may leave unread before it is
	// dropped (NEWSGRAPH_SUBSCRIPTION_BUFFER).
	Buffer int
	// Ping is how often the server pings a WebSocket client, which must
	// answer (pong) within twice that or be disconnected
	// (NEWSGRAPH_WS_PING).
	Ping time.Duration
}

// Defaults are the values used when a variable is unset or empty.
var Defaults = Config{
	Addr: ":8080",
	Neo4j: Neo4j{
		URI:            "bolt://127.0.0.1:7687",
		User:           "neo4j",
		Admin:          "neo4j-admin",
		ConnectTimeout: 2 * time.Second,
		AcquireTimeout: 2 * time.Second,
		MaxPoolSize:    16,
		QueryTimeout:   10 * time.Second,
	},
	LogLevel:        slog.LevelInfo,
	ComplexityLimit: 5000,
	MaxDepth:        12,
	MaxAliases:      30,
	MaxTokens:       10_000,
	MaxBodyBytes:    8 << 20, // room for draftSource's million characters, escaped
	RequestTimeout:  10 * time.Second,
	Seed:            true,
	BatchWait:       2 * time.Millisecond,
	Subscriptions: Subscriptions{
		FeedPoll: 250 * time.Millisecond, FeedKeep: time.Hour,
		Max: 1000, PerConnection: 20, Buffer: 64, Ping: 15 * time.Second,
	},
	ShutdownTimeout: 15 * time.Second,
}

var uriSchemes = map[string]bool{
	"bolt": true, "bolt+s": true, "bolt+ssc": true,
	"neo4j": true, "neo4j+s": true, "neo4j+ssc": true,
}

// Load reads the configuration through getenv (os.Getenv in production; a
// map in tests). It reports every bad variable at once, each by name.
func Load(getenv func(string) string) (Config, error) {
	c := Defaults
	p := parser{getenv: getenv}

	c.Addr = p.str("ADDR", c.Addr)
	if _, port, err := net.SplitHostPort(c.Addr); err != nil {
		p.fail("ADDR", "%q is not host:port (e.g. :8080 or 127.0.0.1:8080)", c.Addr)
	} else if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		p.fail("ADDR", "%q has a bad port", c.Addr)
	}

	c.Neo4j.URI = p.str("NEO4J_URI", c.Neo4j.URI)
	if u, err := url.Parse(c.Neo4j.URI); err != nil || u.Host == "" {
		p.fail("NEO4J_URI", "%q is not a URI like bolt://127.0.0.1:7687", c.Neo4j.URI)
	} else if !uriSchemes[u.Scheme] {
		p.fail("NEO4J_URI", "scheme %q is not supported; use bolt://, neo4j:// (clusters) or their +s/+ssc forms", u.Scheme)
	}
	c.Neo4j.User = p.str("NEO4J_USER", c.Neo4j.User)
	c.Neo4j.Password = p.str("NEO4J_PASSWORD", c.Neo4j.Password)
	c.Neo4j.Database = p.str("NEO4J_DATABASE", c.Neo4j.Database)
	c.Neo4j.ConnectTimeout = p.duration("NEO4J_CONNECT_TIMEOUT", c.Neo4j.ConnectTimeout, time.Millisecond, time.Minute)
	c.Neo4j.AcquireTimeout = p.duration("NEO4J_ACQUIRE_TIMEOUT", c.Neo4j.AcquireTimeout, time.Millisecond, time.Minute)
	c.Neo4j.MaxPoolSize = p.integer("NEO4J_MAX_POOL_SIZE", c.Neo4j.MaxPoolSize, 1, 10000)
	c.Neo4j.QueryTimeout = p.duration("NEO4J_QUERY_TIMEOUT", c.Neo4j.QueryTimeout, time.Millisecond, time.Hour)
	c.Neo4j.Admin = p.str("NEWSGRAPH_NEO4J_ADMIN", c.Neo4j.Admin)

	switch lvl := strings.ToLower(p.str("LOG_LEVEL", "info")); lvl {
	case "debug":
		c.LogLevel = slog.LevelDebug
	case "info":
		c.LogLevel = slog.LevelInfo
	case "warn", "warning":
		c.LogLevel = slog.LevelWarn
	case "error":
		c.LogLevel = slog.LevelError
	default:
		p.fail("LOG_LEVEL", "%q is not one of debug, info, warn, error", lvl)
	}
	switch f := strings.ToLower(p.str("LOG_FORMAT", "text")); f {
	case "text":
	case "json":
		c.LogJSON = true
	default:
		p.fail("LOG_FORMAT", "%q is not text or json", f)
	}

	c.ComplexityLimit = p.integer("NEWSGRAPH_COMPLEXITY_LIMIT", c.ComplexityLimit, 1, 1_000_000_000)
	c.MaxDepth = p.integer("NEWSGRAPH_MAX_DEPTH", c.MaxDepth, 1, 1000)
	c.MaxAliases = p.integer("NEWSGRAPH_MAX_ALIASES", c.MaxAliases, 0, 100_000)
	c.MaxTokens = p.integer("NEWSGRAPH_MAX_TOKENS", c.MaxTokens, 100, 10_000_000)
	c.MaxBodyBytes = p.integer("NEWSGRAPH_MAX_BODY_BYTES", c.MaxBodyBytes, 1024, 1<<30)
	c.RequestTimeout = p.duration("NEWSGRAPH_REQUEST_TIMEOUT", c.RequestTimeout, 100*time.Millisecond, time.Hour)
	c.Production = p.boolean("NEWSGRAPH_PRODUCTION", c.Production)
	c.Seed = p.boolean("NEWSGRAPH_SEED", c.Seed)
	c.APIToken = p.str("NEWSGRAPH_API_TOKEN", "")
	if c.APIToken != "" && len(c.APIToken) < 16 {
		p.fail("NEWSGRAPH_API_TOKEN", "is %d characters; use at least 16 (e.g. openssl rand -hex 24)", len(c.APIToken))
	}
	c.BatchWait = p.duration("NEWSGRAPH_BATCH_WAIT", c.BatchWait, 0, time.Second)
	c.CacheMaxAge = p.duration("NEWSGRAPH_CACHE_MAX_AGE", c.CacheMaxAge, 0, 365*24*time.Hour)
	c.CORSOrigins = p.origins("NEWSGRAPH_CORS_ORIGINS")
	c.Subscriptions.FeedPoll = p.duration("NEWSGRAPH_FEED_POLL", c.Subscriptions.FeedPoll, 10*time.Millisecond, time.Minute)
	c.Subscriptions.FeedKeep = p.duration("NEWSGRAPH_FEED_KEEP", c.Subscriptions.FeedKeep, time.Minute, 365*24*time.Hour)
	c.Subscriptions.Max = p.integer("NEWSGRAPH_MAX_SUBSCRIPTIONS", c.Subscriptions.Max, 0, 1_000_000)
	c.Subscriptions.PerConnection = p.integer("NEWSGRAPH_MAX_SUBSCRIPTIONS_PER_CONNECTION", c.Subscriptions.PerConnection, 1, 10_000)
	c.Subscriptions.Buffer = p.integer("NEWSGRAPH_SUBSCRIPTION_BUFFER", c.Subscriptions.Buffer, 1, 1_000_000)
	c.Subscriptions.Ping = p.duration("NEWSGRAPH_WS_PING", c.Subscriptions.Ping, 100*time.Millisecond, time.Hour)
	c.Tracing = p.str("OTEL_EXPORTER_OTLP_ENDPOINT", "") != "" || p.str("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "") != ""
	c.TraceRoundTrips = p.boolean("NEWSGRAPH_TRACE_ROUND_TRIPS", c.TraceRoundTrips)
	c.ShutdownTimeout = p.duration("NEWSGRAPH_SHUTDOWN_TIMEOUT", c.ShutdownTimeout, 0, time.Hour)
	c.GCPercent = DefaultGCPercent
	if v := strings.TrimSpace(p.getenv("GOGC")); v != "" {
		// The runtime has applied it already; it ignores a bad one silently.
		if n, err := strconv.Atoi(v); v != "off" && (err != nil || n < 0) {
			p.fail("GOGC", "%q is not a percentage (e.g. 100) or off", v)
		}
		c.GCPercent = 0
	}
	c.PprofAddr = p.str("NEWSGRAPH_PPROF_ADDR", "")
	if c.PprofAddr != "" {
		if _, port, err := net.SplitHostPort(c.PprofAddr); err != nil {
			p.fail("NEWSGRAPH_PPROF_ADDR", "%q is not host:port (e.g. 127.0.0.1:6060)", c.PprofAddr)
		} else if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
			p.fail("NEWSGRAPH_PPROF_ADDR", "%q has a bad port", c.PprofAddr)
		} else if c.PprofAddr == c.Addr {
			p.fail("NEWSGRAPH_PPROF_ADDR", "%q is the public address; profiles need a listener of their own", c.PprofAddr)
		}
	}

	if err := errors.Join(p.errs...); err != nil {
		return Config{}, fmt.Errorf("configuration: %w", err)
	}
	return c, nil
}

type parser struct {
	getenv func(string) string
	errs   []error
}

func (p *parser) fail(name, format string, args ...any) {
	p.errs = append(p.errs, fmt.Errorf("%s: %s", name, fmt.Sprintf(format, args...)))
}

func (p *parser) str(name, def string) string {
	if v := strings.TrimSpace(p.getenv(name)); v != "" {
		return v
	}
	return def
}

func (p *parser) boolean(name string, def bool) bool {
	v := strings.TrimSpace(p.getenv(name))
	if v == "" {
		return def
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		p.fail(name, "%q is not true or false", v)
		return def
	}
	return b
}

func (p *parser) integer(name string, def, lo, hi int) int {
	v := strings.TrimSpace(p.getenv(name))
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		p.fail(name, "%q is not a whole number", v)
		return def
	}
	if n < lo || n > hi {
		p.fail(name, "%d is out of range [%d, %d]", n, lo, hi)
		return def
	}
	return n
}

// origins reads a comma-separated list of web origins (scheme://host[:port],
// no path), or the single entry *.
func (p *parser) origins(name string) []string {
	v := strings.TrimSpace(p.getenv(name))
	if v == "" {
		return nil
	}
	var out []string
	for o := range strings.SplitSeq(v, ",") {
		o = strings.TrimRight(strings.TrimSpace(o), "/")
		if o == "" {
			continue
		}
		if o == "*" {
			out = append(out, o)
			continue
		}
		u, err := url.Parse(o)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Path != "" || u.RawQuery != "" || u.User != nil {
			p.fail(name, "%q is not an origin like https://newsroom.example or http://localhost:5173", o)
			continue
		}
		out = append(out, strings.ToLower(o))
	}
	if len(out) > 1 && slices.Contains(out, "*") {
		p.fail(name, "* allows every origin; list it alone")
	}
	return out
}

func (p *parser) duration(name string, def, lo, hi time.Duration) time.Duration {
	v := strings.TrimSpace(p.getenv(name))
	if v == "" {
		return def
	}
	d, err := time.ParseDuration(v)
	if err != nil {
		p.fail(name, "%q is not a duration like 2s or 500ms", v)
		return def
	}
	if d < lo || d > hi {
		p.fail(name, "%s is out of range [%s, %s]", d, lo, hi)
		return def
	}
	return d
}
