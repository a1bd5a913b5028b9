// Package loadtest sends bounded GraphQL read load to a server on loopback
// and records each request's fate, for the tests that take Neo4j or the
// server away under load; and reads a process's memory and CPU time, for
// the benchmark and the soak.
package loadtest

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Outcome is one request's fate under load.
type Outcome struct {
	Start  time.Time
	Took   time.Duration
	Status int
	Code   string // the first error's extensions.code, "" for success
	NetErr error
}

// queries are cheap reads of three kinds: a lookup, a page, a search.
var queries = []string{
	`{ entity(id: "nation:ukraine") { name } }`,
	`{ statements(first: 5) { nodes { text speaker { name } } } }`,
	`{ search(query: "troops", first: 3) { score } }`,
}

// Until sends queries to base's /graphql from workers until stop closes,
// at most until bound has passed, and returns every outcome.
func Until(base string, workers int, stop <-chan struct{}, bound time.Duration) []Outcome {
	var mu sync.Mutex
	var all []Outcome
	var wg sync.WaitGroup
	deadline := time.Now().Add(bound)
	c := &http.Client{Timeout: 10 * time.Second}
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; time.Now().Before(deadline); i++ {
				select {
				case <-stop:
					return
				default:
				}
				o := Outcome{Start: time.Now()}
				res, err := c.Get(base + "/graphql?query=" + url.QueryEscape(queries[(i+w)%len(queries)]))
				o.Took = time.Since(o.Start)
				if err != nil {
					o.NetErr = err
				} else {
					body, _ := io.ReadAll(res.Body)
					res.Body.Close()
					o.Status = res.StatusCode
					if i := strings.Index(string(body), `"code":"`); i >= 0 {
						rest := string(body)[i+8:]
						o.Code = rest[:strings.IndexByte(rest, '"')]
					}
				}
				mu.Lock()
				all = append(all, o)
				mu.Unlock()
				time.Sleep(20 * time.Millisecond)
			}
		}()
	}
	wg.Wait()
	return all
}

// RSSKiB is a process's resident set size in KiB, read from /proc; 0 when
// the process is gone or the system has no /proc. The benchmark and the
// soak sample the server's memory under load with it.
func RSSKiB(pid int) int64 { return statusKiB(pid, "VmRSS:") }

// PeakRSSKiB is the highest resident set size a process has had since it
// started (VmHWM), in KiB; 0 as for RSSKiB. Unlike sampling it misses no
// short peak between samples.
func PeakRSSKiB(pid int) int64 { return statusKiB(pid, "VmHWM:") }

// statusKiB reads one "Name:   123 kB" line of /proc/<pid>/status.
func statusKiB(pid int, field string) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, field); ok {
			n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return n
		}
	}
	return 0
}

// CPUSeconds is the user and system CPU time process pid has used so far,
// read from /proc/<pid>/stat (Linux). The benchmark tools divide its
// growth over a load phase by the requests served: CPU per request, which
// other work on a shared machine moves less than it moves wall time.
func CPUSeconds(pid int) (float64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	// Fields after the command name (in parentheses): utime and stime are
	// the 12th and 13th, in clock ticks (100 a second on Linux).
	f := strings.Fields(string(b[strings.LastIndexByte(string(b), ')')+1:]))
	if len(f) < 13 {
		return 0, fmt.Errorf("/proc/%d/stat: %d fields", pid, len(f))
	}
	user, err1 := strconv.ParseFloat(f[11], 64)
	sys, err2 := strconv.ParseFloat(f[12], 64)
	if err := errors.Join(err1, err2); err != nil {
		return 0, fmt.Errorf("/proc/%d/stat: %w", pid, err)
	}
	return (user + sys) / 100, nil
}
