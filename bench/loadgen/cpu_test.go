package main

import (
	"os"
	"runtime"
	"testing"
)

func TestParseStatCPUCountsFieldsAfterTheCommandName(t *testing.T) {
	// A command name with spaces and a parenthesis must not shift the fields.
	stat := "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 40 0 123 456 789"
	got, err := parseStatCPU(stat)
	if err != nil {
		t.Fatalf("parseStatCPU: %v", err)
	}
	if got != 3.0 {
		t.Errorf("utime 250 + stime 50 ticks should be 3.0 s at 100 ticks/s, got %v", got)
	}
}

func TestParseStatCPURejectsGarbage(t *testing.T) {
	if _, err := parseStatCPU("no parenthesis here"); err == nil {
		t.Error("a stat line without the command name should be refused")
	}
}

func TestParseProcessesAddsTheLoadGeneratorAndRefusesBadItems(t *testing.T) {
	got, err := parseProcesses("kratos=12, app=34")
	if err != nil {
		t.Fatalf("parseProcesses: %v", err)
	}
	if len(got) != 3 || got[0] != (Process{"kratos", 12}) || got[1] != (Process{"app", 34}) || got[2].Name != "loadgen" {
		t.Errorf("expected kratos=12, app=34 and the load generator itself, got %v", got)
	}
	if _, err := parseProcesses("kratos"); err == nil {
		t.Error("an item without =pid should be refused")
	}
	if _, err := parseProcesses("kratos=abc"); err == nil {
		t.Error("a non-numeric pid should be refused")
	}
}

func TestCPUPerRequestIsMillisecondsPerRequestOfTheDelta(t *testing.T) {
	got := cpuPerRequest(map[string]float64{"kratos": 10, "gone": 1}, map[string]float64{"kratos": 12}, 1000)
	if got["kratos"] != 2 {
		t.Errorf("2 CPU seconds over 1000 requests should be 2 ms per request, got %v", got["kratos"])
	}
	if _, ok := got["gone"]; ok {
		t.Error("a process missing from the second snapshot should be left out")
	}
	if len(cpuPerRequest(map[string]float64{"a": 1}, map[string]float64{"a": 2}, 0)) != 0 {
		t.Error("no requests should give no per-request figures")
	}
}

func TestJITThreadsAreHotSpotsCompilerThreads(t *testing.T) {
	for _, comm := range []string{"C2 CompilerThre", "C1 CompilerThre"} {
		if !isJITThread(comm) {
			t.Errorf("%q is a HotSpot JIT compiler thread", comm)
		}
	}
	for _, comm := range []string{"java", "http-thread-poo", "GC Thread#0", "kratos"} {
		if isJITThread(comm) {
			t.Errorf("%q is not a JIT compiler thread", comm)
		}
	}
	if got := jitSeconds([]Process{{"loadgen", os.Getpid()}}); got != 0 {
		t.Errorf("a Go process has no JIT compiler threads, got %v s", got)
	}
}

func TestCPUInfoCountsEveryCPUNotOnlyThoseThisProcessMayUse(t *testing.T) {
	count, model := cpuInfo()
	if count < runtime.NumCPU() {
		t.Errorf("the machine has at least the %d CPUs this process may use, cpuInfo counted %d", runtime.NumCPU(), count)
	}
	if model == "" {
		t.Error("the model should be named, or be \"unknown CPU\"")
	}
}

func TestCPUSharingFollowsWhatBenchShPinned(t *testing.T) {
	cases := map[string]string{
		"Kratos started; cached app started on port 8080":                               "Kratos, the servers and the load generator share them",
		"Kratos pinned to CPU 1, the servers and the load generator to CPU 0 (taskset)": "Kratos on its own CPUs, the rest on the others (see Setup)",
		"cluster-a pinned to CPU 0, cluster-b to CPU 1 (taskset)":                       "the processes share them, but for the two cluster members, on one CPU each (see Setup)",
		"Kratos pinned to CPU 2; cluster-a pinned to CPU 0, cluster-b to CPU 1":         "Kratos and each cluster member on CPUs of their own, the rest on the others (see Setup)",
	}
	for setup, want := range cases {
		if got := cpuSharing(setup); got != want {
			t.Errorf("cpuSharing(%q) = %q, want %q", setup, got, want)
		}
	}
}
