// Command loadgen is the load generator of ./bench.sh: it registers users in Kratos, drives closed-loop load
// at a fixed concurrency against the example application (session cache on and off) and against Kratos's
// whoami directly, counts the whoami calls each scenario caused (the library's counter, cross-checked with
// Kratos's request log), and writes results.json, results.md and results.png.
//
// It exits 0 when it ran, whatever the targets say (it is a benchmark, not a test), and non-zero only when it
// could not run: bad settings, a server that does not answer, or a scenario in which every request failed.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "loadgen:", err)
		os.Exit(1)
	}
}

func run(args []string, out io.Writer) error {
	if len(args) > 0 {
		switch args[0] {
		case "oathkeeper-config":
			return runOathkeeperConfig(args[1:], out)
		case "scenarios":
			// For bench.sh: the scenarios this run would measure (BENCH_SCENARIOS, checked, or the default).
			cfg, err := parseConfig(args[1:])
			if err != nil {
				return err
			}
			fmt.Fprintln(out, strings.Join(cfg.Scenarios, ","))
			return nil
		}
	}
	started := time.Now()
	cfg, err := parseConfig(args)
	if err != nil {
		return err
	}
	r := &Runner{cfg: cfg, http: newPooledClient(8, nil), progress: out}
	if err := r.checkServers(); err != nil {
		return err
	}
	machine := machineInfo(cfg)
	if r.kratosLog = findLiveLog(r.http, cfg.KratosURL, cfg.KratosLogs); r.kratosLog == nil {
		r.note(fmt.Sprintf("Kratos's log is unknown (none of %q is being written by the Kratos at %s): "+
			"no cross-check, and no whoami count for kratos-direct", cfg.KratosLogs, cfg.KratosURL))
	}

	fmt.Fprintf(out, "Registering %d users in Kratos...\n", cfg.Sessions)
	if r.tokens, err = registerSessions(r.http, cfg.KratosURL, cfg.Sessions); err != nil {
		return err
	}

	var results []Result
	var memory *MemoryResult
	for _, name := range cfg.Scenarios {
		fmt.Fprintf(out, "Scenario %s...\n", name)
		var rows []Result
		if name == scenarioMemory {
			rows, memory, err = r.runMemory()
		} else {
			var result Result
			result, err = r.Run(name)
			rows = []Result{result}
		}
		if err != nil {
			return fmt.Errorf("scenario %s: %w", name, err)
		}
		for _, result := range rows {
			if result.Requests > 0 && result.Requests == result.Errors {
				return fmt.Errorf("scenario %s: all %d requests failed (first: %s)", result.Scenario, result.Errors, result.FirstError)
			}
			if result.Errors > 0 {
				r.note(fmt.Sprintf("%s: %d of %d requests failed (first: %s)", result.Scenario, result.Errors, result.Requests, result.FirstError))
			}
		}
		results = append(results, rows...)
	}
	r.connectionNotes(results)
	machine = append(machine, fmt.Sprintf("Load average at the end: %s; load generator run time %s",
		loadAverage(), time.Since(started).Round(time.Second)))

	targets := evaluateTargets(results, cfg)
	if contains(cfg.Scenarios, scenarioMemory) {
		targets = append(targets, memoryTargets(memory, cfg)...)
	}
	if err := os.MkdirAll(cfg.OutDir, 0o755); err != nil {
		return err
	}
	if err := writeJSON(filepath.Join(cfg.OutDir, "results.json"), results); err != nil {
		return err
	}
	if memory != nil {
		if err := writeMemoryJSON(filepath.Join(cfg.OutDir, "memory.json"), memory); err != nil {
			return err
		}
	}
	chartPath := filepath.Join(cfg.OutDir, "results.png")
	subtitle := fmt.Sprintf("%d CPUs, %s; concurrency %d, %s measured per scenario, %d sessions, single-flight N=%d",
		runtime.NumCPU(), cfg.JavaVersion, cfg.Concurrency, cfg.Duration, cfg.Sessions, cfg.SingleFlight)
	if err := renderChart(chartPath, results, subtitle); err != nil {
		return fmt.Errorf("writing the chart: %w", err)
	}
	report := markdown(results, targets, machine, cfg, r.notes, memory, "results.png")
	if err := os.WriteFile(filepath.Join(cfg.OutDir, "results.md"), []byte(report), 0o644); err != nil {
		return err
	}
	fmt.Fprintln(out)
	fmt.Fprint(out, report)
	fmt.Fprintf(out, "\nWrote %s, %s and %s\n", filepath.Join(cfg.OutDir, "results.json"), chartPath,
		filepath.Join(cfg.OutDir, "results.md"))
	if memory != nil {
		fmt.Fprintf(out, "Wrote %s\n", filepath.Join(cfg.OutDir, "memory.json"))
	}
	return nil
}

// checkServers fails fast when a server the chosen scenarios need does not answer.
func (r *Runner) checkServers() error {
	trim := func(u string) string { return strings.TrimSuffix(u, "/") }
	need := map[string]string{trim(r.cfg.KratosURL) + "/health/ready": "Kratos"}
	for _, s := range r.cfg.Scenarios {
		switch s {
		case scenarioUncached:
			need[trim(r.cfg.UncachedURL)+"/api/public"] = "the example with the cache off"
		case scenarioKratosDirect:
		case scenarioOathkeeper:
			need[trim(r.cfg.AppURL)+"/api/public"] = "the example"
		case scenarioCachedCluster:
			for i, u := range r.cfg.ClusterURLs {
				need[trim(u)+"/api/public"] = fmt.Sprintf("clustered instance %d", i+1)
			}
		case scenarioMemory:
			need[trim(r.cfg.MemoryURL)+"/api/public"] = "the memory scenario's instance"
		default:
			need[trim(r.cfg.AppURL)+"/api/public"] = "the example"
		}
	}
	for url, what := range need {
		if failure := get(r.http, url, ""); failure != "" {
			return fmt.Errorf("%s does not answer: %s", what, failure)
		}
	}
	if contains(r.cfg.Scenarios, scenarioOathkeeper) {
		// Without a session Oathkeeper's rule answers 401: any HTTP answer means its proxy is there.
		url := trim(r.cfg.OathkeeperURL) + "/api/public"
		if failure := get(r.http, url, ""); failure != "" && !strings.HasPrefix(failure, "HTTP ") {
			return fmt.Errorf("Oathkeeper's proxy does not answer: %s", failure)
		}
	}
	return nil
}

// connectionNotes reports how many TCP connections the whoami requests reached Kratos over, from the
// client addresses in Kratos's log: a pooled client needs about as many as its concurrency.
func (r *Runner) connectionNotes(results []Result) {
	var parts []string
	for _, res := range results {
		if res.KratosConnections != nil && res.WhoamiCallsKratosLog != nil && *res.WhoamiCallsKratosLog > 0 {
			parts = append(parts, fmt.Sprintf("%s %d connections for %d whoami calls", res.Scenario,
				*res.KratosConnections, *res.WhoamiCallsKratosLog))
		}
	}
	if len(parts) > 0 {
		r.note("Connections Kratos saw (distinct client ports in its log): " + strings.Join(parts, "; "))
	}
	parts = nil
	for _, res := range results {
		if res.ClientConnections > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", res.Scenario, res.ClientConnections))
		}
	}
	if len(parts) > 0 {
		r.note("Connections the load generator opened in the measured window (its pool holds one per worker; Payara Micro " +
			"closes a keep-alive connection after 250 requests, its default http max-connections): " + strings.Join(parts, "; "))
	}
	parts = nil
	for _, res := range results {
		if len(res.CPUMsPerRequest) > 0 {
			parts = append(parts, res.Scenario+" "+formatCPU(res.CPUMsPerRequest, r.cfg.Processes))
		}
	}
	if len(parts) > 0 {
		r.note("CPU time per request, ms (from /proc): " + strings.Join(parts, "; "))
	}
	parts = nil
	for _, res := range results {
		if res.Scenario != scenarioSingleFlight {
			parts = append(parts, fmt.Sprintf("%s %.2f / %.2f", res.Scenario, res.WarmupJITShare, res.JITShare))
		}
	}
	if len(parts) > 0 {
		r.note("The servers' JIT compiler threads, share of one CPU at the end of the warm-up / while measured (a warm-up " +
			"that ran to its longest time with the JIT still busy measured a server still compiling): " + strings.Join(parts, "; "))
	}
}

func formatCPU(perRequest map[string]float64, processes []Process) string {
	var items []string
	for _, p := range processes {
		if v, ok := perRequest[p.Name]; ok {
			items = append(items, fmt.Sprintf("%s %.3f", p.Name, v))
		}
	}
	return strings.Join(items, ", ")
}

// cpuSharing says how the processes share the CPUs, from what bench.sh pinned (its Setup lines).
func cpuSharing(setup string) string {
	kratos := strings.Contains(setup, "Kratos pinned")
	cluster := strings.Contains(setup, "cluster-a pinned")
	switch {
	case kratos && cluster:
		return "Kratos and each cluster member on CPUs of their own, the rest on the others (see Setup)"
	case kratos:
		return "Kratos on its own CPUs, the rest on the others (see Setup)"
	case cluster:
		return "the processes share them, but for the two cluster members, on one CPU each (see Setup)"
	default:
		return "Kratos, the servers and the load generator share them"
	}
}

func machineInfo(cfg Config) []string {
	java := cfg.JavaVersion
	if java == "" {
		java = "java version unknown"
	}
	cpus, model := cpuInfo()
	lines := []string{
		fmt.Sprintf("Machine: %d CPUs, %s, %s %s/%s; %s", cpus, model, runtime.Version(), runtime.GOOS,
			runtime.GOARCH, cpuSharing(cfg.Setup)),
		"Java: " + java,
		"Load average at the start: " + loadAverage(),
	}
	if cfg.Setup != "" {
		lines = append(lines, "Setup: "+cfg.Setup)
	}
	return lines
}

// cpuInfo reads the machine's CPU count and model from /proc/cpuinfo: runtime.NumCPU counts only the CPUs this
// process may run on, fewer when the benchmark pins it.
func cpuInfo() (count int, model string) {
	count, model = runtime.NumCPU(), "unknown CPU"
	data, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return count, model
	}
	processors, found := 0, false
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "processor") {
			processors++
		} else if _, name, ok := strings.Cut(line, ":"); ok && !found && strings.HasPrefix(line, "model name") {
			model, found = strings.TrimSpace(name), true
		}
	}
	return max(processors, 1), model
}

func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	fields := strings.Fields(string(data))
	if len(fields) < 3 {
		return "unknown"
	}
	return strings.Join(fields[:3], " ")
}

func writeJSON(path string, results []Result) error {
	data, err := json.MarshalIndent(results, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o644)
}
