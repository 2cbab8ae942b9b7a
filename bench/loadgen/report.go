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

	t := Target{Description: "`cached` throughput >= 0.9 x `public`"}
	if c, p, ok := pair(by, scenarioCached, scenarioPublic); ok && p.RequestsPerSecond > 0 {
		ratio := c.RequestsPerSecond / p.RequestsPerSecond
		t.Measured, t.Pass = true, ratio >= 0.9
		t.Ratio = fmt.Sprintf("%.2f", ratio)
		t.Detail = fmt.Sprintf("%.0f / %.0f requests/s", c.RequestsPerSecond, p.RequestsPerSecond)
	} else {
		t.Detail = "needs the cached and public scenarios"
	}
	targets = append(targets, withErrors(t, by, scenarioCached, scenarioPublic))

	t = Target{Description: "`uncached` p50 <= 1.15 x `kratos-direct` p50"}
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

	t = Target{Description: "`cached` whoami calls <= 1 per session per TTL"}
	if c, ok := by[scenarioCached]; ok && c.WhoamiCalls != nil {
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
		t.Detail = "needs the cached scenario and a whoami count"
	}
	targets = append(targets, withErrors(t, by, scenarioCached))
	return targets
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

// markdown is the report: the machine, the settings, the table, the targets and notes.
func markdown(results []Result, targets []Target, machine []string, cfg Config, notes []string, chart string) string {
	var b strings.Builder
	b.WriteString("## Benchmark results\n\n")
	for _, line := range machine {
		b.WriteString("- " + line + "\n")
	}
	fmt.Fprintf(&b, "- Load: closed loop over loopback, %d concurrent keep-alive connections; per scenario a warm-up (not counted) of %s to %s "+
		"and at least %d requests, until the throughput levels off and the servers' JIT compilers use at most %.0f %% of a CPU, then %s measured; %d sessions, single-flight N=%d, cache TTL %d ms, whoami tokenize_as=%q\n\n",
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
