package config

import (
	"log/slog"
	"slices"
	"strings"
	"testing"
	"time"
)

func env(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestLoadDefaults(t *testing.T) {
	c, err := Load(env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != ":8080" || c.Neo4j.URI != "bolt://127.0.0.1:7687" || c.Neo4j.User != "neo4j" {
		t.Errorf("defaults: %+v", c)
	}
	if !c.Seed {
		t.Error("seeding should be on by default")
	}
	if c.PprofAddr != "" {
		t.Errorf("pprof should be off by default, got %q", c.PprofAddr)
	}
	if c.GCPercent != DefaultGCPercent {
		t.Errorf("GCPercent = %d without GOGC, want %d", c.GCPercent, DefaultGCPercent)
	}
	if c.Neo4j.Admin != "neo4j-admin" {
		t.Errorf("neo4j-admin should be looked up on PATH by default, got %q", c.Neo4j.Admin)
	}
	if c.Neo4j.ConnectTimeout != 2*time.Second || c.Neo4j.AcquireTimeout != 2*time.Second {
		t.Errorf("timeouts should default to seconds, not the driver's minute: %+v", c.Neo4j)
	}
}

func TestLoadValues(t *testing.T) {
	c, err := Load(env(map[string]string{
		"ADDR":                        "127.0.0.1:9090",
		"NEO4J_URI":                   "neo4j+s://cluster.example:7687",
		"NEO4J_USER":                  "reader",
		"NEO4J_PASSWORD":              "secret",
		"NEO4J_DATABASE":              "news",
		"NEO4J_CONNECT_TIMEOUT":       "500ms",
		"NEO4J_ACQUIRE_TIMEOUT":       "3s",
		"NEO4J_MAX_POOL_SIZE":         "20",
		"NEO4J_QUERY_TIMEOUT":         "4s",
		"LOG_LEVEL":                   "DEBUG",
		"LOG_FORMAT":                  "json",
		"NEWSGRAPH_COMPLEXITY_LIMIT":  "900",
		"NEWSGRAPH_SEED":              "false",
		"NEWSGRAPH_PPROF_ADDR":        "127.0.0.1:6060",
		"NEWSGRAPH_NEO4J_ADMIN":       "/opt/neo4j/bin/neo4j-admin",
		"GOGC":                        "off",
		"NEWSGRAPH_CACHE_MAX_AGE":     "1m",
		"OTEL_EXPORTER_OTLP_ENDPOINT": "http://collector:4318",
		"NEWSGRAPH_CORS_ORIGINS":      " http://localhost:5173/ , https://Desk.Example",
	}))
	if err != nil {
		t.Fatal(err)
	}
	want := Neo4j{URI: "neo4j+s://cluster.example:7687", User: "reader", Password: "secret", Database: "news",
		ConnectTimeout: 500 * time.Millisecond, AcquireTimeout: 3 * time.Second, MaxPoolSize: 20,
		QueryTimeout: 4 * time.Second, Admin: "/opt/neo4j/bin/neo4j-admin"}
	if c.Neo4j != want {
		t.Errorf("Neo4j = %+v, want %+v", c.Neo4j, want)
	}
	if c.PprofAddr != "127.0.0.1:6060" {
		t.Errorf("PprofAddr = %q", c.PprofAddr)
	}
	if !c.Tracing {
		t.Error("OTEL_EXPORTER_OTLP_ENDPOINT set, tracing off")
	}
	if c.CacheMaxAge != time.Minute || !slices.Equal(c.CORSOrigins, []string{"http://localhost:5173", "https://desk.example"}) {
		t.Errorf("CacheMaxAge = %s, CORSOrigins = %q", c.CacheMaxAge, c.CORSOrigins)
	}
	if c.GCPercent != 0 {
		t.Errorf("GCPercent = %d with GOGC set, want 0 (the runtime's)", c.GCPercent)
	}
	if c.Addr != "127.0.0.1:9090" || c.LogLevel != slog.LevelDebug || !c.LogJSON || c.ComplexityLimit != 900 || c.Seed {
		t.Errorf("config = %+v", c)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want []string // every fragment must appear in the error
	}{
		{"bad scheme", map[string]string{"NEO4J_URI": "http://localhost:7474"}, []string{"NEO4J_URI", `scheme "http"`}},
		{"no host", map[string]string{"NEO4J_URI": "bolt://"}, []string{"NEO4J_URI", "not a URI"}},
		{"bad addr", map[string]string{"ADDR": "8080"}, []string{"ADDR", "host:port"}},
		{"bad port", map[string]string{"ADDR": ":99999"}, []string{"ADDR", "bad port"}},
		{"bad duration", map[string]string{"NEO4J_CONNECT_TIMEOUT": "soon"}, []string{"NEO4J_CONNECT_TIMEOUT", "duration"}},
		{"duration range", map[string]string{"NEO4J_QUERY_TIMEOUT": "0s"}, []string{"NEO4J_QUERY_TIMEOUT", "out of range"}},
		{"bad int", map[string]string{"NEO4J_MAX_POOL_SIZE": "many"}, []string{"NEO4J_MAX_POOL_SIZE", "whole number"}},
		{"int range", map[string]string{"NEWSGRAPH_COMPLEXITY_LIMIT": "0"}, []string{"NEWSGRAPH_COMPLEXITY_LIMIT", "out of range"}},
		{"log level", map[string]string{"LOG_LEVEL": "loud"}, []string{"LOG_LEVEL", "loud"}},
		{"log format", map[string]string{"LOG_FORMAT": "xml"}, []string{"LOG_FORMAT", "xml"}},
		{"bad bool", map[string]string{"NEWSGRAPH_SEED": "sometimes"}, []string{"NEWSGRAPH_SEED", "true or false"}},
		{"bad pprof addr", map[string]string{"NEWSGRAPH_PPROF_ADDR": "6060"}, []string{"NEWSGRAPH_PPROF_ADDR", "host:port"}},
		{"pprof on the public addr", map[string]string{"ADDR": ":8080", "NEWSGRAPH_PPROF_ADDR": ":8080"}, []string{"NEWSGRAPH_PPROF_ADDR", "public address"}},
		{"bad GOGC", map[string]string{"GOGC": "lots"}, []string{"GOGC", `"lots"`, "percentage"}},
		{"short token", map[string]string{"NEWSGRAPH_API_TOKEN": "secret"}, []string{"NEWSGRAPH_API_TOKEN", "at least 16"}},
		{"origin with a path", map[string]string{"NEWSGRAPH_CORS_ORIGINS": "http://localhost:5173/app"}, []string{"NEWSGRAPH_CORS_ORIGINS", `"http://localhost:5173/app"`, "origin"}},
		{"origin without a scheme", map[string]string{"NEWSGRAPH_CORS_ORIGINS": "localhost:5173"}, []string{"NEWSGRAPH_CORS_ORIGINS", "origin"}},
		{"star among origins", map[string]string{"NEWSGRAPH_CORS_ORIGINS": "*,http://a.example"}, []string{"NEWSGRAPH_CORS_ORIGINS", "alone"}},
		{"negative max-age", map[string]string{"NEWSGRAPH_CACHE_MAX_AGE": "-1s"}, []string{"NEWSGRAPH_CACHE_MAX_AGE", "out of range"}},
		{"all at once", map[string]string{"ADDR": "x", "NEO4J_URI": "ftp://h", "LOG_LEVEL": "?"}, []string{"ADDR", "NEO4J_URI", "LOG_LEVEL"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(env(tt.env))
			if err == nil {
				t.Fatal("Load succeeded, want an error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}
