package main

import (
	"strings"
	"testing"
	"time"
)

func TestPercentileIsNearestRank(t *testing.T) {
	var sorted []time.Duration
	for i := 1; i <= 100; i++ {
		sorted = append(sorted, time.Duration(i)*time.Millisecond)
	}
	if got := percentile(sorted, 50); got != 50*time.Millisecond {
		t.Errorf("p50 of 1..100 ms should be 50 ms, got %v", got)
	}
	if got := percentile(sorted, 99); got != 99*time.Millisecond {
		t.Errorf("p99 of 1..100 ms should be 99 ms, got %v", got)
	}
	if got := percentile(sorted[:1], 99); got != time.Millisecond {
		t.Errorf("any percentile of one value is that value, got %v", got)
	}
	if got := percentile(nil, 50); got != 0 {
		t.Errorf("no values should give 0, got %v", got)
	}
}

func TestSummarizeCountsOnlySuccessesInThroughputAndLatency(t *testing.T) {
	load := LoadResult{Latencies: []time.Duration{time.Millisecond, 3 * time.Millisecond}, Errors: 2, Elapsed: time.Second}
	r := summarize("public", load)
	if r.RequestsPerSecond != 2 || r.Requests != 4 || r.Errors != 2 {
		t.Errorf("expected 2 successful requests/s out of 4 requests with 2 errors, got %+v", r)
	}
	if r.P50Ms != 1 || r.P99Ms != 3 {
		t.Errorf("expected p50 1 ms and p99 3 ms, got %v and %v", r.P50Ms, r.P99Ms)
	}
}

func TestWhoamiTextPrintsBothCountsOnlyWhenTheyDisagree(t *testing.T) {
	cases := []struct {
		lib, log *int64
		want     string
	}{
		{ptr[int64](5), ptr[int64](5), "5"},
		{ptr[int64](5), ptr[int64](6), "5 library / 6 Kratos log"},
		{ptr[int64](5), nil, "5"},
		{nil, ptr[int64](6), "6"},
		{nil, nil, "n/a"},
	}
	for _, c := range cases {
		if got := whoamiText(Result{WhoamiCallsLibrary: c.lib, WhoamiCallsKratosLog: c.log}); got != c.want {
			t.Errorf("library %v, log %v: expected %q, got %q", deref(c.lib), deref(c.log), c.want, got)
		}
	}
}

func counted(r Result, lib, log int64) Result {
	r.WhoamiCallsLibrary, r.WhoamiCallsKratosLog, r.WhoamiCalls = ptr(lib), ptr(log), ptr(lib)
	return r
}

func benchConfig() Config {
	return Config{Sessions: 200, SingleFlight: 50, CacheTTL: 30 * time.Second}
}

func TestTargetsPassAtTheirBoundaries(t *testing.T) {
	results := []Result{
		{Scenario: scenarioPublic, RequestsPerSecond: 1000, CPUMsPerRequest: map[string]float64{"app": 0.25}},
		counted(Result{Scenario: scenarioCached, RequestsPerSecond: 950, Seconds: 15}, 200, 200),
		{Scenario: scenarioUncached, P50Ms: 11.5, RequestsPerSecond: 178.125,
			CPUMsPerRequest: map[string]float64{"app-uncached": 0.75}},
		{Scenario: scenarioKratosDirect, P50Ms: 10},
		counted(Result{Scenario: scenarioSingleFlight}, 1, 1),
		{Scenario: scenarioOathkeeper, RequestsPerSecond: 118.75},
		counted(Result{Scenario: scenarioCachedCluster, RequestsPerSecond: 800, Seconds: 15}, 200, 200),
	}
	for _, target := range evaluateTargets(results, benchConfig()) {
		if !target.Measured || !target.Pass {
			t.Errorf("expected PASS at the boundary: %s", target.Line())
		}
	}
}

func TestTargetsFailJustPastTheirBoundaries(t *testing.T) {
	results := []Result{
		{Scenario: scenarioPublic, RequestsPerSecond: 1000, CPUMsPerRequest: map[string]float64{"app": 0.25}},
		// cached: 949 < 0.95 x 1000 and < 8 x 118.75 = 950.
		counted(Result{Scenario: scenarioCached, RequestsPerSecond: 949, Seconds: 15}, 200, 201),
		// uncached: 178.1 < 1.5 x 118.75 = 178.125; its CPU 0.751 > 3 x 0.25.
		{Scenario: scenarioUncached, P50Ms: 11.6, RequestsPerSecond: 178.1,
			CPUMsPerRequest: map[string]float64{"app-uncached": 0.751}},
		{Scenario: scenarioKratosDirect, P50Ms: 10},
		counted(Result{Scenario: scenarioSingleFlight}, 1, 2),
		{Scenario: scenarioOathkeeper, RequestsPerSecond: 118.75},
		counted(Result{Scenario: scenarioCachedCluster, RequestsPerSecond: 799, Seconds: 15}, 201, 200),
	}
	for _, target := range evaluateTargets(results, benchConfig()) {
		if !target.Measured || target.Pass {
			t.Errorf("expected FAIL just past the boundary: %s", target.Line())
		}
	}
}

func TestCachedWhoamiBoundGrowsWithTheNumberOfTTLWindows(t *testing.T) {
	// 65 s with a 30 s TTL: a session can be loaded at 0, 30 and 60 s.
	results := []Result{counted(Result{Scenario: scenarioCached, Seconds: 65}, 600, 600)}
	target := evaluateTargets(results, benchConfig())[4]
	if !target.Pass || !strings.Contains(target.Detail, "at most 600") {
		t.Errorf("600 calls for 200 sessions over 3 TTL windows should pass with a bound of 600: %s", target.Line())
	}
}

func TestTargetsAreNotMeasuredWithoutTheirScenariosAndFailOnErrors(t *testing.T) {
	targets := evaluateTargets([]Result{{Scenario: scenarioPublic, RequestsPerSecond: 1000}}, benchConfig())
	for _, target := range targets {
		if target.Measured || !strings.Contains(target.Line(), "NOT MEASURED") {
			t.Errorf("without its scenarios a target is not measured: %s", target.Line())
		}
	}
	results := []Result{
		{Scenario: scenarioPublic, RequestsPerSecond: 1000},
		{Scenario: scenarioCached, RequestsPerSecond: 5000, Errors: 3},
	}
	if target := evaluateTargets(results, benchConfig())[0]; target.Pass || !strings.Contains(target.Detail, "3 errors in cached") {
		t.Errorf("errors in a scenario should fail its target and say so: %s", target.Line())
	}
}

func TestMarkdownHasTheTableTheTargetsAndTheNotes(t *testing.T) {
	results := []Result{counted(Result{Scenario: scenarioCached, RequestsPerSecond: 1234.4, P50Ms: 1.5, P99Ms: 9.25, Requests: 10}, 3, 4)}
	report := markdown(results, evaluateTargets(results, benchConfig()), []string{"Machine: test"}, benchConfig(), []string{"a note"}, nil, "results.png")
	for _, want := range []string{
		"| scenario | requests/s | p50 ms | p99 ms | errors | whoami calls |",
		"| cached | 1234 | 1.50 | 9.25 | 0 | 3 library / 4 Kratos log | 10 |",
		"- **NOT MEASURED** `cached` throughput",
		"- Machine: test", "- a note", "![throughput and latency per scenario](results.png)",
	} {
		if !strings.Contains(report, want) {
			t.Errorf("the report should contain %q:\n%s", want, report)
		}
	}
}

func TestTheNewTargetsNameTheirScenarios(t *testing.T) {
	var descriptions []string
	for _, target := range evaluateTargets(nil, benchConfig()) {
		descriptions = append(descriptions, target.Description)
	}
	all := strings.Join(descriptions, "\n")
	for _, want := range []string{
		"`uncached` throughput >= 1.5 x `oathkeeper`",
		"`cached` throughput >= 8 x `oathkeeper`",
		"`cached-cluster` throughput >= 0.8 x `public`",
		"`cached-cluster` whoami calls <= 1 per session per TTL for the whole cluster",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("the targets should include %q:\n%s", want, all)
		}
	}
}

func TestThroughputTargetsPrintBothP50s(t *testing.T) {
	results := []Result{
		{Scenario: scenarioUncached, RequestsPerSecond: 500, P50Ms: 30},
		{Scenario: scenarioOathkeeper, RequestsPerSecond: 250, P50Ms: 61.5},
	}
	target := throughputTarget(map[string]Result{scenarioUncached: results[0], scenarioOathkeeper: results[1]}, scenarioUncached, scenarioOathkeeper, 1.5)
	if !target.Pass || target.Ratio != "2.00" || !strings.Contains(target.Detail, "p50 30.00 / 61.50 ms") {
		t.Errorf("2.00 x should pass and the p50s should be side by side: %s", target.Line())
	}
}

func TestSideBySideComparesThePeerTheClusterAndWhatTheLibraryAdds(t *testing.T) {
	results := []Result{
		summarize(scenarioPublic, LoadResult{Latencies: []time.Duration{time.Millisecond, 3 * time.Millisecond}, Elapsed: time.Second}),
		summarize(scenarioCached, LoadResult{Latencies: []time.Duration{1250 * time.Microsecond, 3500 * time.Microsecond}, Elapsed: time.Second}),
		summarize(scenarioUncached, LoadResult{Latencies: []time.Duration{9 * time.Millisecond}, Elapsed: time.Second}),
		summarize(scenarioKratosDirect, LoadResult{Latencies: []time.Duration{7 * time.Millisecond}, Elapsed: time.Second}),
		summarize(scenarioOathkeeper, LoadResult{Latencies: []time.Duration{12 * time.Millisecond}, Elapsed: time.Second}),
		counted(summarize(scenarioCachedCluster, LoadResult{Latencies: []time.Duration{2 * time.Millisecond}, Elapsed: time.Second}), 7, 7),
	}
	cfg := benchConfig()
	cfg.Concurrency = 1
	cfg.ClusterURLs = []string{"a", "b"}
	all := strings.Join(sideBySide(results, nil, cfg), "\n")
	for _, want := range []string{
		"`cached` 1.25 ms p50, 2 requests/s; `uncached` 9.00 ms p50, 1 requests/s; `oathkeeper` 12.00 ms p50",
		"Cluster (2 instances", "whoami calls for the whole cluster: 7",
		"at concurrency 1: one request at a time",
		"`cached` - `public` +0.250 ms p50 (+0.375 ms mean)",
		"`uncached` - `kratos-direct` +2.000 ms p50",
		"`oathkeeper` - `public` +11.000 ms p50",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("the comparisons should contain %q:\n%s", want, all)
		}
	}
	cfg.Concurrency = 16
	if all := strings.Join(sideBySide(results, nil, cfg), "\n"); !strings.Contains(all, "BENCH_CONCURRENCY=1 measures them without contention") {
		t.Errorf("at a higher concurrency the report should say the differences include contention:\n%s", all)
	}
}
