package server

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"newsgraph/internal/config"
	"newsgraph/internal/gqltest"
	"newsgraph/internal/neo4jtest"
)

type sourceChange struct {
	SourceChanged struct {
		Kind, SourceID  string
		AddedStatements int
		Sequence        int
		At              string
		Source          *struct{ ID, Title string }
		Counts          []struct {
			Kind                                 string
			Created, Updated, Unchanged, Deleted int
		}
	}
}

const sourceChangedQuery = `subscription { sourceChanged { kind sourceId addedStatements sequence at source { id title } counts { kind created updated unchanged deleted } } }`

type statementAdded struct {
	StatementAdded struct {
		ID, Text string
		Speaker  struct{ ID string }
		Evidence struct {
			Start, End int
			Source     struct{ ID string }
		}
	}
}

const statementAddedQuery = `subscription ($f: StatementFilter) { statementAdded(filter: $f) { id text speaker { id } evidence { start end source { id } } } }`

// ingestExample sends seed/examples/<name> through the ingestSource
// mutation of the server at base.
func ingestExample(t *testing.T, base, name string) {
	t.Helper()
	gqltest.Post(t, base, testToken, ingestMutation, map[string]any{"doc": exampleDoc(t, name)})
}

// Subscribers hear of every source change and of the new statements that
// match their filter, in commit order: an ingest, the same document again
// (a replace that adds nothing), and a delete.
func TestSubscriptions(t *testing.T) {
	s := newTestServer(t, withToken, func(c *config.Config) { c.Subscriptions.FeedPoll = 20 * time.Millisecond })
	c := gqltest.Dial(t, s.URL)
	c.Subscribe("src", sourceChangedQuery, nil)
	c.Subscribe("ilsa", statementAddedQuery, map[string]any{"f": map[string]any{"speaker": "person:ilsa-marend"}})
	c.Subscribe("quotes", statementAddedQuery, map[string]any{"f": map[string]any{"kind": "QUOTE", "about": "person:nobody-at-all"}})
	waitFor(t, func() bool { return s.srv.feed.Subscriptions() == 3 }, "three subscriptions")

	start := time.Now()
	ingestExample(t, s.URL, "harbour-talks.json")
	answered := time.Now()
	const src = "source:northern-ledger-2026-03-12-harbour-talks"
	// The source change and the one statement Ilsa Marend made, in either
	// order (they are two subscriptions), and nothing for the filter that
	// matches no statement.
	var got sourceChange
	var st statementAdded
	var delivered time.Time
	for range 2 {
		m := c.Next(10 * time.Second)
		delivered = time.Now()
		switch m.ID {
		case "src":
			gqltest.Data(t, m, &got)
		case "ilsa":
			gqltest.Data(t, m, &st)
		default:
			t.Fatalf("unexpected %s %s: %s", m.ID, m.Type, m.Payload)
		}
	}
	ch := got.SourceChanged
	if at, err := time.Parse(time.RFC3339, ch.At); err == nil {
		t.Logf("the mutation was sent at 0, its change appended at %s, the mutation answered at %s, the subscriber had both events at %s (poll %s)",
			at.Sub(start).Round(time.Millisecond), answered.Sub(start).Round(time.Millisecond), delivered.Sub(start).Round(time.Millisecond), 20*time.Millisecond)
	}
	if ch.Kind != "INGESTED" || ch.SourceID != src || ch.Source == nil || ch.Source.ID != src || ch.AddedStatements != 3 || ch.Sequence < 1 {
		t.Errorf("sourceChanged: %+v", ch)
	}
	if at, err := time.Parse(time.RFC3339, ch.At); err != nil || time.Since(at) > time.Minute {
		t.Errorf("at %q: %v", ch.At, err)
	}
	created := map[string]int{}
	for _, k := range ch.Counts {
		created[k.Kind] = k.Created
	}
	if created["statements"] != 3 {
		t.Errorf("counts: %+v", ch.Counts)
	}
	if st.StatementAdded.Speaker.ID != "person:ilsa-marend" || st.StatementAdded.Evidence.Source.ID != src || st.StatementAdded.Text == "" {
		t.Errorf("statementAdded: %+v", st)
	}
	c.Quiet(300 * time.Millisecond)

	// The same document again replaces the source and adds no statement.
	ingestExample(t, s.URL, "harbour-talks.json")
	answered = time.Now()
	var again sourceChange
	c.NextData("src", 10*time.Second, &again)
	t.Logf("the replace reached the subscriber %s after its mutation answered (the plans are warm now)", time.Since(answered).Round(time.Millisecond))
	if again.SourceChanged.Kind != "REPLACED" || again.SourceChanged.AddedStatements != 0 || again.SourceChanged.Sequence != ch.Sequence+1 {
		t.Errorf("replace: %+v (first was %d)", again.SourceChanged, ch.Sequence)
	}
	c.Quiet(300 * time.Millisecond)

	gqltest.Post(t, s.URL, testToken, deleteMutation, map[string]any{"id": src})
	var del sourceChange
	c.NextData("src", 10*time.Second, &del)
	if del.SourceChanged.Kind != "DELETED" || del.SourceChanged.Source != nil || del.SourceChanged.Sequence != ch.Sequence+2 {
		t.Errorf("delete: %+v", del.SourceChanged)
	}

	// Completing a subscription ends it on the server.
	c.Send(gqltest.Message{ID: "quotes", Type: "complete"})
	waitFor(t, func() bool { return s.srv.feed.Subscriptions() == 2 }, "the completed subscription to go")
}

func waitFor(t testing.TB, ok func() bool, what string) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !ok(); {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// A bad filter, and a subscription over a connection's limit, are refused
// with the contract's codes; the server's limit too.
func TestSubscriptionLimits(t *testing.T) {
	s := newTestServer(t, func(c *config.Config) { c.Subscriptions.PerConnection = 2; c.Subscriptions.Max = 3 })
	c := gqltest.Dial(t, s.URL)
	c.Subscribe("bad", statementAddedQuery, map[string]any{"f": map[string]any{"speaker": "topic:sanctions"}})
	if m := c.Next(5 * time.Second); m.ID != "bad" || !strings.Contains(string(m.Payload), "BAD_USER_INPUT") {
		t.Errorf("bad filter: %s %s %s", m.ID, m.Type, m.Payload)
	}
	if m := c.Next(5 * time.Second); m.ID != "bad" || m.Type != "complete" {
		t.Errorf("bad filter, then: %s %s %s", m.ID, m.Type, m.Payload)
	}
	c.Subscribe("a", sourceChangedQuery, nil)
	c.Subscribe("b", sourceChangedQuery, nil)
	c.Subscribe("c", sourceChangedQuery, nil)
	// The transport starts each subscription in a goroutine of its own, so
	// any one of the three may be the one over the limit.
	m := c.Next(5 * time.Second)
	if !strings.Contains("abc", m.ID) || !strings.Contains(string(m.Payload), "NEWSGRAPH_MAX_SUBSCRIPTIONS_PER_CONNECTION") || !strings.Contains(string(m.Payload), "BAD_USER_INPUT") {
		t.Errorf("over the connection's limit: %s %s %s", m.ID, m.Type, m.Payload)
	}
	if end := c.Next(5 * time.Second); end.ID != m.ID || end.Type != "complete" {
		t.Errorf("the refused subscription then: %s %s", end.ID, end.Type)
	}
	d := gqltest.Dial(t, s.URL)
	d.Subscribe("d", sourceChangedQuery, nil)
	waitFor(t, func() bool { return s.srv.feed.Subscriptions() == 3 }, "three subscriptions")
	d.Subscribe("e", sourceChangedQuery, nil)
	if m := d.Next(5 * time.Second); m.ID != "e" || !strings.Contains(string(m.Payload), "UNAVAILABLE") || !strings.Contains(string(m.Payload), "NEWSGRAPH_MAX_SUBSCRIPTIONS") {
		t.Errorf("over the server's limit: %s %s %s", m.ID, m.Type, m.Payload)
	}
}

// A client that stops reading stops answering pings and is disconnected;
// its subscriptions end with it.
func TestSubscriberThatDoesNotReadIsDisconnected(t *testing.T) {
	s := newTestServer(t, func(c *config.Config) { c.Subscriptions.Ping = 200 * time.Millisecond })
	c := gqltest.Dial(t, s.URL)
	c.Subscribe("src", sourceChangedQuery, nil)
	c.Subscribe("st", statementAddedQuery, nil)
	waitFor(t, func() bool { return s.srv.feed.Subscriptions() == 2 }, "two subscriptions")
	// From here the client reads nothing, so it never answers a ping.
	c.StopReading()
	start := time.Now()
	waitFor(t, func() bool { return s.srv.feed.Subscriptions() == 0 }, "the server to drop the silent client")
	t.Logf("dropped %s after it stopped reading", time.Since(start).Round(time.Millisecond))
	// The server closed the connection: reading again finds its end.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	for {
		if _, _, err := c.Conn.Read(ctx); err != nil {
			if errors.Is(err, context.DeadlineExceeded) {
				t.Fatal("the connection is still open")
			}
			break
		}
	}
}

// Server-sent events carry the same subscriptions for clients that cannot
// open a WebSocket.
func TestSubscriptionOverSSE(t *testing.T) {
	s := newTestServer(t, withToken, func(c *config.Config) { c.Subscriptions.FeedPoll = 20 * time.Millisecond })
	body, _ := json.Marshal(map[string]any{"query": sourceChangedQuery})
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "POST", s.URL+"/graphql", strings.NewReader(string(body)))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "text/event-stream")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/event-stream") {
		t.Fatalf("SSE: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	waitFor(t, func() bool { return s.srv.feed.Subscriptions() == 1 }, "the SSE subscription")
	ingestExample(t, s.URL, "varno-accord.json")
	buf := make([]byte, 0, 4096)
	chunk := make([]byte, 1024)
	for !strings.Contains(string(buf), `"kind":"INGESTED"`) {
		n, err := res.Body.Read(chunk)
		buf = append(buf, chunk[:n]...)
		if err != nil {
			t.Fatalf("read: %v; got %s", err, buf)
		}
	}
	if !strings.Contains(string(buf), "event: next") {
		t.Errorf("SSE stream: %s", buf)
	}
}

// A restart of Neo4j is survived: the follower retries, and a change made
// once Neo4j is back still arrives.
func TestSubscriptionsSurviveNeo4jRestart(t *testing.T) {
	in := neo4jtest.Start(t)
	s := startServer(t, in.Config(), withToken, func(c *config.Config) { c.Subscriptions.FeedPoll = 50 * time.Millisecond })
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	s.srv.prepare(ctx)
	c := gqltest.Dial(t, s.URL)
	c.Subscribe("src", sourceChangedQuery, nil)
	waitFor(t, func() bool { return s.srv.feed.Subscriptions() == 1 }, "the subscription")

	in.Stop(t)
	time.Sleep(500 * time.Millisecond) // a few failed polls
	in.StartAgain(t)
	waitFor(t, func() bool { return s.store.Ping(context.Background()) == nil }, "Neo4j to answer")
	ingestExample(t, s.URL, "harbour-talks.json")
	var got sourceChange
	c.NextData("src", 20*time.Second, &got)
	if got.SourceChanged.Kind != "INGESTED" {
		t.Errorf("after the restart: %+v", got.SourceChanged)
	}
}
