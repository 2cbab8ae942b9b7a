package main

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"
)

// Result is one scenario's line of results.json. The first six fields are the issue's; the rest say where the
// whoami count came from and help reading it.
type Result struct {
	Scenario          string  `json:"scenario"`
	RequestsPerSecond float64 `json:"requests_per_second"`
	P50Ms             float64 `json:"p50_ms"`
	P99Ms             float64 `json:"p99_ms"`
	Errors            int     `json:"errors"`
	WhoamiCalls       *int64  `json:"whoami_calls"` // the library's counter, or Kratos's log where there is no library

	Requests             int                `json:"requests"`
	Seconds              float64            `json:"seconds"`
	WarmupSeconds        float64            `json:"warmup_seconds"`
	WarmupJITShare       float64            `json:"warmup_jit_cpu_share"` // of one CPU, by the servers' JIT compilers, in the warm-up's last slice
	JITShare             float64            `json:"jit_cpu_share"`        // the same while measured
	WhoamiCallsLibrary   *int64             `json:"whoami_calls_library"`
	WhoamiCallsKratosLog *int64             `json:"whoami_calls_kratos_log"`
	KratosConnections    *int64             `json:"kratos_connections"` // distinct client ip:port of the whoami requests Kratos logged
	CacheHits            *int64             `json:"cache_hits"`
	CacheMisses          *int64             `json:"cache_misses"`
	ClientConnections    int64              `json:"client_connections_opened"` // by the load generator in the measured window
	CPUMsPerRequest      map[string]float64 `json:"cpu_ms_per_request,omitempty"`
	FirstError           string             `json:"first_error,omitempty"`

	p50Exact, meanMs float64 // unrounded, for the differences of "What the library adds"
}

func summarize(scenario string, load LoadResult) Result {
	sorted := append([]time.Duration(nil), load.Latencies...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
	r := Result{
		Scenario:   scenario,
		Errors:     load.Errors,
		Requests:   load.Requests(),
		Seconds:    round(load.Elapsed.Seconds(), 3),
		FirstError: load.FirstError,
		P50Ms:      round(ms(percentile(sorted, 50)), 2),
		P99Ms:      round(ms(percentile(sorted, 99)), 2),
		p50Exact:   ms(percentile(sorted, 50)),
	}
	if len(sorted) > 0 {
		var sum time.Duration
		for _, d := range sorted {
			sum += d
		}
		r.meanMs = ms(sum) / float64(len(sorted))
	}
	if load.Elapsed > 0 {
		r.RequestsPerSecond = round(float64(len(load.Latencies))/load.Elapsed.Seconds(), 1)
	}
	return r
}

// percentile is the nearest-rank percentile of sorted durations (0 when there are none).
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	rank := int(math.Ceil(p / 100 * float64(len(sorted))))
	return sorted[max(rank, 1)-1]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func round(v float64, places int) float64 {
	scale := math.Pow(10, float64(places))
	return math.Round(v*scale) / scale
}

// whoamiText is the table cell: one number when the library's counter and Kratos's log agree (or only one
// exists), both when they disagree.
func whoamiText(r Result) string {
	lib, log := r.WhoamiCallsLibrary, r.WhoamiCallsKratosLog
	switch {
	case lib != nil && log != nil && *lib != *log:
		return fmt.Sprintf("%d library / %d Kratos log", *lib, *log)
	case lib != nil:
		return fmt.Sprint(*lib)
	case log != nil:
		return fmt.Sprint(*log)
	default:
		return "n/a"
	}
}

// Target is one of the targets with its measured ratio.
type Target struct {
	Description string
	Measured    bool // false when a scenario it needs did not run or lacks a count
	Pass        bool
	Ratio       string // the measured ratio (or count)
	Detail      string // the numbers behind it
}

func (t Target) Line() string {
	verdict := "FAIL"
	switch {
	case !t.Measured:
		verdict = "NOT MEASURED"
	case t.Pass:
		verdict = "PASS"
	}
	if t.Ratio == "" {
		return fmt.Sprintf("- **%s** %s: %s", verdict, t.Description, t.Detail)
	}
	return fmt.Sprintf("- **%s** %s: %s (%s)", verdict, t.Description, t.Ratio, t.Detail)
}

func evaluateTargets(results []Result, cfg Config) []Target {
	by := map[string]Result{}
	for _, r := range results {
		by[r.Scenario] = r
	}
	var targets []Target

	targets = append(targets, throughputTarget(by, scenarioCached, scenarioPublic, 0.95))
	targets = append(targets, cpuTarget(by))

	t := Target{Description: "`uncached` p50 <= 1.15 x `kratos-direct` p50"}
	if u, k, ok := pair(by, scenarioUncached, scenarioKratosDirect); ok && k.P50Ms > 0 {
		ratio := u.P50Ms / k.P50Ms
		t.Measured, t.Pass = true, ratio <= 1.15
		t.Ratio = fmt.Sprintf("%.2f", ratio)
		t.Detail = fmt.Sprintf("%.2f / %.2f ms", u.P50Ms, k.P50Ms)
	} else {
		t.Detail = "needs the uncached and kratos-direct scenarios"
	}
	targets = append(targets, withErrors(t, by, scenarioUncached, scenarioKratosDirect))

	t = Target{Description: fmt.Sprintf("`single-flight` (%d concurrent first requests) exactly 1 whoami call", cfg.SingleFlight)}
	if s, ok := by[scenarioSingleFlight]; ok && s.WhoamiCalls != nil {
		t.Measured = true
		t.Pass = *s.WhoamiCalls == 1 && (s.WhoamiCallsKratosLog == nil || *s.WhoamiCallsKratosLog == 1)
		t.Detail = whoamiText(s) + " whoami calls"
	} else {
		t.Detail = "needs the single-flight scenario and the library's counter"
	}
	targets = append(targets, withErrors(t, by, scenarioSingleFlight))

	targets = append(targets, perSessionTarget(by, scenarioCached, "`cached` whoami calls <= 1 per session per TTL", cfg))

	// The peer: Oathkeeper asks whoami for every request, as `uncached` does.
	targets = append(targets, throughputTarget(by, scenarioUncached, scenarioOathkeeper, 1.5))
	targets = append(targets, throughputTarget(by, scenarioCached, scenarioOathkeeper, 8))

	// The cluster.
	targets = append(targets, throughputTarget(by, scenarioCachedCluster, scenarioPublic, 0.8))
	targets = append(targets, perSessionTarget(by, scenarioCachedCluster,
		"`cached-cluster` whoami calls <= 1 per session per TTL for the whole cluster", cfg))
	return targets
}

// cpuTarget is "the application's CPU per uncached request <= 3 x its CPU per public request", both read from /proc
// (the uncached instance's process is app-uncached, the cached instance's, which serves public, is app).
func cpuTarget(by map[string]Result) Target {
	const factor = 3.0
	t := Target{Description: fmt.Sprintf("`uncached` application CPU per request <= %g x `public`'s", factor)}
	u, p, ok := pair(by, scenarioUncached, scenarioPublic)
	uncachedCPU, uok := u.CPUMsPerRequest["app-uncached"]
	publicCPU, pok := p.CPUMsPerRequest["app"]
	if ok && uok && pok && publicCPU > 0 {
		ratio := uncachedCPU / publicCPU
		t.Measured, t.Pass = true, ratio <= factor
		t.Ratio = fmt.Sprintf("%.2f", ratio)
		t.Detail = fmt.Sprintf("%.3f / %.3f ms", uncachedCPU, publicCPU)
	} else {
		t.Detail = "needs the uncached and public scenarios and both instances' CPU times"
	}
	return withErrors(t, by, scenarioUncached, scenarioPublic)
}

// throughputTarget is "a's throughput >= factor x b's".
func throughputTarget(by map[string]Result, a, b string, factor float64) Target {
	t := Target{Description: fmt.Sprintf("`%s` throughput >= %g x `%s`", a, factor, b)}
	if ra, rb, ok := pair(by, a, b); ok && rb.RequestsPerSecond > 0 {
		ratio := ra.RequestsPerSecond / rb.RequestsPerSecond
		t.Measured, t.Pass = true, ratio >= factor
		t.Ratio = fmt.Sprintf("%.2f", ratio)
		t.Detail = fmt.Sprintf("%.0f / %.0f requests/s; p50 %.2f / %.2f ms", ra.RequestsPerSecond, rb.RequestsPerSecond, ra.P50Ms, rb.P50Ms)
	} else {
		t.Detail = fmt.Sprintf("needs the %s and %s scenarios", a, b)
	}
	return withErrors(t, by, a, b)
}

// perSessionTarget is "at most one whoami call per session per TTL" for a cached scenario (of one instance or,
// summed, of a whole cluster).
func perSessionTarget(by map[string]Result, name, description string, cfg Config) Target {
	t := Target{Description: description}
	if c, ok := by[name]; ok && c.WhoamiCalls != nil {
		// A session seen throughout a window of W seconds is loaded at most floor(W / TTL) + 1 times.
		windows := int64(math.Floor(c.Seconds/cfg.CacheTTL.Seconds())) + 1
		allowed := int64(cfg.Sessions) * windows
		calls := *c.WhoamiCalls
		if c.WhoamiCallsKratosLog != nil && *c.WhoamiCallsKratosLog > calls {
			calls = *c.WhoamiCallsKratosLog
		}
		t.Measured, t.Pass = true, calls <= allowed
		t.Ratio = fmt.Sprintf("%.2f", float64(calls)/float64(allowed))
		t.Detail = fmt.Sprintf("%s whoami calls for %d sessions x %d TTL window(s) of %.0f s in %.1f s = at most %d",
			whoamiText(c), cfg.Sessions, windows, cfg.CacheTTL.Seconds(), c.Seconds, allowed)
	} else {
		t.Detail = fmt.Sprintf("needs the %s scenario and a whoami count", name)
	}
	return withErrors(t, by, name)
}

func pair(by map[string]Result, a, b string) (Result, Result, bool) {
	ra, okA := by[a]
	rb, okB := by[b]
	return ra, rb, okA && okB
}

// withErrors fails a target whose scenarios had errors: a fast error is no result.
func withErrors(t Target, by map[string]Result, scenarios ...string) Target {
	for _, s := range scenarios {
		if r, ok := by[s]; ok && r.Errors > 0 && t.Measured {
			t.Pass = false
			t.Detail += fmt.Sprintf("; %d errors in %s", r.Errors, s)
		}
	}
	return t
}

// sideBySide are the report's comparisons: the peer's p50 beside the library's, the cluster beside one
// instance, what the library adds to a request, and the memory scenario's figures.
func sideBySide(results []Result, mem *MemoryResult, cfg Config) []string {
	by := map[string]Result{}
	for _, r := range results {
		by[r.Scenario] = r
	}
	var lines []string
	figures := func(names ...string) string {
		var parts []string
		for _, n := range names {
			if r, ok := by[n]; ok {
				parts = append(parts, fmt.Sprintf("`%s` %.2f ms p50, %.0f requests/s", n, r.P50Ms, r.RequestsPerSecond))
			}
		}
		return strings.Join(parts, "; ")
	}
	if _, ok := by[scenarioOathkeeper]; ok {
		lines = append(lines, "Against Oathkeeper (a whoami call per request, as `uncached`): "+
			figures(scenarioCached, scenarioUncached, scenarioOathkeeper))
	}
	if c, ok := by[scenarioCachedCluster]; ok {
		lines = append(lines, fmt.Sprintf("Cluster (%d instances, jcache backend, requests alternating): %s; whoami calls for the whole cluster: %s",
			len(cfg.ClusterURLs), figures(scenarioCachedCluster, scenarioCached, scenarioPublic), whoamiText(c)))
	}
	var added []string
	for _, d := range [][2]string{{scenarioCached, scenarioPublic}, {scenarioUncached, scenarioKratosDirect},
		{scenarioOathkeeper, scenarioPublic}, {scenarioCachedCluster, scenarioPublic}} {
		a, b, ok := pair(by, d[0], d[1])
		if ok && a.Requests > 0 && b.Requests > 0 {
			added = append(added, fmt.Sprintf("`%s` - `%s` %+.3f ms p50 (%+.3f ms mean)", d[0], d[1], a.p50Exact-b.p50Exact, a.meanMs-b.meanMs))
		}
	}
	if len(added) > 0 {
		context := fmt.Sprintf("at concurrency %d the differences include waiting for CPU behind the other processes; "+
			"BENCH_CONCURRENCY=1 measures them without contention", cfg.Concurrency)
		if cfg.Concurrency == 1 {
			context = "at concurrency 1: one request at a time, no CPU contention"
		}
		lines = append(lines, fmt.Sprintf("What the library adds to a request (%s): %s", context, strings.Join(added, "; ")))
	}
	if mem != nil {
		line := fmt.Sprintf("Memory: %d sessions cached cost %.0f bytes of heap each (live heap %.1f MB before, %.1f MB after; "+
			"%d sessions made by Kratos's API flows in %.0f s, cached in %.0f s); cached path p50 %.2f ms with %d entries against %.2f ms with %d",
			mem.Sessions, mem.BytesPerSession, float64(mem.HeapLiveBytesBefore)/1e6, float64(mem.HeapLiveBytesAfter)/1e6,
			mem.SessionsMade, mem.SessionsMadeSeconds, mem.FillSeconds, mem.FullP50Ms, mem.Sessions+cfg.Sessions, mem.BaselineP50Ms, cfg.Sessions)
		if c, ok := by[scenarioCached]; ok {
			line += fmt.Sprintf(" (`cached`, on its own instance: %.2f ms)", c.P50Ms)
		}
		lines = append(lines, line)
		var classes []string
		for _, c := range mem.LargestGrowth {
			classes = append(classes, fmt.Sprintf("%s %.0f bytes/session", c.Class, float64(c.Bytes)/float64(max(mem.Sessions, 1))))
		}
		if len(classes) > 0 {
			lines = append(lines, "Memory, largest growth by class: "+strings.Join(classes, ", "))
		}
	}
	return lines
}

// markdown is the report: the machine, the settings, the table, the targets, the comparisons and notes.
func markdown(results []Result, targets []Target, machine []string, cfg Config, notes []string, mem *MemoryResult, chart string) string {
	var b strings.Builder
	b.WriteString("## Benchmark results\n\n")
	for _, line := range machine {
		b.WriteString("- " + line + "\n")
	}
	fmt.Fprintf(&b, "- Load: closed loop over loopback, %d concurrent keep-alive connections; per scenario a warm-up (not counted) of %s to %s "+
		"and at least %d requests (cached-cluster: at most twice as long, and twice the requests), until the throughput levels off and the servers' JIT compilers use at most %.0f %% of a CPU, then %s measured; %d sessions, single-flight N=%d, cache TTL %d ms, whoami tokenize_as=%q\n\n",
		cfg.Concurrency, cfg.Warmup, cfg.WarmupMax, cfg.WarmupRequests, jitQuiet*100, cfg.Duration, cfg.Sessions, cfg.SingleFlight, cfg.CacheTTL.Milliseconds(), cfg.TokenizeAs)
	b.WriteString("| scenario | requests/s | p50 ms | p99 ms | errors | whoami calls | requests | warm-up s |\n")
	b.WriteString("|---|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, r := range results {
		fmt.Fprintf(&b, "| %s | %.0f | %.2f | %.2f | %d | %s | %d | %.0f |\n",
			r.Scenario, r.RequestsPerSecond, r.P50Ms, r.P99Ms, r.Errors, whoamiText(r), r.Requests, r.WarmupSeconds)
	}
	b.WriteString("\nTargets (measured side by side in this run):\n\n")
	for _, t := range targets {
		b.WriteString(t.Line() + "\n")
	}
	if lines := sideBySide(results, mem, cfg); len(lines) > 0 {
		b.WriteString("\nSide by side:\n\n")
		for _, l := range lines {
			b.WriteString("- " + l + "\n")
		}
	}
	if len(notes) > 0 {
		b.WriteString("\nNotes:\n\n")
		for _, n := range notes {
			b.WriteString("- " + n + "\n")
		}
	}
	if chart != "" {
		fmt.Fprintf(&b, "\n![throughput and latency per scenario](%s)\n", chart)
	}
	return b.String()
}
