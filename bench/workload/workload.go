// Package workload is the benchmark's workload: the query texts Q1…Q7 as
// newsgraph answers them, the parameter set they draw from, its discovery
// from a loaded graph, and picking each request's variables from it.
// bench/run (the benchmark) and bench/soak (the soak test) both send it,
// so that the soak's reads are the benchmark's.
package workload

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"slices"
	"time"
)

// Names are the benchmark's queries, in the order they are run.
var Names = []string{"Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7"}

// Queries are the benchmark's queries, by name, as newsgraph answers them.
var Queries = map[string]string{
	"Q1": `query Q1($id: ID!) { entity(id: $id) { id name ... on Person { roles { title of { id name } } } } }`,
	"Q2": `query Q2($id: ID!) { entity(id: $id) { statements(first: 20) { nodes { id text date speaker { id name } about { id } evidence { start end excerpt source { id title } } } } } }`,
	"Q3": `query Q3($event: ID!, $about: ID!) { node(id: $event) { ... on Event { id participants { entity { id statements(filter: {about: $about}, first: 5) { nodes { id text } } } } } } }`,
	"Q4": `query Q4($q: String!) { search(query: $q, first: 20) { node { id } score } }`,
	"Q5": `query Q5($after: String) { statements(first: 100, after: $after) { nodes { id text } pageInfo { hasNextPage endCursor } } }`,
	"Q6": `query Q6($id: ID!) { statementCounts(filter: {about: $id}, by: SPEAKER, first: 20) { key count node { id ... on Entity { name } } } }`,
	"Q7": `query Q7($topic: ID!, $from: Date!, $to: Date!) { network(filter: {topic: $topic, from: $from, to: $to}, first: 50) { nodes { node { id } degree } edges { from { id name } to { id ... on Entity { name } ... on Event { name } } count } } }`,
}

// Pages is how many pages of 100 statements Q5 walks.
const Pages = 20

// Event is an event with participants and an entity they may speak about.
type Event struct{ ID, About string }

// TopicMonth is a topic and the first and last day of one month.
type TopicMonth struct{ Topic, From, To string }

// Set holds the parameters the queries draw from, in a fixed order.
type Set struct {
	People  []string
	Events  []Event
	Words   []string
	Popular []string     // the entities with the most statements about them (Q6)
	Months  []TopicMonth // each of the busiest topics in its busiest month (Q7)
	// Cursors are Q5's pages as newsgraph gives them, "" then each page's
	// endCursor (WalkQ5 finds them), for a client that sends only newsgraph
	// Q5 (the soak). bench/run leaves them empty: each contender has
	// cursors of its own, which its correctness gate finds.
	Cursors []string
}

// Pick returns the i-th parameters of query q as a flat map: the id, the
// event and the entity it is about, the search words, the topic and its
// month, or Q5's page: one of the set's Cursors when it has them, else one
// of Pages. Vars makes GraphQL variables of them.
func (p Set) Pick(q string, i int) map[string]string {
	switch q {
	case "Q1", "Q2":
		return map[string]string{"id": p.People[i%len(p.People)]}
	case "Q3":
		e := p.Events[i%len(p.Events)]
		return map[string]string{"event": e.ID, "about": e.About}
	case "Q4":
		return map[string]string{"q": p.Words[i%len(p.Words)]}
	case "Q6":
		return map[string]string{"id": p.Popular[i%len(p.Popular)]}
	case "Q7":
		m := p.Months[i%len(p.Months)]
		return map[string]string{"topic": m.Topic, "from": m.From, "to": m.To}
	}
	pages := Pages
	if len(p.Cursors) > 0 {
		pages = len(p.Cursors)
	}
	return map[string]string{"page": fmt.Sprint(i % pages)}
}

// Page returns the page number of Q5's parameters.
func Page(prm map[string]string) int {
	var k int
	fmt.Sscan(prm["page"], &k)
	return k
}

// Vars makes a GraphQL query's variables from Pick's parameters: Q5's page
// becomes its cursor in cursors, none for the first page.
func Vars(q string, prm map[string]string, cursors []string) map[string]any {
	vars := map[string]any{}
	for k, v := range prm {
		vars[k] = v
	}
	if q == "Q5" {
		delete(vars, "page")
		if after := cursors[Page(prm)]; after != "" {
			vars["after"] = after
		}
	}
	return vars
}

// Asker sends one GraphQL query to newsgraph and decodes the answer's data
// into into; an answer with errors is an error.
type Asker func(query string, vars map[string]any, into any) error

// HTTP asks newsgraph at base (http://host:port) with c.
func HTTP(c *http.Client, base string) Asker {
	return func(query string, vars map[string]any, into any) error {
		body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
		res, err := c.Post(base+"/graphql", "application/json", bytes.NewReader(body))
		if err != nil {
			return err
		}
		b, err := io.ReadAll(res.Body)
		res.Body.Close()
		if err != nil {
			return err
		}
		var r struct {
			Data   json.RawMessage
			Errors []any
		}
		if res.StatusCode != http.StatusOK || json.Unmarshal(b, &r) != nil || len(r.Errors) > 0 || len(r.Data) == 0 || string(r.Data) == "null" {
			return fmt.Errorf("%.200s: %s: %.500s", query, res.Status, b)
		}
		return json.Unmarshal(r.Data, into)
	}
}

// Discover draws the parameters of every query from the graph, in the
// graph's order: people who have statements, events with participants,
// the most talked-about entities, each busy topic's busiest month, and
// words that occur in names and statements.
func Discover(ask Asker) (Set, error) { return DiscoverFor(ask, Names) }

// DiscoverFor draws only what queries need. Q6's popular entities and
// Q7's topic-months come from counting every statement by target and by
// topic, which grows with the graph: at a million statements it may take
// longer than a request is allowed, and a run that measures neither
// query has no use for them.
func DiscoverFor(ask Asker, queries []string) (Set, error) {
	var p Set
	need := func(q string) bool { return slices.Contains(queries, q) }
	// People are always drawn: Q1 and Q2 ask about them, and each of Q3's
	// events is paired with one.
	var ents struct {
		Entities struct{ Nodes []struct{ ID string } }
	}
	if err := ask(`{ entities(filter: {kinds: [PERSON]}, first: 100) { nodes { id } } }`, nil, &ents); err != nil {
		return p, err
	}
	for _, n := range ents.Entities.Nodes {
		p.People = append(p.People, n.ID)
	}
	if need("Q3") {
		var evs struct {
			Events struct {
				Nodes []struct {
					ID           string
					Participants []struct{ Entity struct{ ID string } }
				}
			}
		}
		if err := ask(`{ events(first: 100) { nodes { id participants { entity { id } } } } }`, nil, &evs); err != nil {
			return p, err
		}
		for i, e := range evs.Events.Nodes {
			if len(e.Participants) > 0 && len(p.People) > 0 {
				p.Events = append(p.Events, Event{e.ID, p.People[i%len(p.People)]})
			}
		}
	}
	// Q6 asks about the entities most statements are about; Q7 about each
	// of the busiest topics in its busiest month, so that both count many
	// statements.
	if need("Q6") {
		var popular struct{ StatementCounts []struct{ Key string } }
		if err := ask(`{ statementCounts(by: ABOUT, first: 10) { key } }`, nil, &popular); err != nil {
			return p, err
		}
		for _, c := range popular.StatementCounts {
			p.Popular = append(p.Popular, c.Key)
		}
	}
	if need("Q7") {
		var topics struct{ StatementCounts []struct{ Key string } }
		if err := ask(`{ statementCounts(by: TOPIC, first: 10) { key } }`, nil, &topics); err != nil {
			return p, err
		}
		for _, t := range topics.StatementCounts {
			var months struct{ StatementCounts []struct{ Key string } }
			if err := ask(`query($t: ID!) { statementCounts(filter: {topic: $t}, by: MONTH, first: 2) { key } }`, map[string]any{"t": t.Key}, &months); err != nil {
				return p, err
			}
			for _, m := range months.StatementCounts {
				if from, to, ok := monthRange(m.Key); ok {
					p.Months = append(p.Months, TopicMonth{t.Key, from, to})
					break
				}
			}
		}
	}
	p.Words = []string{"security", "sanctions", "energy", "trade", "tariffs", "oil", "ceasefire", "Republic", "Council", "meeting"}
	if len(p.People) == 0 || need("Q3") && len(p.Events) == 0 || need("Q6") && len(p.Popular) == 0 || need("Q7") && len(p.Months) == 0 {
		return p, errors.New("the graph has no people, events, statements about entities or dated topics to query")
	}
	return p, nil
}

// Shuffle reorders the people, events, popular entities and topic-months
// with a fixed seed: the order is the same in every run, but not the
// graph's own order, which a cache could learn.
func (p *Set) Shuffle() {
	rng := rand.New(rand.NewPCG(11, 11))
	rng.Shuffle(len(p.People), func(i, j int) { p.People[i], p.People[j] = p.People[j], p.People[i] })
	rng.Shuffle(len(p.Events), func(i, j int) { p.Events[i], p.Events[j] = p.Events[j], p.Events[i] })
	rng.Shuffle(len(p.Popular), func(i, j int) { p.Popular[i], p.Popular[j] = p.Popular[j], p.Popular[i] })
	rng.Shuffle(len(p.Months), func(i, j int) { p.Months[i], p.Months[j] = p.Months[j], p.Months[i] })
}

// WalkQ5 sets p.Cursors to Q5's pages as newsgraph gives them: "" then each
// page's endCursor, up to Pages pages, fewer when the graph has fewer.
func (p *Set) WalkQ5(ask Asker) error {
	p.Cursors = []string{""}
	for len(p.Cursors) < Pages {
		var page struct {
			Statements struct {
				PageInfo struct {
					HasNextPage bool
					EndCursor   string
				}
			}
		}
		if err := ask(Queries["Q5"], Vars("Q5", p.Pick("Q5", len(p.Cursors)-1), p.Cursors), &page); err != nil {
			return err
		}
		if !page.Statements.PageInfo.HasNextPage {
			break
		}
		p.Cursors = append(p.Cursors, page.Statements.PageInfo.EndCursor)
	}
	return nil
}

// monthRange returns the first and last day of a month key (YYYY-MM);
// ok is false for anything else, such as "undated".
func monthRange(key string) (from, to string, ok bool) {
	t, err := time.Parse("2006-01", key)
	if err != nil {
		return "", "", false
	}
	return t.Format("2006-01-02"), t.AddDate(0, 1, -1).Format("2006-01-02"), true
}
