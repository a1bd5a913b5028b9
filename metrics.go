package main

import (
	"net/http"
	"sync"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// httpMetrics counts and times requests per handler. Each app has its own
// registry, so tests can build many servers in one process.
type httpMetrics struct {
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
	inFlight prometheus.Gauge

	operations  *prometheus.HistogramVec
	queries     *prometheus.HistogramVec
	queryErrors *prometheus.CounterVec

	mu     sync.Mutex
	opName map[string]bool
}

// maxOperationNames bounds the operation label's values: names come from
// clients, and each new one is a new time series.
const maxOperationNames = 200

func newHTTPMetrics(reg prometheus.Registerer) *httpMetrics {
	m := &httpMetrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "newsgraph_http_requests_total",
			Help: "HTTP requests served, by handler, method and status code.",
		}, []string{"handler", "method", "code"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "newsgraph_http_request_duration_seconds",
			Help:    "Time to serve an HTTP request, by handler and method.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"handler", "method"}),
		inFlight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "newsgraph_http_in_flight_requests",
			Help: "Requests being served now.",
		}),
	}
	m.operations = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "newsgraph_graphql_operation_duration_seconds",
		Help:    "GraphQL operations by operation name and outcome (ok, or the first error's code); the count is the number of operations.",
		Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
	}, []string{"operation", "outcome"})
	m.queries = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "newsgraph_neo4j_query_duration_seconds",
		Help:    "Neo4j round trips by store operation; the count is the number of queries.",
		Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
	}, []string{"op"})
	m.queryErrors = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "newsgraph_neo4j_errors_total",
		Help: "Failed Neo4j round trips by error code (a Neo4j status code, or connectivity, timeout, canceled, other).",
	}, []string{"code"})
	m.opName = map[string]bool{}
	reg.MustRegister(m.requests, m.duration, m.inFlight, m.operations, m.queries, m.queryErrors)
	return m
}

func (m *httpMetrics) observeOperation(name, outcome string, seconds float64) {
	if name == "" {
		name = "(anonymous)"
	}
	m.mu.Lock()
	if !m.opName[name] {
		if len(m.opName) >= maxOperationNames {
			name = "(other)"
		} else {
			m.opName[name] = true
		}
	}
	m.mu.Unlock()
	m.operations.WithLabelValues(name, outcome).Observe(seconds)
}

func (m *httpMetrics) observeQuery(op string, seconds float64, errCode string) {
	m.queries.WithLabelValues(op).Observe(seconds)
	if errCode != "" {
		m.queryErrors.WithLabelValues(errCode).Inc()
	}
}

func (m *httpMetrics) instrument(name string, h http.Handler) http.Handler {
	labels := prometheus.Labels{"handler": name}
	return promhttp.InstrumentHandlerInFlight(m.inFlight,
		promhttp.InstrumentHandlerDuration(m.duration.MustCurryWith(labels),
			promhttp.InstrumentHandlerCounter(m.requests.MustCurryWith(labels), h)))
}
