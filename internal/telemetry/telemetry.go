// Package telemetry is newsgraph's tracing: OpenTelemetry spans for each
// HTTP request, each GraphQL operation and each Cypher round trip,
// exported over OTLP when the standard OTEL_EXPORTER_OTLP_ENDPOINT (or
// OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set, and off otherwise: the
// global tracer provider stays OpenTelemetry's no-op one, whose spans cost
// next to nothing and are never sampled.
package telemetry

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"

	"github.com/prometheus/client_golang/prometheus"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	semconv "go.opentelemetry.io/otel/semconv/v1.39.0"
	"go.opentelemetry.io/otel/trace"
)

// Name is the instrumentation scope of newsgraph's own spans.
const Name = "newsgraph"

// Tracer is the tracer of newsgraph's own spans, from the global provider
// as it is now (Setup, or a test, installs one). It is kept until the
// provider changes: asking the provider takes a lock, and every request
// asks several times.
func Tracer() trace.Tracer {
	tp := otel.GetTracerProvider()
	if c := cached.Load(); c != nil && c.tp == tp {
		return c.t
	}
	t := tp.Tracer(Name)
	cached.Store(&providerTracer{tp, t})
	return t
}

type providerTracer struct {
	tp trace.TracerProvider
	t  trace.Tracer
}

var cached atomic.Pointer[providerTracer]

// Setup installs an OTLP/HTTP exporter (configured by the standard
// OTEL_EXPORTER_OTLP_* variables, the service by OTEL_SERVICE_NAME and
// OTEL_RESOURCE_ATTRIBUTES) behind a batching tracer provider, and W3C
// trace-context propagation, so a caller's traceparent continues here.
// The returned function flushes and stops it.
func Setup(ctx context.Context, version string) (shutdown func(context.Context) error, err error) {
	exp, err := otlptracehttp.New(ctx)
	if err != nil {
		return nil, fmt.Errorf("telemetry: OTLP exporter: %w", err)
	}
	res, err := resource.Merge(resource.Default(), resource.NewSchemaless(
		semconv.ServiceName(Name), semconv.ServiceVersion(version)))
	if err != nil && !errors.Is(err, resource.ErrPartialResource) {
		return nil, fmt.Errorf("telemetry: resource: %w", err)
	}
	// The environment's OTEL_SERVICE_NAME, when set, wins over the default.
	if env, e := resource.New(ctx, resource.WithFromEnv()); e == nil {
		if merged, e := resource.Merge(res, env); e == nil {
			res = merged
		}
	}
	tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp), sdktrace.WithResource(res))
	otel.SetTracerProvider(tp)
	otel.SetTextMapPropagator(propagation.NewCompositeTextMapPropagator(propagation.TraceContext{}, propagation.Baggage{}))
	return tp.Shutdown, nil
}

// RequestID is the span attribute that carries newsgraph's request id,
// the one in the X-Request-Id header, the logs and every error.
func RequestID(id string) attribute.KeyValue { return attribute.String("newsgraph.request_id", id) }

// Exemplar labels a metric observation with the trace it belongs to, when
// the request is traced and sampled: Prometheus then links a slow bucket
// to the trace that shows why. nil otherwise.
func Exemplar(ctx context.Context) prometheus.Labels {
	sc := trace.SpanContextFromContext(ctx)
	if !sc.IsSampled() {
		return nil
	}
	return prometheus.Labels{"trace_id": sc.TraceID().String(), "span_id": sc.SpanID().String()}
}

// Observe records v on o, with the trace as exemplar when there is one.
func Observe(ctx context.Context, o prometheus.Observer, v float64) {
	if ex := Exemplar(ctx); ex != nil {
		if eo, ok := o.(prometheus.ExemplarObserver); ok {
			eo.ObserveWithExemplar(v, ex)
			return
		}
	}
	o.Observe(v)
}
