package main

import (
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
	load := runClosedLoop(client, server.URL, tokens, 4, 300*time.Millisecond)
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
	load := runClosedLoop(newPooledClient(2, nil), server.URL, nil, 2, 100*time.Millisecond)
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
	took := warmUp(newPooledClient(2, nil), server.URL, nil, 2, WarmupRule{Most: 200 * time.Millisecond, MinRequests: 1 << 30}).Took
	if took < 200*time.Millisecond || took > 2*time.Second {
		t.Errorf("a warm-up that never levels off should end at its longest time, 200 ms; it took %v", took)
	}
}
