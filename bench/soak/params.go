package main

import (
	"encoding/json"
	"fmt"
	"io"
	"log"
	"math/rand/v2"
	"net/http"
	"strings"
	"sync"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"
)

// paramSet holds what the read queries draw from, as bench/run draws it.
type paramSet struct {
	people  []string
	events  [][2]string // an event and an entity its participants may speak about
	words   []string
	popular []string    // the entities most statements are about (Q6)
	months  [][3]string // a busy topic, its busiest month's first and last day (Q7)
	cursors []string    // Q5's pages: "" then each page's endCursor
}

// vars returns query q's variables for draw i.
func (p paramSet) vars(q string, i int) map[string]any {
	switch q {
	case "Q1", "Q2":
		return map[string]any{"id": p.people[i%len(p.people)]}
	case "Q3":
		e := p.events[i%len(p.events)]
		return map[string]any{"event": e[0], "about": e[1]}
	case "Q4":
		return map[string]any{"q": p.words[i%len(p.words)]}
	case "Q5":
		if c := p.cursors[i%len(p.cursors)]; c != "" {
			return map[string]any{"after": c}
		}
		return map[string]any{}
	case "Q6":
		return map[string]any{"id": p.popular[i%len(p.popular)]}
	}
	m := p.months[i%len(p.months)]
	return map[string]any{"topic": m[0], "from": m[1], "to": m[2]}
}

// targeter draws a query of the mix and its parameters, with a seeded
// generator, and names the query in the URL (see queryOf).
func (p paramSet) targeter(base string, seed uint64) vegeta.Targeter {
	var mu sync.Mutex
	rng := rand.New(rand.NewPCG(seed, seed))
	return func(t *vegeta.Target) error {
		mu.Lock()
		q, i := queryNames[rng.IntN(len(queryNames))], rng.IntN(1<<20)
		mu.Unlock()
		*t = vegeta.Target{Method: http.MethodPost, URL: base + "/graphql?op=" + q,
			Body: graphQLBody(readQueries[q], p.vars(q, i)), Header: http.Header{"Content-Type": {"application/json"}}}
		return nil
	}
}

// params draws the parameters from the graph, like bench/run: people,
// events with participants, the most talked-about entities, each busy
// topic's busiest month, and Q5's first 20 pages.
func params(base string) paramSet {
	var p paramSet
	var ents struct {
		Entities struct{ Nodes []struct{ ID string } }
	}
	ask(base, `{ entities(filter: {kinds: [PERSON]}, first: 100) { nodes { id } } }`, nil, &ents)
	for _, n := range ents.Entities.Nodes {
		p.people = append(p.people, n.ID)
	}
	var evs struct {
		Events struct {
			Nodes []struct {
				ID           string
				Participants []struct{ Entity struct{ ID string } }
			}
		}
	}
	ask(base, `{ events(first: 100) { nodes { id participants { entity { id } } } } }`, nil, &evs)
	for i, e := range evs.Events.Nodes {
		if len(e.Participants) > 0 && len(p.people) > 0 {
			p.events = append(p.events, [2]string{e.ID, p.people[i%len(p.people)]})
		}
	}
	var popular struct{ StatementCounts []struct{ Key string } }
	ask(base, `{ statementCounts(by: ABOUT, first: 10) { key } }`, nil, &popular)
	for _, c := range popular.StatementCounts {
		p.popular = append(p.popular, c.Key)
	}
	var topics struct{ StatementCounts []struct{ Key string } }
	ask(base, `{ statementCounts(by: TOPIC, first: 10) { key } }`, nil, &topics)
	for _, t := range topics.StatementCounts {
		var months struct{ StatementCounts []struct{ Key string } }
		ask(base, `query($t: ID!) { statementCounts(filter: {topic: $t}, by: MONTH, first: 2) { key } }`, map[string]any{"t": t.Key}, &months)
		for _, m := range months.StatementCounts {
			if from, err := time.Parse("2006-01", m.Key); err == nil {
				p.months = append(p.months, [3]string{t.Key, from.Format("2006-01-02"), from.AddDate(0, 1, -1).Format("2006-01-02")})
				break
			}
		}
	}
	p.words = []string{"security", "sanctions", "energy", "trade", "tariffs", "oil", "ceasefire", "Republic", "Council", "meeting"}
	p.cursors = []string{""}
	for len(p.cursors) < 20 {
		var page struct {
			Statements struct {
				PageInfo struct {
					HasNextPage bool
					EndCursor   string
				}
			}
		}
		ask(base, readQueries["Q5"], p.vars("Q5", len(p.cursors)-1), &page)
		if !page.Statements.PageInfo.HasNextPage {
			break
		}
		p.cursors = append(p.cursors, page.Statements.PageInfo.EndCursor)
	}
	if len(p.people) == 0 || len(p.events) == 0 || len(p.popular) == 0 || len(p.months) == 0 {
		log.Fatal("the graph has no people, events, statements about entities or dated topics to query")
	}
	return p
}

// ask sends one query and decodes its data into into; any error stops
// the run (this happens before the load, with Neo4j up).
func ask(base, query string, vars map[string]any, into any) {
	res, err := http.Post(base+"/graphql", "application/json", strings.NewReader(string(graphQLBody(query, vars))))
	if err != nil {
		log.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	var r struct {
		Data   json.RawMessage
		Errors []any
	}
	if err := json.Unmarshal(b, &r); err != nil || len(r.Errors) > 0 {
		log.Fatalf("%s: %s", query, fmt.Sprintf("%.500s", b))
	}
	if err := json.Unmarshal(r.Data, into); err != nil {
		log.Fatal(err)
	}
}
