package main

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
)

// There is no Docker engine where the tests run, so this checks the compose
// file and the Dockerfile by reading them.
func TestDockerCompose(t *testing.T) {
	raw, err := os.ReadFile("docker-compose.yml")
	if err != nil {
		t.Fatal(err)
	}
	var c struct {
		Services map[string]struct {
			Image       string            `yaml:"image"`
			Build       any               `yaml:"build"`
			Environment map[string]string `yaml:"environment"`
			Ports       []string          `yaml:"ports"`
			Volumes     []string          `yaml:"volumes"`
			Healthcheck *struct {
				Test     []string `yaml:"test"`
				Interval string   `yaml:"interval"`
				Retries  int      `yaml:"retries"`
			} `yaml:"healthcheck"`
			DependsOn map[string]struct {
				Condition string `yaml:"condition"`
			} `yaml:"depends_on"`
		} `yaml:"services"`
		Volumes map[string]any `yaml:"volumes"`
	}
	if err := yaml.Unmarshal(raw, &c); err != nil {
		t.Fatalf("docker-compose.yml: %v", err)
	}

	db, ok := c.Services["neo4j"]
	if !ok {
		t.Fatal("no neo4j service")
	}
	if !regexp.MustCompile(`^neo4j:5\.26\.\d+-community$`).MatchString(db.Image) {
		t.Errorf("neo4j image %q is not a pinned 5.26.x community tag", db.Image)
	}
	if db.Image != "neo4j:5.26.30-community" {
		t.Errorf("neo4j image %q differs from the version tools/neo4j runs (5.26.30)", db.Image)
	}
	if !slices.ContainsFunc(db.Ports, func(p string) bool { return strings.HasSuffix(p, ":7687") }) {
		t.Errorf("neo4j does not publish Bolt: %q", db.Ports)
	}
	if db.Healthcheck == nil || len(db.Healthcheck.Test) < 2 || !strings.Contains(strings.Join(db.Healthcheck.Test, " "), "cypher-shell") || db.Healthcheck.Retries == 0 {
		t.Errorf("neo4j healthcheck should run a query with cypher-shell: %+v", db.Healthcheck)
	}
	if !slices.ContainsFunc(db.Volumes, func(v string) bool {
		name, _, _ := strings.Cut(v, ":")
		_, declared := c.Volumes[name]
		return declared && strings.HasSuffix(v, ":/data")
	}) {
		t.Errorf("neo4j /data is not on a named volume: %q", db.Volumes)
	}
	if !strings.HasPrefix(db.Environment["NEO4J_AUTH"], "neo4j/") {
		t.Errorf("NEO4J_AUTH = %q", db.Environment["NEO4J_AUTH"])
	}

	app, ok := c.Services["newsgraph"]
	if !ok {
		t.Fatal("no newsgraph service")
	}
	if app.Build == nil {
		t.Error("newsgraph is not built from the Dockerfile")
	}
	if !slices.Contains(app.Ports, "8080:8080") {
		t.Errorf("newsgraph ports %q, want 8080:8080", app.Ports)
	}
	if dep, ok := app.DependsOn["neo4j"]; !ok || dep.Condition != "service_healthy" {
		t.Errorf("newsgraph must wait for a healthy neo4j: %+v", app.DependsOn)
	}
	if app.Environment["NEO4J_URI"] != "bolt://neo4j:7687" {
		t.Errorf("NEO4J_URI = %q, want the neo4j service", app.Environment["NEO4J_URI"])
	}
	for _, k := range []string{"NEO4J_USER", "NEO4J_PASSWORD", "ADDR"} {
		if app.Environment[k] == "" {
			t.Errorf("newsgraph environment lacks %s", k)
		}
	}
	// The server's password must be the one Neo4j is given.
	if pw := strings.TrimPrefix(db.Environment["NEO4J_AUTH"], "neo4j/"); pw != app.Environment["NEO4J_PASSWORD"] {
		t.Errorf("password mismatch: neo4j gets %q, newsgraph %q", pw, app.Environment["NEO4J_PASSWORD"])
	}
}

func TestDockerfile(t *testing.T) {
	raw, err := os.ReadFile("Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	froms := regexp.MustCompile(`(?m)^FROM\s+(\S+)`).FindAllStringSubmatch(string(raw), -1)
	if len(froms) < 2 {
		t.Fatalf("Dockerfile has %d stages, want a multi-stage build", len(froms))
	}
	mod, err := os.ReadFile("go.mod")
	if err != nil {
		t.Fatal(err)
	}
	goVersion := regexp.MustCompile(`(?m)^go (\d+\.\d+)`).FindStringSubmatch(string(mod))[1]
	if !strings.HasPrefix(froms[0][1], "golang:"+goVersion) {
		t.Errorf("build stage %q does not use Go %s from go.mod", froms[0][1], goVersion)
	}
	if !strings.Contains(string(raw), "COPY --from=") || !strings.Contains(string(raw), "ENTRYPOINT") {
		t.Error("the final stage should copy the binary from the build stage and run it")
	}
}
