package main

import (
	"slices"
	"strings"
	"testing"
	"time"
)

var t0 = time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)

func at(s float64) time.Time { return t0.Add(time.Duration(s * float64(time.Second))) }

func TestDuring(t *testing.T) {
	ws := []window{{Kill: at(100), Ready: at(130)}}
	open := []window{{Kill: at(100)}}
	grace := 10 * time.Second
	for _, c := range []struct {
		name       string
		ws         []window
		start, end float64
		want       bool
	}{
		{"well before", ws, 10, 11, false},
		{"ends just before the kill", ws, 99, 99.9, false},
		{"spans the kill", ws, 99, 101, true},
		{"inside", ws, 110, 111, true},
		{"within the grace", ws, 135, 135.1, true},
		{"starts at the grace's end", ws, 140, 140.1, true},
		{"after the grace", ws, 140.5, 141, false},
		{"no outage at all", nil, 110, 111, false},
		{"never came back", open, 500, 501, true},
		{"before an open outage", open, 50, 51, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := during(outcome{Start: at(c.start), End: at(c.end)}, c.ws, grace); got != c.want {
				t.Errorf("during = %v, want %v", got, c.want)
			}
		})
	}
}

func TestVerdict(t *testing.T) {
	ws := []window{{Kill: at(100), Ready: at(130)}}
	in, out := [2]float64{110, 110.2}, [2]float64{200, 200.2}
	for _, c := range []struct {
		name string
		o    outcome
		when [2]float64
		want string // a substring of the verdict; "" for none
	}{
		{"an answer", outcome{Status: 200}, out, ""},
		{"UNAVAILABLE in an outage", outcome{Status: 200, Code: "UNAVAILABLE"}, in, ""},
		{"UNAVAILABLE outside", outcome{Status: 200, Code: "UNAVAILABLE"}, out, "outside an outage"},
		{"a deadline outside", outcome{Status: 200, Code: "UNAVAILABLE", Message: "the request took too long and was stopped"}, out, "outside an outage: the request deadline"},
		{"a deadline inside", outcome{Status: 200, Code: "UNAVAILABLE", Message: "the request took too long and was stopped"}, in, ""},
		{"INTERNAL", outcome{Status: 200, Code: "INTERNAL"}, in, "unexpected INTERNAL"},
		{"a code outside the contract", outcome{Status: 200, Code: "GRAPHQL_VALIDATION_FAILED"}, out, "not in the contract"},
		{"an error without a code", outcome{Status: 200, NoCode: true}, out, "without extensions.code"},
		{"5xx", outcome{Status: 503, Code: "UNAVAILABLE"}, in, "HTTP 503"},
		{"no answer", outcome{NetErr: "connection reset"}, in, "no HTTP answer"},
		{"a 4xx without an error", outcome{Status: 404}, out, "HTTP 404 without"},
		{"NOT_FOUND of a first delete", outcome{Op: "delete", Status: 200, Code: "NOT_FOUND"}, out, "unexpected NOT_FOUND"},
		{"NOT_FOUND of a retried delete", outcome{Op: "delete", Status: 200, Code: "NOT_FOUND", NotFoundOK: true}, out, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			o := c.o
			o.Start, o.End = at(c.when[0]), at(c.when[1])
			got := verdict(o, ws, 10*time.Second)
			if (c.want == "") != (got == "") || !strings.Contains(got, c.want) {
				t.Errorf("verdict = %q, want %q", got, c.want)
			}
		})
	}
}

func TestReadCode(t *testing.T) {
	for _, c := range []struct {
		body      string
		code      string
		hasErrors bool
	}{
		{`{"data":{"entity":null}}`, "", false},
		{`{"errors":[{"message":"x","extensions":{"code":"UNAVAILABLE"}}],"data":null}`, "UNAVAILABLE", true},
		{`{"errors":[{"message":"x"}]}`, "", true},
		{`<html>`, "", true},
	} {
		code, _, has := readCode([]byte(c.body))
		if code != c.code || has != c.hasErrors {
			t.Errorf("readCode(%s) = %q, %v; want %q, %v", c.body, code, has, c.code, c.hasErrors)
		}
	}
}

func TestJudge(t *testing.T) {
	ws := []window{{Kill: at(100), Ready: at(130)}}
	os := []outcome{
		{Op: "Q1", Start: at(1), End: at(1.01), Status: 200},
		{Op: "Q1", Start: at(110), End: at(110.01), Status: 200, Code: "UNAVAILABLE"},
		{Op: "Q1", Start: at(300), End: at(300.01), Status: 200, Code: "UNAVAILABLE"},
		{Op: "ingest", Start: at(2), End: at(2.5), Status: 200},
	}
	for i := 0; i < 7; i++ {
		os = append(os, outcome{Op: "Q2", Start: at(5), End: at(6), Status: 200, Code: "INTERNAL"})
	}
	tl := judge(os, ws, 10*time.Second)
	if tl.Bad != 8 {
		t.Errorf("bad = %d, want 8", tl.Bad)
	}
	if q1 := tl.ByOp["Q1"]; q1.Requests != 3 || q1.OK != 1 || q1.Unavailable != 1 || q1.Violations != 1 || len(q1.Latencies) != 1 {
		t.Errorf("Q1 = %+v", q1)
	}
	g := tl.Violations["unexpected INTERNAL"]
	if g == nil || g.Count != 7 || len(g.Examples) != maxExamples {
		t.Errorf("INTERNAL violations = %+v", g)
	}
}

func TestDurability(t *testing.T) {
	states := map[string]state{"a": present, "b": deleted, "c": uncertain, "d": uncertain, "e": present, "f": deleted}
	for _, c := range []struct {
		name    string
		inGraph []string
		want    []string // substrings of the problems, in order
	}{
		{"as acknowledged", []string{"a", "c", "e"}, nil},
		{"uncertain either way", []string{"a", "d", "e"}, nil},
		{"an acknowledged ingest lost", []string{"a", "c"}, []string{"e: ingest acknowledged"}},
		{"an acknowledged delete undone", []string{"a", "b", "e"}, []string{"b: delete acknowledged"}},
		{"a source nobody wrote", []string{"a", "e", "zz"}, []string{"zz: in the graph, but the run never wrote it"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := durability(states, c.inGraph)
			if len(got) != len(c.want) {
				t.Fatalf("problems = %q, want %q", got, c.want)
			}
			for i := range got {
				if !strings.Contains(got[i], c.want[i]) {
					t.Errorf("problem %d = %q, want %q", i, got[i], c.want[i])
				}
			}
		})
	}
}

func TestFingerprintDiff(t *testing.T) {
	clean := map[string]string{"statements\x00s1": "[QUOTE a]", "entities\x00p1": "[Ann]"}
	for _, c := range []struct {
		name string
		soak map[string]string
		want []string
	}{
		{"equal", map[string]string{"entities\x00p1": "[Ann]", "statements\x00s1": "[QUOTE a]"}, nil},
		{"a fact missing", map[string]string{"entities\x00p1": "[Ann]"}, []string{"statements s1 missing"}},
		{"a fact too many", map[string]string{"entities\x00p1": "[Ann]", "statements\x00s1": "[QUOTE a]", "topics\x00t": "[T]"},
			[]string{"topics t present but a clean load has no such fact"}},
		{"a fact differs", map[string]string{"entities\x00p1": "[Bob]", "statements\x00s1": "[QUOTE a]"}, []string{"entities p1 differs: [Bob], clean [Ann]"}},
		{"wholly absent", nil, []string{"entities p1 missing", "statements s1 missing"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := fingerprintDiff("src", c.soak, clean)
			if len(got) != len(c.want) {
				t.Fatalf("diff = %q, want %q", got, c.want)
			}
			for i := range got {
				if !strings.Contains(got[i], c.want[i]) {
					t.Errorf("diff %d = %q, want %q", i, got[i], c.want[i])
				}
			}
		})
	}
}

func TestGrowth(t *testing.T) {
	mk := func(from, to float64, rss int64, g int) []sample {
		var ss []sample
		for s := from; s < to; s++ {
			ss = append(ss, sample{At: at(s), RSSKiB: rss, Goroutines: g})
		}
		return ss
	}
	ws := []window{{Kill: at(100), Ready: at(110)}}
	for _, c := range []struct {
		name         string
		ss           []sample
		rss, gor     float64
		wantErr      bool
		wantBaseSize int
	}{
		{"flat", mk(0, 200, 50_000, 20), 0, 0, false, 30},
		{"growing", append(mk(0, 170, 50_000, 20), mk(170, 200, 60_000, 30)...), 0.2, 0.5, false, 30},
		{"warm-up not counted", append(mk(0, 30, 90_000, 90), mk(30, 200, 50_000, 20)...), 0, 0, false, 30},
		{"an outage's pile-up not counted", append(append(mk(0, 100, 50_000, 20), mk(100, 125, 80_000, 200)...), mk(125, 200, 50_000, 20)...), 0, 0, false, 30},
		{"bursts of requests in flight", append(append(mk(0, 170, 50_000, 20), sample{At: at(175), RSSKiB: 50_000, Goroutines: 60}),
			mk(180, 200, 50_000, 20)...), 0, 0, false, 30},
		{"a leak under bursts", append(append(mk(0, 50, 50_000, 20), sample{At: at(55), RSSKiB: 50_000, Goroutines: 60}),
			append(mk(60, 170, 50_000, 20), mk(170, 200, 50_000, 25)...)...), 0, 0.25, false, 21},
		{"no samples at the end", mk(0, 100, 50_000, 20), 0, 0, true, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			g, err := growth(c.ss, at(30), at(200), 30*time.Second, ws, 10*time.Second)
			if (err != nil) != c.wantErr {
				t.Fatalf("err = %v", err)
			}
			if err != nil {
				return
			}
			if d := g.RSSGrowth - c.rss; d > 1e-9 || d < -1e-9 {
				t.Errorf("RSS growth = %v, want %v", g.RSSGrowth, c.rss)
			}
			if d := g.GoroutineGrowth - c.gor; d > 1e-9 || d < -1e-9 {
				t.Errorf("goroutine growth = %v, want %v", g.GoroutineGrowth, c.gor)
			}
			if g.BaseSamples != c.wantBaseSize {
				t.Errorf("base samples = %d, want %d", g.BaseSamples, c.wantBaseSize)
			}
		})
	}
}

func TestMetric(t *testing.T) {
	text := "# HELP go_goroutines Number of goroutines.\n# TYPE go_goroutines gauge\ngo_goroutines 42\ngo_goroutines_other 7\n"
	if got := metric(text, "go_goroutines"); got != 42 {
		t.Errorf("metric = %d, want 42", got)
	}
}

func TestQueryOf(t *testing.T) {
	if got := queryOf("http://127.0.0.1:1/graphql?op=Q5"); got != "Q5" {
		t.Errorf("queryOf = %q", got)
	}
}

func TestKillTimes(t *testing.T) {
	m := time.Minute
	for _, c := range []struct {
		d, every time.Duration
		want     []time.Duration
	}{
		{30 * m, 5 * m, []time.Duration{5 * m, 10 * m, 15 * m, 20 * m, 25 * m}},
		{3 * m, 5 * m, []time.Duration{m}},
		{10 * m, 5 * m, []time.Duration{5 * m}},
		{12 * m, 5 * m, []time.Duration{5 * m}},
		{13 * m, 5 * m, []time.Duration{5 * m, 10 * m}},
	} {
		if got := killTimes(c.d, c.every); !slices.Equal(got, c.want) {
			t.Errorf("killTimes(%s, %s) = %v, want %v", c.d, c.every, got, c.want)
		}
	}
}

func TestCountEstablished(t *testing.T) {
	table := `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 0100007F:A0B3 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1
   1: 0100007F:A0B3 0100007F:D431 01 00000000:00000000 00:00000000 00000000     0        0 2 1
   2: 0100007F:D431 0100007F:A0B3 01 00000000:00000000 00:00000000 00000000     0        0 3 1
   3: 0100007F:A0B3 0100007F:D432 06 00000000:00000000 00:00000000 00000000     0        0 4 1
   4: 0100007F:A0B3 0100007F:D433 01 00000000:00000000 00:00000000 00000000     0        0 5 1
`
	// 0xA0B3 = 41139: two established server-side sockets; the listener,
	// the TIME_WAIT one and the client's side do not count.
	if got := countEstablished(table, 41139); got != 2 {
		t.Errorf("countEstablished = %d, want 2", got)
	}
}

func TestTimeline(t *testing.T) {
	ws := []window{{Kill: at(25), Ready: at(28)}}
	read := func(s, took float64, code string) outcome {
		return outcome{Op: "Q1", Start: at(s), End: at(s + took), Status: 200, Code: code}
	}
	os := []outcome{
		read(1, 0.010, ""), read(2, 0.030, ""), read(3, 0.020, ""),
		{Op: "ingest", Start: at(4), End: at(4.2), Status: 200},
		read(26, 0.001, "UNAVAILABLE"),
		read(45, 2, "UNAVAILABLE"), // after the outage and its grace: a violation
		{Op: "delete", Start: at(46), End: at(47), Status: 200, Code: "INTERNAL"},
	}
	ss := []sample{{At: at(1), Goroutines: 10, RSSKiB: 2048}, {At: at(2), Goroutines: 30, RSSKiB: 4096}, {At: at(3), Goroutines: 20, RSSKiB: 3072}}
	got := timeline(os, ss, ws, 10*time.Second, t0, 20*time.Second)
	if len(got) != 3 {
		t.Fatalf("%d stretches, want 3: %+v", len(got), got)
	}
	first, second, third := got[0], got[1], got[2]
	if first.Reads != 3 || first.ReadsOK != 3 || first.Writes != 1 || first.Outage {
		t.Errorf("first stretch: %+v", first)
	}
	if first.ReadP50.Round(time.Millisecond) != 20*time.Millisecond || first.ReadP99.Round(time.Millisecond) != 30*time.Millisecond {
		t.Errorf("first stretch's latencies: p50 %s, p99 %s", first.ReadP50, first.ReadP99)
	}
	if first.Goroutines != 20 || first.RSSKiB != 3072 {
		t.Errorf("first stretch's resources: %d goroutines, %d KiB", first.Goroutines, first.RSSKiB)
	}
	if !second.Outage || second.Reads != 1 || second.ReadsOK != 0 || second.Unavailable != 1 || second.Bad != 0 {
		t.Errorf("second stretch: %+v", second)
	}
	if third.Outage || third.Unavailable != 1 || third.Bad != 2 || third.Writes != 0 || third.From != 40*time.Second {
		t.Errorf("third stretch: %+v", third)
	}
}

func TestTimelineStep(t *testing.T) {
	for _, c := range []struct {
		d, want time.Duration
	}{{3 * time.Minute, 10 * time.Second}, {30 * time.Minute, time.Minute}, {10 * time.Minute, 20 * time.Second}} {
		if got := timelineStep(c.d); got != c.want {
			t.Errorf("timelineStep(%s) = %s, want %s", c.d, got, c.want)
		}
	}
}

func TestMaxSpan(t *testing.T) {
	for _, c := range []struct{ run, want time.Duration }{
		{3 * time.Minute, 6 * time.Second},
		{10 * time.Minute, 10 * time.Second},
		{30 * time.Minute, 30 * time.Second},
		{2 * time.Hour, 30 * time.Second},
	} {
		if got := maxSpan(c.run); got != c.want {
			t.Errorf("maxSpan(%s) = %s, want %s", c.run, got, c.want)
		}
	}
}
