// Command gen writes a deterministic, realistic graph of the news as
// ingestion documents, for the benchmark: many sources, a few very quoted
// leaders and a long tail, aliases, events and evidence that quotes each
// source's text verbatim. With -load it sends the documents through the
// real ingestion path (ingest.ValidateBatch and store.LoadDocuments, which is
// ingest.LoadBatch) into Neo4j and reports the throughput.
//
//	go run ./bench/gen -out /tmp/news            # write JSON documents
//	go run ./bench/gen -load                     # load into $NEO4J_URI (2 validating workers, 1 writer)
//	go run ./bench/gen -statements 20000 -sources 2000 -load   # a smaller graph
//	go run ./bench/gen -load -to 2000   # the first tenth of the default graph
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"log/slog"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"newsgraph/internal/config"
	"newsgraph/internal/ingest"
	"newsgraph/internal/kg"
	"newsgraph/internal/loadtest"
	"newsgraph/internal/store"
)

// Sizes is the shape of the generated graph.
type Sizes struct {
	People, Nations, Organisations, Events, Statements, Sources int
}

// Generator makes documents deterministically from a seed.
type Generator struct {
	Sizes
	seed   uint64
	topics []string
}

// New returns a generator for the sizes and seed.
func New(s Sizes, seed uint64) *Generator {
	g := &Generator{Sizes: s, seed: seed}
	for _, t := range []string{"security", "sanctions", "energy", "trade", "elections", "migration", "climate", "health",
		"ceasefire", "troops", "aid", "shipping", "grain", "oil", "gas", "tariffs", "borders", "cyber", "space", "finance"} {
		g.topics = append(g.topics, t)
	}
	return g
}

var syllables = []string{"ka", "lo", "mi", "ra", "ten", "vor", "sa", "dun", "bel", "tor", "an", "ne", "ri", "mo", "pe", "zu", "ha", "ly", "gor", "vi"}

// name makes a pronounceable, unique name from a number.
func name(n, parts int) string {
	var b strings.Builder
	for i := 0; i < parts; i++ {
		b.WriteString(syllables[n%len(syllables)])
		n /= len(syllables)
	}
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

func (g *Generator) personID(i int) string { return fmt.Sprintf("person:p%06d", i) }
func (g *Generator) nationID(i int) string { return fmt.Sprintf("nation:n%04d", i) }
func (g *Generator) orgID(i int) string    { return fmt.Sprintf("organisation:o%05d", i) }
func (g *Generator) eventID(i int) string  { return fmt.Sprintf("event:e%06d", i) }

func (g *Generator) personName(i int) (string, string) {
	first, last := name(i, 2), name(i/7+i*13, 3)+fmt.Sprintf("%d", i)
	return first + " " + last, last
}

// Document returns source number k (0-based) of Sources.
func (g *Generator) Document(k int) *ingest.Document {
	r := rand.New(rand.NewPCG(g.seed, uint64(k)))
	// A few very quoted speakers and a long tail: Zipf over people.
	zipf := rand.NewZipf(r, 1.2, 8, uint64(g.People-1))
	perSource := g.Statements / g.Sources
	if k < g.Statements%g.Sources {
		perSource++
	}
	day := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, k*2000/max(g.Sources, 1))
	date := kg.Date(day.Format("2006-01-02"))
	doc := &ingest.Document{Source: ingest.SourceInput{
		ID: fmt.Sprintf("source:gen-%06d", k), Title: fmt.Sprintf("Generated report %d", k),
		Publisher: "Benchmark Wire", PublishedAt: date,
	}}
	declared := map[string]bool{}
	declare := func(id string) {
		if declared[id] {
			return
		}
		declared[id] = true
		var e ingest.EntityInput
		var n int
		switch {
		case strings.HasPrefix(id, "person:"):
			fmt.Sscanf(id, "person:p%d", &n)
			full, last := g.personName(n)
			e = ingest.EntityInput{ID: id, Kind: "PERSON", Name: full, Aliases: []string{last}}
		case strings.HasPrefix(id, "nation:"):
			fmt.Sscanf(id, "nation:n%d", &n)
			e = ingest.EntityInput{ID: id, Kind: "NATION", Name: "Republic of " + name(n, 3) + fmt.Sprint(n)}
		default:
			fmt.Sscanf(id, "organisation:o%d", &n)
			e = ingest.EntityInput{ID: id, Kind: "ORGANISATION", Name: name(n, 2) + " Council " + fmt.Sprint(n)}
		}
		doc.Entities = append(doc.Entities, e)
	}
	topic := func(t string) string { return "topic:" + t }
	usedTopics := map[string]bool{}
	var text strings.Builder
	event := ""
	if g.Events > 0 {
		ev := int(r.Uint64N(uint64(g.Events)))
		event = g.eventID(ev)
		host := g.personID(int(zipf.Uint64()))
		declare(host)
		line := fmt.Sprintf("The meeting %d took place in city %s.", ev, name(ev, 2))
		text.WriteString(line + "\n")
		doc.Events = append(doc.Events, ingest.EventInput{ID: event, Name: fmt.Sprintf("Meeting %d", ev), Kind: "meeting",
			Date: date, Location: name(ev, 2), Evidence: ingest.Evidences{{Quote: strp(line)}},
			Participants: []ingest.ParticipantInput{{Entity: host, Role: "host", Evidence: ingest.Evidences{{Quote: strp(line)}}}}})
	}
	for i := 0; i < perSource; i++ {
		speaker := g.personID(int(zipf.Uint64()))
		declare(speaker)
		var about []string
		for j := 0; j < 1+int(r.Uint64N(3)); j++ {
			var id string
			switch r.Uint64N(3) {
			case 0:
				id = g.personID(int(zipf.Uint64()))
			case 1:
				id = g.nationID(int(r.Uint64N(uint64(g.Nations))))
			default:
				id = g.orgID(int(r.Uint64N(uint64(g.Organisations))))
			}
			if id != speaker && !contains(about, id) {
				declare(id)
				about = append(about, id)
			}
		}
		t := g.topics[r.Uint64N(uint64(len(g.topics)))]
		usedTopics[t] = true
		_, last := g.personName(mustNum(speaker))
		words := fmt.Sprintf("we will act on %s in case %d of source %d", t, i, k)
		line := fmt.Sprintf("\"%s,\" %s said.", strings.ToUpper(words[:1])+words[1:], last)
		text.WriteString(line + "\n")
		st := ingest.StatementInput{Kind: "QUOTE", Speaker: speaker, Text: strings.ToUpper(words[:1]) + words[1:], About: about,
			Date: date, Topics: []string{topic(t)}, Evidence: &ingest.EvidenceInput{Quote: strp(line)}}
		if event != "" && i%2 == 0 {
			st.Event = event
		}
		doc.Statements = append(doc.Statements, st)
	}
	// Every person named gets a role, with a sentence saying so: the title
	// and the nation or organisation follow from the person's number.
	for _, e := range doc.Entities {
		if e.Kind != "PERSON" {
			continue
		}
		n := mustNum(e.ID)
		of, ofName := g.nationID(n%g.Nations), ""
		if n%3 == 0 {
			of = g.orgID(n % g.Organisations)
		}
		declare(of)
		for _, d := range doc.Entities {
			if d.ID == of {
				ofName = d.Name
			}
		}
		title := []string{"President", "Prime Minister", "Foreign Minister", "Secretary General", "Spokesperson"}[n%5]
		line := fmt.Sprintf("%s is the %s of %s.", e.Name, title, ofName)
		if !strings.Contains(text.String(), line) {
			text.WriteString(line + "\n")
		}
		doc.Roles = append(doc.Roles, ingest.RoleInput{Person: e.ID, Title: title, Of: of, Evidence: ingest.Evidences{{Quote: strp(line)}}})
	}
	for _, t := range g.topics { // in a fixed order, for deterministic documents
		if usedTopics[t] {
			doc.Topics = append(doc.Topics, ingest.TopicInput{ID: topic(t), Name: strings.ToUpper(t[:1]) + t[1:]})
		}
	}
	doc.Source.Text = text.String()
	return doc
}

// cpuSeconds is the CPU time of process pid so far, 0 without a pid.
func cpuSeconds(pid int) float64 {
	if pid <= 0 {
		return 0
	}
	s, err := loadtest.CPUSeconds(pid)
	if err != nil {
		log.Fatalf("-neo4j-pid: %v", err)
	}
	return s
}

func mustNum(personID string) int {
	var n int
	fmt.Sscanf(personID, "person:p%d", &n)
	return n
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func strp(s string) *string { return &s }

func main() {
	var s Sizes
	flag.IntVar(&s.People, "people", 10_000, "people")
	flag.IntVar(&s.Nations, "nations", 300, "nations")
	flag.IntVar(&s.Organisations, "organisations", 1_000, "organisations")
	flag.IntVar(&s.Events, "events", 5_000, "events")
	flag.IntVar(&s.Statements, "statements", 200_000, "statements")
	flag.IntVar(&s.Sources, "sources", 20_000, "sources")
	seed := flag.Uint64("seed", 1, "random seed; the same seed gives the same documents")
	out := flag.String("out", "", "directory to write the JSON documents to")
	load := flag.Bool("load", false, "load the documents into Neo4j ($NEO4J_URI, …) through ingest.Load")
	workers := flag.Int("workers", 2, "concurrent loads with -load (more than the cores only adds lock contention); with -writers, concurrent validations")
	writers := flag.Int("writers", 1, "with -load: n writers fed by the workers; 0 for workers that validate and write their own batches")
	batch := flag.Int("batch", 250, "documents per transaction with -load")
	from := flag.Int("from", 0, "the first source to write or load (0-based)")
	to := flag.Int("to", -1, "one past the last source to write or load; -1 for all")
	wipe := flag.Bool("wipe", false, "with -load: delete everything in the database first (a fresh graph for a measurement)")
	neo4jPID := flag.Int("neo4j-pid", 0, "with -load: the Neo4j JVM's pid, to report the CPU time it spent on the load (a figure less sensitive than wall time to other work on the machine)")
	steps := flag.Bool("steps", false, "with -load: print the time spent in each step of the loads, summed over workers")
	flag.Parse()
	if *to < 0 || *to > s.Sources {
		*to = s.Sources
	}
	if *from < 0 || *from > *to {
		log.Fatalf("-from %d: must be between 0 and -to (%d)", *from, *to)
	}
	g := New(s, *seed)

	if *out != "" {
		if err := os.MkdirAll(*out, 0o755); err != nil {
			log.Fatal(err)
		}
		for k := *from; k < *to; k++ {
			b, _ := json.Marshal(g.Document(k))
			if err := os.WriteFile(filepath.Join(*out, fmt.Sprintf("gen-%06d.json", k)), b, 0o644); err != nil {
				log.Fatal(err)
			}
		}
		fmt.Printf("wrote %d documents to %s\n", *to-*from, *out)
	}
	if !*load {
		return
	}
	cfg, err := config.Load(os.Getenv)
	if err != nil {
		log.Fatal(err)
	}
	cfg.Neo4j.QueryTimeout = 5 * time.Minute
	st, err := store.Open(cfg.Neo4j, slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	if err := st.EnsureSchema(ctx); err != nil {
		log.Fatal(err)
	}
	if *wipe {
		if err := st.DeleteAll(ctx); err != nil {
			log.Fatal(err)
		}
	}
	ctx, timer := store.WithStepTimer(ctx)
	var next, statements atomic.Int64
	next.Store(int64(*from))
	cpuBefore := cpuSeconds(*neo4jPID)
	// With -writers 0 each worker validates and writes its own batches
	// (ingest.LoadBatch). With -writers n, the workers only prepare and
	// validate batches and n writers write them: one writer owns the
	// shared nodes, no transaction waits for another's locks.
	type prepared struct {
		first, count int
		valid        []*kg.SourceDocument
	}
	start := time.Now()
	var written sync.WaitGroup
	queue := make(chan prepared, *workers)
	write := func(p prepared) {
		// The store retries deadlocks itself; a batch that still fails
		// (concurrent batches sharing popular entities can keep colliding)
		// is tried again after a pause.
		for attempt := 1; ; attempt++ {
			began := time.Now()
			err := st.LoadDocuments(ctx, p.valid)
			timer.Add("write (store.LoadDocuments)", time.Since(began))
			if err == nil {
				break
			}
			if attempt == 5 {
				log.Fatalf("sources %d…: %v", p.first, err)
			}
			log.Printf("sources %d…: attempt %d failed, trying again: %.200v", p.first, attempt, err)
			time.Sleep(time.Duration(attempt) * time.Second)
		}
		n := statements.Add(int64(p.count))
		if ((p.first-*from) / *batch)%20 == 19 {
			fmt.Printf("%d statements, %.0f statements/s\n", n, float64(n)/time.Since(start).Seconds())
		}
	}
	for range *writers {
		written.Add(1)
		go func() {
			defer written.Done()
			for p := range queue {
				write(p)
			}
		}()
	}
	var wg sync.WaitGroup
	for w := 0; w < *workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				first := int(next.Add(int64(*batch)) - int64(*batch))
				if first >= *to {
					return
				}
				var docs []*ingest.Document
				count := 0
				for k := first; k < min(first+*batch, *to); k++ {
					d := g.Document(k)
					docs = append(docs, d)
					count += len(d.Statements)
				}
				// ingest.LoadBatch in its two halves, each timed.
				began := time.Now()
				valid, err := ingest.ValidateBatch(ctx, st, docs)
				timer.Add("validate (ingest.ValidateBatch)", time.Since(began))
				if err != nil {
					log.Fatalf("sources %d…: %v", first, err)
				}
				p := prepared{first: first, count: count, valid: valid}
				if *writers > 0 {
					queue <- p
				} else {
					write(p)
				}
			}
		}()
	}
	wg.Wait()
	close(queue)
	written.Wait()
	took := time.Since(start)
	fmt.Printf("loaded %d sources and %d statements in %s: %.0f statements/s\n",
		*to-*from, statements.Load(), took.Round(time.Millisecond), float64(statements.Load())/took.Seconds())
	if *neo4jPID > 0 {
		cpu := cpuSeconds(*neo4jPID) - cpuBefore
		fmt.Printf("Neo4j CPU: %.1f s, %.2f ms per statement (%.0f statements per CPU-second)\n",
			cpu, cpu*1000/float64(statements.Load()), float64(statements.Load())/cpu)
	}
	if *steps {
		fmt.Printf("time per step, summed over %d workers (%.1f worker-seconds of wall time):\n", *workers, took.Seconds()*float64(*workers))
		for _, s := range timer.Steps() {
			fmt.Printf("  %-32s %8.2f s  %6d calls\n", s.Name, s.Total.Seconds(), s.Calls)
		}
	}
}
