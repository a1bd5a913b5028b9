package server

import (
	"context"
	"net/http"
	"sync"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"newsgraph/internal/feed"
	"newsgraph/internal/telemetry"
)

// metrics is what /metrics shows, by what it measures: HTTP requests,
// GraphQL operations and Neo4j queries, plus the Go runtime and the
// process. Each server has its own registry, so tests can build many
// servers in one process.
type metrics struct {
	registry   *prometheus.Registry
	http       *httpMetrics
	operations *operationMetrics
	queries    *queryMetrics
}

func newMetrics() *metrics {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return &metrics{
		registry:   reg,
		http:       newHTTPMetrics(reg),
		operations: newOperationMetrics(reg),
		queries:    newQueryMetrics(reg),
	}
}

// observeFeed publishes the change feed's state: live subscriptions and
// the changes handed to them.
func (m *metrics) observeFeed(f *feed.Follower) {
	m.registry.MustRegister(
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "newsgraph_subscriptions",
			Help: "Live GraphQL subscriptions on this server.",
		}, func() float64 { return float64(f.Subscriptions()) }),
		prometheus.NewCounterFunc(prometheus.CounterOpts{
			Name: "newsgraph_feed_changes_delivered_total",
			Help: "Changes read from the graph's change feed and handed to this server's subscribers.",
		}, func() float64 { return float64(f.Delivered()) }),
	)
}

// latencyBuckets span a cached read (a millisecond) to a request's
// deadline (ten seconds).
var latencyBuckets = []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10}

// httpMetrics counts and times requests per handler.
type httpMetrics struct {
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
	inFlight prometheus.Gauge
}

func newHTTPMetrics(reg prometheus.Registerer) *httpMetrics {
	m := &httpMetrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "newsgraph_http_requests_total",
			Help: "HTTP requests served, by handler, method and status code.",
		}, []string{"handler", "method", "code"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "newsgraph_http_request_duration_seconds",
			Help:    "Time to serve an HTTP request, by handler and method.",
			Buckets: latencyBuckets,
		}, []string{"handler", "method"}),
		inFlight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "newsgraph_http_in_flight_requests",
			Help: "Requests being served now.",
		}),
	}
	reg.MustRegister(m.requests, m.duration, m.inFlight)
	return m
}

// instrument is the middleware that measures one handler under name.
func (m *httpMetrics) instrument(name string) Middleware {
	labels := prometheus.Labels{"handler": name}
	return func(h http.Handler) http.Handler {
		// Each observation carries its trace as an exemplar when the
		// request is traced (telemetry.Exemplar).
		ex := promhttp.WithExemplarFromContext(telemetry.Exemplar)
		return promhttp.InstrumentHandlerInFlight(m.inFlight,
			promhttp.InstrumentHandlerDuration(m.duration.MustCurryWith(labels),
				promhttp.InstrumentHandlerCounter(m.requests.MustCurryWith(labels), h, ex), ex))
	}
}

// maxOperationNames bounds the operation label's values: names come from
// clients, and each new one is a new time series.
const maxOperationNames = 200

// operationMetrics times GraphQL operations by name and outcome.
type operationMetrics struct {
	duration *prometheus.HistogramVec

	mu    sync.Mutex
	names map[string]bool
	// observers are the histogram's children by operation and outcome,
	// kept so that a request does not hash its labels again (bounded as
	// names is, times the outcomes).
	observers map[[2]string]prometheus.Observer
}

func newOperationMetrics(reg prometheus.Registerer) *operationMetrics {
	m := &operationMetrics{
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "newsgraph_graphql_operation_duration_seconds",
			Help:    "GraphQL operations by operation name and outcome (ok, or the first error's code); the count is the number of operations.",
			Buckets: latencyBuckets,
		}, []string{"operation", "outcome"}),
		names:     map[string]bool{},
		observers: map[[2]string]prometheus.Observer{},
	}
	reg.MustRegister(m.duration)
	return m
}

func (m *operationMetrics) observe(ctx context.Context, name, outcome string, seconds float64) {
	if name == "" {
		name = "(anonymous)"
	}
	m.mu.Lock()
	if !m.names[name] {
		if len(m.names) >= maxOperationNames {
			name = "(other)"
		} else {
			m.names[name] = true
		}
	}
	key := [2]string{name, outcome}
	o := m.observers[key]
	if o == nil {
		o = m.duration.WithLabelValues(name, outcome)
		m.observers[key] = o
	}
	m.mu.Unlock()
	telemetry.Observe(ctx, o, seconds)
}

// queryMetrics times Neo4j round trips by store operation and counts
// their failures.
type queryMetrics struct {
	duration *prometheus.HistogramVec
	errors   *prometheus.CounterVec
	// byOp caches duration's child per store operation (a fixed set of
	// names in the code), so a round trip does not hash its label again.
	byOp sync.Map
}

func newQueryMetrics(reg prometheus.Registerer) *queryMetrics {
	m := &queryMetrics{
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "newsgraph_neo4j_query_duration_seconds",
			Help:    "Neo4j round trips by store operation; the count is the number of queries.",
			Buckets: append([]float64{.0005}, latencyBuckets...),
		}, []string{"op"}),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "newsgraph_neo4j_errors_total",
			Help: "Failed Neo4j round trips by error code (a Neo4j status code, or connectivity, timeout, canceled, other).",
		}, []string{"code"}),
	}
	reg.MustRegister(m.duration, m.errors)
	return m
}

func (m *queryMetrics) observe(ctx context.Context, op string, seconds float64, errCode string) {
	o, ok := m.byOp.Load(op)
	if !ok {
		o, _ = m.byOp.LoadOrStore(op, m.duration.WithLabelValues(op))
	}
	telemetry.Observe(ctx, o.(prometheus.Observer), seconds)
	if errCode != "" {
		m.errors.WithLabelValues(errCode).Inc()
	}
}
