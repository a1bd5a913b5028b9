package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log"
	mrand "math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"

	"newsgraph/bench/workload"
	"newsgraph/internal/config"
	"newsgraph/internal/ingest"
	"newsgraph/internal/loadtest"
	"newsgraph/internal/store"
)

const (
	ingestMutation = `mutation Ingest($d: SourceDocumentInput!) { ingestSource(document: $d) { source { id } } }`
	deleteMutation = `mutation Delete($id: ID!) { deleteSource(id: $id) { id } }`
)

// loadDocs loads documents [from, to) through ingest.LoadBatch, one a
// transaction, in order, as the writer sends them: where two documents
// give a shared fact (an event's date, say) different values, the last
// one loaded wins, so the clean load must follow the same order (a batch
// of several would let either win).
func loadDocs(ctx context.Context, st *store.Store, docs *documents, from, to int) error {
	for k := from; k < to; k++ {
		d, err := docs.read(k)
		if err != nil {
			return err
		}
		if _, err := ingest.LoadBatch(ctx, st, []*ingest.Document{d}); err != nil {
			return fmt.Errorf("source %d: %w", k, err)
		}
	}
	return nil
}

func (d *documents) read(k int) (*ingest.Document, error) {
	p, err := d.path(k)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ingest.Parse(f)
}

func randomToken() string {
	b := make([]byte, 24)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// server is the newsgraph process under test.
type server struct {
	url     string
	cmd     *exec.Cmd
	logPath string
	// pprof is the server's profiling listener (NEWSGRAPH_PPROF_ADDR), for
	// the goroutine and heap profiles that explain a growth in either.
	pprof string
	once  sync.Once
}

func (s *server) stop() {
	s.once.Do(func() {
		s.cmd.Process.Signal(os.Interrupt)
		s.cmd.Wait()
	})
}

func startServer(o options, cfg config.Config, token string) *server {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	pl, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	pprofAddr := pl.Addr().String()
	pl.Close()
	logPath := filepath.Join(o.work, "newsgraph.log")
	lf, err := os.Create(logPath)
	if err != nil {
		log.Fatal(err)
	}
	cmd := exec.Command(o.server)
	cmd.Env = append(os.Environ(), "ADDR="+addr, "NEWSGRAPH_SEED=false", "NEWSGRAPH_API_TOKEN="+token,
		"NEWSGRAPH_COMPLEXITY_LIMIT=1000000", "LOG_LEVEL=warn", "NEO4J_URI="+cfg.Neo4j.URI, "NEWSGRAPH_PPROF_ADDR="+pprofAddr)
	cmd.Stdout, cmd.Stderr = lf, lf
	// The server goes with the harness, however the harness ends.
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGTERM}
	if err := cmd.Start(); err != nil {
		log.Fatalf("%s: %v", o.server, err)
	}
	s := &server{url: "http://" + addr, cmd: cmd, logPath: logPath, pprof: "http://" + pprofAddr}
	for i := 0; ; i++ {
		if res, err := http.Get(s.url + "/readyz"); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				break
			}
		}
		if i > 600 {
			s.stop()
			log.Fatalf("newsgraph did not become ready; its log: %s", logPath)
		}
		time.Sleep(100 * time.Millisecond)
	}
	log.Printf("newsgraph pid %d on %s", cmd.Process.Pid, s.url)
	return s
}

// harness holds the run's shared record.
type harness struct {
	o     options
	srv   *server
	token string
	docs  *documents

	mu       sync.Mutex
	outcomes []outcome
	states   map[string]state // by source id
	done     chan struct{}    // closed when the load stops
	acked    []string         // sources acknowledged present, to delete from
	inAcked  map[string]bool  // the ids in acked
	writing  string           // the source the writer is sending now
	deleting map[string]bool  // sources the deleter holds (sending, or to retry)
	// seq orders each source by its writer's last attempt: the live
	// graph's order of ingests, which the clean load follows (a shared
	// fact two documents give differently keeps the last one's value).
	seq      map[string]int
	nextSeq  int
	windows  []window
	burst    window // the maximum's measurement, from its start to the load's (zero with -rate)
	samples  []sample
	written  int // ingests acknowledged
	removed  int // deletes acknowledged
	recovery []time.Duration
}

// running says whether the load goes on.
func (h *harness) running() bool {
	select {
	case <-h.done:
		return false
	default:
		return true
	}
}

func (h *harness) record(o outcome) {
	h.mu.Lock()
	h.outcomes = append(h.outcomes, o)
	h.mu.Unlock()
}

func graphQLBody(query string, vars map[string]any) []byte {
	b, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	return b
}

// post sends one GraphQL request with the API token and records its fate.
func (h *harness) post(c *http.Client, op string, body []byte) outcome {
	req, _ := http.NewRequest(http.MethodPost, h.srv.url+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+h.token)
	o := outcome{Op: op, Start: time.Now()}
	res, err := c.Do(req)
	if err != nil {
		o.End, o.NetErr = time.Now(), err.Error()
		return o
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	o.End, o.Status = time.Now(), res.StatusCode
	code, msg, hasErrors := readCode(b)
	o.Code, o.Message, o.NoCode = code, msg, hasErrors && code == ""
	return o
}

// write ingests documents from first on, one at a time, until end. A
// document whose ingest was not acknowledged is sent again (the mutation
// is idempotent) until it is, pausing while Neo4j is down.
func (h *harness) write(first int) {
	c := &http.Client{Timeout: 60 * time.Second}
	for k := first; h.running(); k++ {
		// The writer goes round a pool of -pool documents: past the
		// pool it sends the first ones again, replacing them (or bringing
		// back those deleted), so the graph stays the size the read rate
		// was measured on instead of growing all run long.
		n := k % h.o.pool
		id := sourceID(n)
		h.mu.Lock()
		held := h.deleting[id]
		if !held {
			h.writing = id
		}
		h.mu.Unlock()
		if held {
			continue
		}
		d, err := h.docs.path(n)
		var raw []byte
		if err == nil {
			raw, err = os.ReadFile(d)
		}
		if err != nil {
			log.Fatalf("writer: %v", err)
		}
		body := graphQLBody(ingestMutation, map[string]any{"d": json.RawMessage(raw)})
		for h.running() {
			h.mu.Lock()
			if h.states[id] != present {
				h.states[id] = uncertain
			}
			h.seq[id] = h.nextSeq
			h.nextSeq++
			h.mu.Unlock()
			o := h.post(c, "ingest", body)
			h.record(o)
			if o.succeeded() {
				h.mu.Lock()
				h.states[id] = present
				if !h.inAcked[id] {
					h.acked = append(h.acked, id)
					h.inAcked[id] = true
				}
				h.written++
				h.mu.Unlock()
				break
			}
			if o.Code != "UNAVAILABLE" {
				log.Printf("writer: %s: %s %s %s", id, o.Code, o.NetErr, http.StatusText(o.Status))
				break // a violation, reported by the check; the next document
			}
			time.Sleep(250 * time.Millisecond)
		}
		h.mu.Lock()
		h.writing = ""
		h.mu.Unlock()
	}
}

// deleteLoop deletes a random acknowledged source every deleteEvery. A
// delete not acknowledged is tried again at the next tick, when NOT_FOUND
// means the lost attempt did it.
func (h *harness) deleteLoop() {
	c := &http.Client{Timeout: 60 * time.Second}
	rng := mrand.New(mrand.NewPCG(7, 7))
	t := time.NewTicker(h.o.deleteEvery)
	defer t.Stop()
	retry := ""
	for {
		select {
		case <-h.done:
			return
		case <-t.C:
		}
		id := retry
		h.mu.Lock()
		if id == "" && len(h.acked) > 0 {
			// Never the source the writer is sending: which of the two
			// committed last would be unknown.
			i := rng.IntN(len(h.acked))
			if h.acked[i] != h.writing {
				id = h.acked[i]
				h.acked[i] = h.acked[len(h.acked)-1]
				h.acked = h.acked[:len(h.acked)-1]
				h.inAcked[id] = false
				h.deleting[id] = true
			}
		}
		if id != "" {
			h.states[id] = uncertain
		}
		h.mu.Unlock()
		if id == "" {
			continue
		}
		o := h.post(c, "delete", graphQLBody(deleteMutation, map[string]any{"id": id}))
		o.NotFoundOK = retry != ""
		h.record(o)
		switch {
		case o.NetErr == "" && o.Status == 200 && !o.NoCode && (o.Code == "" || o.Code == "NOT_FOUND" && o.NotFoundOK):
			h.mu.Lock()
			h.states[id] = deleted
			h.removed++
			h.deleting[id] = false
			h.mu.Unlock()
			retry = ""
		case o.Code == "UNAVAILABLE" || o.NetErr != "":
			retry = id
		default:
			log.Printf("deleter: %s: %s %s", id, o.Code, http.StatusText(o.Status))
			h.mu.Lock()
			h.deleting[id] = false
			h.mu.Unlock()
			retry = ""
		}
	}
}

// read holds the read rate with vegeta, a random mix of Q1…Q7, until the
// load stops, after a ramp from zero over the first half of the warm-up.
func (h *harness) read(p workload.Set, rate int) {
	// At most 16 idle connections are kept, as a browser or a proxy's
	// keep-alive pool would: the backlog after a restart opens up to 256,
	// and with 64 kept the server held ~50 more idle connections (their
	// goroutines, grown stacks and buffers: ~5 MiB of RSS) until its idle
	// timeout, which the growth check then counted as the server's.
	c := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 16}}
	defer c.CloseIdleConnections()
	attacker := vegeta.NewAttacker(vegeta.Client(c), vegeta.MaxWorkers(256), vegeta.MaxBody(1<<20))
	go func() { <-h.done; attacker.Stop() }()
	var batch []outcome
	for res := range attacker.Attack(targeter(p, h.srv.url, 9), rampPacer{rate: float64(rate), ramp: h.o.warmup / 2}, 0, "soak") {
		o := outcome{Op: queryOf(res.URL), Start: res.Timestamp, End: res.End(), Status: int(res.Code)}
		if res.Code == 0 {
			o.NetErr = res.Error
		} else {
			code, msg, hasErrors := readCode(res.Body)
			o.Code, o.Message, o.NoCode = code, msg, hasErrors && code == ""
		}
		batch = append(batch, o)
		if len(batch) == 1000 {
			h.mu.Lock()
			h.outcomes = append(h.outcomes, batch...)
			h.mu.Unlock()
			batch = batch[:0]
		}
	}
	h.mu.Lock()
	h.outcomes = append(h.outcomes, batch...)
	h.mu.Unlock()
}

// queryOf reads the query's name from a read's URL: vegeta's results do
// not carry the request body, so the targeter names the query in the URL
// (?op=Q1), which the server ignores on a POST.
func queryOf(u string) string {
	if _, q, ok := strings.Cut(u, "?op="); ok {
		return q
	}
	return "read"
}

// maximum measures the read mix's maximum throughput: 16 clients in a
// closed loop, 3 s of warm-up then d counted. The writer beside it pauses
// while bench/gen writes its next chunk of documents; 6 s could fall in
// such a pause and measure a maximum the run then cannot hold (run 15 of
// the 30-minute soak: reads at 50% of it saturated the box for minutes).
func maximum(base string, p workload.Set, d time.Duration) float64 {
	burst := func(d time.Duration) (float64, int) {
		c := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 16}}
		defer c.CloseIdleConnections()
		a := vegeta.NewAttacker(vegeta.Client(c), vegeta.Workers(16), vegeta.MaxWorkers(16), vegeta.MaxBody(1<<20))
		ok, all := 0, 0
		start := time.Now()
		for res := range a.Attack(targeter(p, base, 3), vegeta.Rate{}, d, "max") {
			all++
			if _, _, hasErrors := readCode(res.Body); res.Code == 200 && !hasErrors {
				ok++
			}
		}
		return float64(ok) / time.Since(start).Seconds(), all - ok
	}
	burst(3 * time.Second)
	m, failed := burst(d)
	log.Printf("maximum read throughput (16 clients, closed loop, the Q1…Q7 mix, over %s): %.1f/s answered, %d failed", d, m, failed)
	time.Sleep(3 * time.Second) // for Neo4j to finish what the burst left running
	return m
}

// killLoop SIGKILLs the soak's Neo4j every killEvery and starts it again
// with tools/neo4j/start (same port, same data), recording each outage
// from the kill to Neo4j answering, and how long the server took to be
// ready again after that.
func (h *harness) killLoop(start time.Time) {
	for n, after := range killTimes(h.o.duration, h.o.killEvery) {
		time.Sleep(time.Until(start.Add(after)))
		pid, err := neo4jPid(h.o.neo4jDir)
		if err != nil {
			log.Fatalf("kill: %v", err)
		}
		w := window{Kill: time.Now()}
		if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
			log.Fatalf("kill %d: %v", pid, err)
		}
		for syscall.Kill(pid, 0) == nil {
			time.Sleep(20 * time.Millisecond)
		}
		h.mu.Lock()
		h.windows = append(h.windows, w)
		h.mu.Unlock()
		keepNeo4jLog(h.o, n+1)
		log.Printf("Neo4j (pid %d) SIGKILLed; starting it again", pid)
		// tools/neo4j/start waits for Bolt; when that takes longer than
		// its bound (a crowded machine), starting again waits for the same
		// launcher.
		for attempt := 1; ; attempt++ {
			cmd := exec.Command("tools/neo4j/start")
			cmd.Env = append(os.Environ(), "NEO4J_DIR="+h.o.neo4jDir, "NEO4J_PORT="+h.o.neo4jPort, "NEO4J_AUTH=true")
			out, err := cmd.CombinedOutput()
			if err == nil {
				break
			}
			if attempt == 3 {
				h.srv.stop()
				log.Fatalf("tools/neo4j/start: %v\n%s", err, out)
			}
			log.Printf("tools/neo4j/start: %v; waiting again", err)
		}
		ready := time.Now()
		h.mu.Lock()
		h.windows[len(h.windows)-1].Ready = ready
		h.mu.Unlock()
		back := h.waitReady(ready.Add(time.Minute))
		h.mu.Lock()
		h.recovery = append(h.recovery, back)
		h.mu.Unlock()
		log.Printf("Neo4j ready %s after the kill; newsgraph ready %s after that",
			ready.Sub(w.Kill).Round(100*time.Millisecond), back.Round(10*time.Millisecond))
	}
}

// waitReady returns how long until the server's /readyz says 200.
func (h *harness) waitReady(deadline time.Time) time.Duration {
	start := time.Now()
	for time.Now().Before(deadline) {
		if res, err := http.Get(h.srv.url + "/readyz"); err == nil {
			res.Body.Close()
			if res.StatusCode == 200 {
				break
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	return time.Since(start)
}

// keepNeo4jLog copies the debug.log of the Neo4j start that was just
// killed into the work directory (neo4j-debug-before-kill-N.log): the
// next start clears the launcher's home, and with it the log that would
// say whether a stall before the kill was Neo4j's (a collection, a
// checkpoint, replanning).
func keepNeo4jLog(o options, n int) {
	logs, _ := filepath.Glob(filepath.Join(o.neo4jDir, "run", "*", "logs", "debug.log"))
	for _, f := range logs {
		b, err := os.ReadFile(f)
		if err != nil {
			log.Printf("keeping Neo4j's log: %v", err)
			continue
		}
		if err := os.WriteFile(filepath.Join(o.work, fmt.Sprintf("neo4j-debug-before-kill-%d.log", n)), b, 0o644); err != nil {
			log.Printf("keeping Neo4j's log: %v", err)
		}
	}
}

// neo4jPid reads the pid file tools/neo4j/start wrote, and makes sure the
// process is that instance's launcher (its NEO4J_DIR is dir), never
// another JVM.
func neo4jPid(dir string) (int, error) {
	b, err := os.ReadFile(filepath.Join(dir, "neo4j.pid"))
	if err != nil {
		return 0, err
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil {
		return 0, fmt.Errorf("%s/neo4j.pid: %v", dir, err)
	}
	cmdline, _ := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid))
	environ, _ := os.ReadFile(fmt.Sprintf("/proc/%d/environ", pid))
	if !bytes.Contains(cmdline, []byte("newsgraph.neo4j.Launcher")) || !bytes.Contains(environ, []byte("NEO4J_DIR="+dir+"\x00")) {
		return 0, fmt.Errorf("pid %d is not the Neo4j launcher of %s", pid, dir)
	}
	return pid, nil
}

// sampleLoop reads the server's RSS and goroutines every second; from the
// goroutines it takes one for each open client connection (clientConns).
func (h *harness) sampleLoop() {
	c := &http.Client{Timeout: 5 * time.Second}
	pid := h.srv.cmd.Process.Pid
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(h.srv.url, "http://"))
	for h.running() {
		s := sample{At: time.Now(), RSSKiB: loadtest.RSSKiB(pid), Goroutines: goroutines(c, h.srv.url)}
		if s.RSSKiB > 0 && s.Goroutines > 0 {
			s.Conns = clientConns(port)
			s.Goroutines -= s.Conns
			h.mu.Lock()
			h.samples = append(h.samples, s)
			h.mu.Unlock()
		}
		time.Sleep(time.Second)
	}
}

// clientConns counts the established TCP connections whose local port is
// port (the server's side of each client connection), from /proc/net.
func clientConns(port string) int {
	p, _ := strconv.Atoi(port)
	n := 0
	for _, f := range []string{"/proc/net/tcp", "/proc/net/tcp6"} {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		n += countEstablished(string(b), p)
	}
	return n
}

// countEstablished counts the lines of a /proc/net/tcp table whose local
// port is port and whose state is ESTABLISHED (01).
func countEstablished(table string, port int) int {
	n := 0
	suffix := fmt.Sprintf(":%04X", port)
	for _, line := range strings.Split(table, "\n") {
		f := strings.Fields(line)
		if len(f) > 3 && strings.HasSuffix(f[1], suffix) && f[3] == "01" {
			n++
		}
	}
	return n
}

// goroutines reads go_goroutines from the server's /metrics.
func goroutines(c *http.Client, base string) int {
	res, err := c.Get(base + "/metrics")
	if err != nil {
		return 0
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return metric(string(b), "go_goroutines")
}

// metric returns an unlabelled gauge's value from Prometheus text.
func metric(text, name string) int {
	for _, line := range strings.Split(text, "\n") {
		if rest, ok := strings.CutPrefix(line, name+" "); ok {
			f, _ := strconv.ParseFloat(strings.TrimSpace(rest), 64)
			return int(f)
		}
	}
	return 0
}

// saveProfile saves one of the server's pprof profiles (path and query
// under /debug/pprof/) in the work directory as name, and returns the
// file's path ("" when that failed). Taken after warm-up and at the end:
// the goroutines grouped by stack (goroutine?debug=1) show what a growth
// in goroutines is made of, and the live heap after a collection
// (heap?gc=1; compare with go tool pprof -base) what a growth in RSS is.
func saveProfile(o options, s *server, profile, name string) string {
	c := &http.Client{Timeout: 30 * time.Second}
	res, err := c.Get(s.pprof + "/debug/pprof/" + profile)
	if err != nil {
		log.Printf("profile %s: %v", profile, err)
		return ""
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		log.Printf("profile %s: %v", profile, err)
		return ""
	}
	path := filepath.Join(o.work, name)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		log.Printf("profile %s: %v", profile, err)
		return ""
	}
	return path
}

// saveProfiles saves the goroutines and the live heap, named after when
// (warm, end), and returns the files saved.
func saveProfiles(o options, s *server, when string) []string {
	var saved []string
	for _, p := range []struct{ profile, name string }{
		{"goroutine?debug=1", "goroutines-" + when + ".txt"},
		{"heap?gc=1", "heap-" + when + ".pb.gz"},
	} {
		if path := saveProfile(o, s, p.profile, p.name); path != "" {
			saved = append(saved, path)
		}
	}
	return saved
}
