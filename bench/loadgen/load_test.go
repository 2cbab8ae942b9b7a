package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestClosedLoopKeepsOneConnectionPerWorkerAndCyclesTheTokens(t *testing.T) {
	var mu sync.Mutex
	seen := map[string]int{}
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen[r.Header.Get("X-Session-Token")]++
		mu.Unlock()
		time.Sleep(time.Millisecond)
	}))
	defer server.Close()
	var dials atomic.Int64
	client := newPooledClient(4, &dials)
	tokens := []string{"a", "b", "c", "d", "e", "f", "g", "h"}
	load := runClosedLoop(client, []string{server.URL}, tokens, 4, 300*time.Millisecond)
	if load.Errors != 0 || len(load.Latencies) < 40 {
		t.Fatalf("expected many successful requests and no errors, got %d ok, %d errors (%s)", len(load.Latencies), load.Errors, load.FirstError)
	}
	if dials.Load() > 4 {
		t.Errorf("4 workers should need at most 4 connections, opened %d", dials.Load())
	}
	if len(seen) != len(tokens) {
		t.Errorf("every token should have been used, saw %d of %d", len(seen), len(tokens))
	}
	for token, n := range seen {
		if n < len(load.Latencies)/len(tokens)-1 {
			t.Errorf("tokens should be used evenly: %q used %d times of %d requests", token, n, len(load.Latencies))
		}
	}
}

func TestClosedLoopCountsNon200AsErrors(t *testing.T) {
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusServiceUnavailable)
	}))
	defer server.Close()
	load := runClosedLoop(newPooledClient(2, nil), []string{server.URL}, nil, 2, 100*time.Millisecond)
	if len(load.Latencies) != 0 || load.Errors == 0 || load.FirstError != "HTTP 503 from "+server.URL {
		t.Errorf("503s should all be errors, with the first one described; got %d ok, %d errors, %q", len(load.Latencies), load.Errors, load.FirstError)
	}
}

func TestBurstReleasesAllRequestsTogether(t *testing.T) {
	const n = 20
	var arrived sync.WaitGroup
	arrived.Add(n)
	allThere := make(chan struct{})
	go func() { arrived.Wait(); close(allThere) }()
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/open" {
			return
		}
		arrived.Done()
		// Each request waits for all the others: they can only all succeed if they were in flight together.
		select {
		case <-allThere:
		case <-time.After(5 * time.Second):
			w.WriteHeader(http.StatusGatewayTimeout)
		}
	}))
	defer server.Close()
	load, err := runBurst(server.URL+"/open", server.URL+"/burst", "fresh", n)
	if err != nil {
		t.Fatalf("runBurst: %v", err)
	}
	if load.Errors != 0 || len(load.Latencies) != n {
		t.Errorf("all %d requests should have been in flight together; %d errors (%s)", n, load.Errors, load.FirstError)
	}
}

func TestWarmUpStopsWhenTheThroughputStopsImproving(t *testing.T) {
	rule := WarmupRule{Least: 5 * time.Second, Most: time.Minute, MinRequests: 1000}
	if warmedUp(2*time.Second, 5000, 2, 0, rule) {
		t.Error("the warm-up should not stop before its minimum time")
	}
	if warmedUp(6*time.Second, 999, 2, 0, rule) {
		t.Error("the warm-up should not stop before its minimum number of requests")
	}
	if warmedUp(6*time.Second, 5000, 1, 0, rule) {
		t.Error("one slice without improvement may be noise: the warm-up should go on")
	}
	if warmedUp(6*time.Second, 5000, 2, 0.5, rule) {
		t.Error("a JIT still compiling on half a CPU would slow the measurement down: the warm-up should go on")
	}
	if !warmedUp(6*time.Second, 5000, 2, 0.05, rule) {
		t.Error("two slices in a row without improvement and a quiet JIT mean the server is warm")
	}
}

func TestWarmUpEndsAtItsLongestTime(t *testing.T) {
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer server.Close()
	took := warmUp(newPooledClient(2, nil), []string{server.URL}, nil, 2, WarmupRule{Most: 200 * time.Millisecond, MinRequests: 1 << 30}).Took
	if took < 200*time.Millisecond || took > 2*time.Second {
		t.Errorf("a warm-up that never levels off should end at its longest time, 200 ms; it took %v", took)
	}
}

func TestPickSendsEverySessionToEveryInstanceAndAlternatesInstances(t *testing.T) {
	for _, tokens := range []int{1, 2, 3, 200, 201} {
		seen := map[[2]int]bool{}
		previous := -1
		for n := uint64(0); n < uint64(4*tokens); n++ {
			token, url := pick(n, tokens, 2)
			if want := int(n % uint64(tokens)); token != want {
				t.Fatalf("%d tokens: request %d should use token %d, got %d", tokens, n, want, token)
			}
			if tokens > 1 && url == previous && n%uint64(tokens) != 0 {
				t.Errorf("%d tokens: requests %d and %d went to the same instance %d", tokens, n-1, n, url)
			}
			previous = url
			seen[[2]int{token, url}] = true
		}
		if len(seen) != 2*tokens {
			t.Errorf("%d tokens: over two passes every token should reach both instances, saw %d of %d pairs", tokens, len(seen), 2*tokens)
		}
	}
	if token, url := pick(5, 0, 2); token != -1 || url != 1 {
		t.Errorf("without tokens the requests only alternate instances: expected (-1, 1), got (%d, %d)", token, url)
	}
}

func TestClosedLoopAlternatesBetweenTheURLs(t *testing.T) {
	var a, b atomic.Int64
	serverA := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { a.Add(1) }))
	defer serverA.Close()
	serverB := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { b.Add(1) }))
	defer serverB.Close()
	load := runClosedLoop(newPooledClient(8, nil), []string{serverA.URL, serverB.URL}, []string{"x", "y", "z"}, 4, 200*time.Millisecond)
	if load.Errors != 0 || a.Load() == 0 || b.Load() == 0 {
		t.Fatalf("both instances should have been asked without errors: a %d, b %d, %d errors", a.Load(), b.Load(), load.Errors)
	}
	if diff := a.Load() - b.Load(); diff > 4 || diff < -4 {
		t.Errorf("the requests should be shared evenly between the instances: a %d, b %d", a.Load(), b.Load())
	}
}

func TestRunEachSendsEveryTokenExactlyOnce(t *testing.T) {
	var mu sync.Mutex
	seen := map[string]int{}
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen[r.Header.Get("X-Session-Token")]++
		mu.Unlock()
	}))
	defer server.Close()
	var tokens []string
	for i := 0; i < 500; i++ {
		tokens = append(tokens, fmt.Sprint("t", i))
	}
	load := runEach(newPooledClient(8, nil), server.URL, tokens, 8)
	if load.Errors != 0 || len(load.Latencies) != len(tokens) || len(seen) != len(tokens) {
		t.Fatalf("expected %d requests with %d distinct tokens, got %d ok, %d errors, %d tokens", len(tokens), len(tokens), len(load.Latencies), load.Errors, len(seen))
	}
	for token, n := range seen {
		if n != 1 {
			t.Errorf("token %s was sent %d times", token, n)
		}
	}
}

func TestTheClusterWarmsUpTwiceAsLongAtMostAndTheBurstBriefly(t *testing.T) {
	cfg := Config{Warmup: 45 * time.Second, WarmupMax: 3 * time.Minute, WarmupRequests: 20000}
	if r := warmupRule(scenarioCached, cfg, nil); r.Most != 3*time.Minute || r.MinRequests != 20000 || r.Least != 45*time.Second {
		t.Errorf("cached should warm up as configured, got %+v", r)
	}
	if r := warmupRule(scenarioCachedCluster, cfg, nil); r.Most != 6*time.Minute || r.MinRequests != 40000 || r.Least != 45*time.Second {
		t.Errorf("each cluster member sees half the requests: twice the longest time and the fewest requests, got %+v", r)
	}
	if r := warmupRule(scenarioSingleFlight, cfg, nil); r.Most != singleFlightWarmup || r.Least != singleFlightWarmup {
		t.Errorf("single-flight should warm up briefly, got %+v", r)
	}
}
