package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// LoadResult is what one stretch of load measured.
type LoadResult struct {
	Latencies  []time.Duration // of the successful (200) requests
	Errors     int             // non-200 answers and transport errors
	FirstError string          // the first error, for the report (never contains a token)
	Elapsed    time.Duration   // from the first request sent to the last answer read
}

// Requests is the number of requests sent.
func (r LoadResult) Requests() int {
	return len(r.Latencies) + r.Errors
}

// newPooledClient is a keep-alive client whose pool holds exactly one connection per worker, so that a
// closed loop of `size` workers never opens a connection after the warm-up nor waits for one. It counts the
// connections it opens in dials (when not nil), to show that it does.
func newPooledClient(size int, dials *atomic.Int64) *http.Client {
	dialer := &net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}
	transport := &http.Transport{
		Proxy: nil, // loopback only; ignore any HTTP_PROXY of the environment
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			if dials != nil {
				dials.Add(1)
			}
			return dialer.DialContext(ctx, network, addr)
		},
		MaxIdleConns:        size,
		MaxIdleConnsPerHost: size,
		MaxConnsPerHost:     size,
		IdleConnTimeout:     2 * time.Minute,
		DisableCompression:  true,
		ForceAttemptHTTP2:   false,
	}
	return &http.Client{Transport: transport, Timeout: 30 * time.Second}
}

// runClosedLoop keeps `concurrency` requests in flight for `duration`: each worker sends its next request as
// soon as it has read the previous answer. Requests cycle through the tokens (none when tokens is empty), so
// each token is used by one worker at a time as long as there are more tokens than workers, and through the
// urls (see pick).
func runClosedLoop(client *http.Client, urls []string, tokens []string, concurrency int, duration time.Duration) LoadResult {
	var next atomic.Uint64
	perWorker := make([]LoadResult, concurrency)
	var wg sync.WaitGroup
	start := time.Now()
	deadline := start.Add(duration)
	for w := 0; w < concurrency; w++ {
		wg.Add(1)
		go func(result *LoadResult) {
			defer wg.Done()
			for time.Now().Before(deadline) {
				tokenIndex, urlIndex := pick(next.Add(1)-1, len(tokens), len(urls))
				token := ""
				if tokenIndex >= 0 {
					token = tokens[tokenIndex]
				}
				sent := time.Now()
				failure := get(client, urls[urlIndex], token)
				result.record(time.Since(sent), failure)
			}
		}(&perWorker[w])
	}
	wg.Wait()
	return merge(perWorker, time.Since(start))
}

// pick says which token (-1 for none) and which url the n-th request (from 0) of a closed loop uses. The
// tokens are used in turn; with several urls (the instances of a cluster) consecutive requests go to the next
// url, and each pass over the tokens starts one url further, so that every session is asked of every instance
// in turn whatever the numbers of tokens and urls: token k goes to url (k + pass) mod urls.
func pick(n uint64, tokens, urls int) (tokenIndex, urlIndex int) {
	if tokens == 0 {
		return -1, int(n % uint64(urls))
	}
	k, pass := n%uint64(tokens), n/uint64(tokens)
	return int(k), int((k + pass) % uint64(urls))
}

// runEach sends one request per token, `concurrency` at a time: the memory scenario fills the cache with it.
func runEach(client *http.Client, url string, tokens []string, concurrency int) LoadResult {
	var next atomic.Int64
	perWorker := make([]LoadResult, concurrency)
	var wg sync.WaitGroup
	start := time.Now()
	for w := 0; w < concurrency; w++ {
		wg.Add(1)
		go func(result *LoadResult) {
			defer wg.Done()
			for i := next.Add(1) - 1; i < int64(len(tokens)); i = next.Add(1) - 1 {
				sent := time.Now()
				failure := get(client, url, tokens[i])
				result.record(time.Since(sent), failure)
			}
		}(&perWorker[w])
	}
	wg.Wait()
	return merge(perWorker, time.Since(start))
}

// Warm-up slices: the warm-up ends once two slices in a row are no more than warmupGain faster than the best
// slice before them, and the servers' JIT compilers used at most jitQuiet of a CPU in the last slice.
const (
	warmupSlice = 3 * time.Second
	warmupGain  = 1.05
	jitQuiet    = 0.10
)

// WarmupRule says how long a scenario warms up: at least Least and MinRequests requests (the JIT compiles a
// path after thousands of calls, not seconds), at most Most, and in between until the throughput levels off and
// the JIT has gone quiet. JIT, when set, is the servers' JIT compiler CPU time so far, in seconds.
type WarmupRule struct {
	Least, Most time.Duration
	MinRequests int
	JIT         func() float64
}

// Warmup is how a warm-up went: how long it ran, and the share of a CPU the servers' JIT compilers used in its
// last slice (0 when not watched).
type Warmup struct {
	Took     time.Duration
	JITShare float64
}

// warmUp loads like runClosedLoop, uncounted, as the rule says. A cold Payara Micro keeps getting faster for a
// minute or more on a busy 2-core machine, and its JIT can still take most of a CPU after the throughput looks
// level: a measurement taken then queues the requests behind the compiler.
func warmUp(client *http.Client, urls []string, tokens []string, concurrency int, rule WarmupRule) Warmup {
	start := time.Now()
	best, requests, flat, jitShare := 0.0, 0, 0, 0.0
	for time.Since(start) < rule.Most {
		slice := min(warmupSlice, rule.Most-time.Since(start))
		jitBefore := jitNow(rule)
		load := runClosedLoop(client, urls, tokens, concurrency, slice)
		jitShare = (jitNow(rule) - jitBefore) / load.Elapsed.Seconds()
		requests += load.Requests()
		rate := float64(len(load.Latencies)) / load.Elapsed.Seconds()
		if best > 0 && rate <= best*warmupGain {
			flat++
		} else {
			flat = 0
		}
		best = max(best, rate)
		if warmedUp(time.Since(start), requests, flat, jitShare, rule) {
			break
		}
	}
	return Warmup{time.Since(start), jitShare}
}

func jitNow(rule WarmupRule) float64 {
	if rule.JIT == nil {
		return 0
	}
	return rule.JIT()
}

// warmedUp says whether a warm-up that has run for `elapsed`, sent `requests`, seen `flat` slices in a row
// without improvement and whose last slice kept the JIT busy `jitShare` of a CPU may stop.
func warmedUp(elapsed time.Duration, requests, flat int, jitShare float64, rule WarmupRule) bool {
	return elapsed >= rule.Least && requests >= rule.MinRequests && flat >= 2 && jitShare <= jitQuiet
}

// runBurst sends n requests with the same token at the same moment, each over its own connection that was
// opened (with a request to openURL) before the burst, so that no request waits for a TCP handshake.
func runBurst(openURL, url, token string, n int) (LoadResult, error) {
	clients := make([]*http.Client, n)
	for i := range clients {
		clients[i] = newPooledClient(1, nil)
	}
	for i, client := range clients {
		if failure := get(client, openURL, ""); failure != "" {
			return LoadResult{}, fmt.Errorf("opening connection %d for the burst (GET %s): %s", i+1, openURL, failure)
		}
	}
	perRequest := make([]LoadResult, n)
	release := make(chan struct{})
	var ready, done sync.WaitGroup
	for i := range clients {
		ready.Add(1)
		done.Add(1)
		go func(client *http.Client, result *LoadResult) {
			defer done.Done()
			ready.Done()
			<-release
			sent := time.Now()
			failure := get(client, url, token)
			result.record(time.Since(sent), failure)
		}(clients[i], &perRequest[i])
	}
	ready.Wait()
	start := time.Now()
	close(release)
	done.Wait()
	return merge(perRequest, time.Since(start)), nil
}

// get sends one GET and reads the whole answer; it returns "" for a 200, otherwise what went wrong.
func get(client *http.Client, url, token string) string {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return err.Error()
	}
	req.Header.Set("Accept", "application/json")
	if token != "" {
		req.Header.Set("X-Session-Token", token)
	}
	resp, err := client.Do(req)
	if err != nil {
		return err.Error()
	}
	_, err = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Sprintf("HTTP %d from %s", resp.StatusCode, url)
	}
	if err != nil {
		return "reading the answer: " + err.Error()
	}
	return ""
}

func (r *LoadResult) record(latency time.Duration, failure string) {
	if failure == "" {
		r.Latencies = append(r.Latencies, latency)
		return
	}
	r.Errors++
	if r.FirstError == "" {
		r.FirstError = failure
	}
}

func merge(parts []LoadResult, elapsed time.Duration) LoadResult {
	out := LoadResult{Elapsed: elapsed}
	for _, part := range parts {
		out.Latencies = append(out.Latencies, part.Latencies...)
		out.Errors += part.Errors
		if out.FirstError == "" {
			out.FirstError = part.FirstError
		}
	}
	return out
}
