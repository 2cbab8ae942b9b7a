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
		{Scenario: scenarioPublic, RequestsPerSecond: 1000},
		counted(Result{Scenario: scenarioCached, RequestsPerSecond: 900, Seconds: 15}, 200, 200),
		{Scenario: scenarioUncached, P50Ms: 11.5},
		{Scenario: scenarioKratosDirect, P50Ms: 10},
		counted(Result{Scenario: scenarioSingleFlight}, 1, 1),
	}
	for _, target := range evaluateTargets(results, benchConfig()) {
		if !target.Measured || !target.Pass {
			t.Errorf("expected PASS at the boundary: %s", target.Line())
		}
	}
}

func TestTargetsFailJustPastTheirBoundaries(t *testing.T) {
	results := []Result{
		{Scenario: scenarioPublic, RequestsPerSecond: 1000},
		counted(Result{Scenario: scenarioCached, RequestsPerSecond: 899, Seconds: 15}, 200, 201),
		{Scenario: scenarioUncached, P50Ms: 11.6},
		{Scenario: scenarioKratosDirect, P50Ms: 10},
		counted(Result{Scenario: scenarioSingleFlight}, 1, 2),
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
	target := evaluateTargets(results, benchConfig())[3]
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
	report := markdown(results, evaluateTargets(results, benchConfig()), []string{"Machine: test"}, benchConfig(), []string{"a note"}, "results.png")
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
