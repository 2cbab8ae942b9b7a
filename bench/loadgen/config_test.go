package main

import (
	"strings"
	"testing"
	"time"
)

func TestParseSecondsAcceptsNumbersAndDurations(t *testing.T) {
	for in, want := range map[string]time.Duration{"15": 15 * time.Second, "1.5": 1500 * time.Millisecond, "2m": 2 * time.Minute, "500ms": 500 * time.Millisecond} {
		if got, err := parseSeconds(in); err != nil || got != want {
			t.Errorf("parseSeconds(%q) should be %v, got %v (%v)", in, want, got, err)
		}
	}
	if _, err := parseSeconds("soon"); err == nil {
		t.Error("parseSeconds should refuse a word")
	}
}

func TestConfigReadsTheEnvironmentAndFlagsWin(t *testing.T) {
	t.Setenv("BENCH_CONCURRENCY", "8")
	t.Setenv("BENCH_DURATION", "3")
	t.Setenv("BENCH_SCENARIOS", "public,cached")
	c, err := parseConfig([]string{"-sessions", "10"})
	if err != nil {
		t.Fatalf("parseConfig: %v", err)
	}
	if c.Concurrency != 8 || c.Duration != 3*time.Second || c.Sessions != 10 || len(c.Scenarios) != 2 {
		t.Errorf("expected concurrency 8 and 3 s from the environment, 10 sessions from the flag, 2 scenarios; got %+v", c)
	}
	if c.CacheTTL != 30*time.Second || c.SingleFlight != 50 || c.WarmupMax != 3*time.Minute {
		t.Errorf("expected the defaults TTL 30 s, single-flight 50, warm-up at most 180 s; got %+v", c)
	}
}

func TestConfigRefusesBadValues(t *testing.T) {
	t.Setenv("BENCH_CONCURRENCY", "many")
	if _, err := parseConfig(nil); err == nil {
		t.Error("BENCH_CONCURRENCY=many should be refused")
	}
	t.Setenv("BENCH_CONCURRENCY", "")
	if _, err := parseConfig([]string{"-scenarios", "public,cahced"}); err == nil {
		t.Error("a misspelled scenario should be refused")
	}
	if _, err := parseConfig([]string{"-concurrency", "0"}); err == nil {
		t.Error("concurrency 0 should be refused")
	}
}

func TestTheMemoryScenarioRunsOnlyWhenAskedFor(t *testing.T) {
	t.Setenv("BENCH_SCENARIOS", "")
	c, err := parseConfig(nil)
	if err != nil {
		t.Fatalf("parseConfig: %v", err)
	}
	if contains(c.Scenarios, scenarioMemory) || !contains(c.Scenarios, scenarioOathkeeper) || !contains(c.Scenarios, scenarioCachedCluster) {
		t.Errorf("by default every scenario but memory should run, got %v", c.Scenarios)
	}
	t.Setenv("BENCH_SCENARIOS", "memory")
	t.Setenv("BENCH_MEMORY_SESSIONS", "5000")
	if c, err = parseConfig(nil); err != nil || len(c.Scenarios) != 1 || c.MemorySessions != 5000 || c.MemoryUsers != 1000 {
		t.Errorf("BENCH_SCENARIOS=memory should run the memory scenario alone with 5000 sessions of 1000 users, got %+v (%v)", c, err)
	}
	t.Setenv("BENCH_SCENARIOS", "cached-cluster")
	if _, err := parseConfig([]string{"-cluster-urls", "http://127.0.0.1:1"}); err == nil {
		t.Error("a cluster of one instance should be refused")
	}
}

func TestScenariosSubcommandPrintsTheRunsScenarios(t *testing.T) {
	t.Setenv("BENCH_SCENARIOS", "public,oathkeeper")
	var out strings.Builder
	if err := run([]string{"scenarios"}, &out); err != nil || out.String() != "public,oathkeeper\n" {
		t.Errorf("expected \"public,oathkeeper\", got %q (%v)", out.String(), err)
	}
	t.Setenv("BENCH_SCENARIOS", "public,oathkeper")
	if err := run([]string{"scenarios"}, &out); err == nil {
		t.Error("a misspelled scenario should be refused")
	}
}
