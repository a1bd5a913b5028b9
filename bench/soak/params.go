package main

import (
	"log"
	"math/rand/v2"
	"net/http"
	"sync"

	vegeta "github.com/tsenart/vegeta/v12/lib"

	"newsgraph/bench/workload"
)

// targeter draws a query of the mix and its parameters, with a seeded
// generator, and names the query in the URL (see queryOf).
func targeter(p workload.Set, base string, seed uint64) vegeta.Targeter {
	var mu sync.Mutex
	rng := rand.New(rand.NewPCG(seed, seed))
	return func(t *vegeta.Target) error {
		mu.Lock()
		q, i := workload.Names[rng.IntN(len(workload.Names))], rng.IntN(1<<20)
		mu.Unlock()
		*t = vegeta.Target{Method: http.MethodPost, URL: base + "/graphql?op=" + q,
			Body: graphQLBody(workload.Queries[q], workload.Vars(q, p.Pick(q, i), p.Cursors)), Header: http.Header{"Content-Type": {"application/json"}}}
		return nil
	}
}

// params draws the parameters from the graph, like bench/run (in the
// graph's order: bench/run shuffles them), and Q5's first 20 pages as
// newsgraph gives them.
func params(base string) workload.Set {
	ask := workload.HTTP(http.DefaultClient, base)
	p, err := workload.Discover(ask)
	if err == nil {
		err = p.WalkQ5(ask)
	}
	if err != nil {
		log.Fatal(err)
	}
	return p
}
