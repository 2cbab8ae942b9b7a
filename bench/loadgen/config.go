package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// Scenario names, exactly as the issue and results.json spell them.
const (
	scenarioPublic       = "public"
	scenarioCached       = "cached"
	scenarioUncached     = "uncached"
	scenarioKratosDirect = "kratos-direct"
	scenarioSingleFlight = "single-flight"
	// The peer: the same requests through Ory Oathkeeper, which asks Kratos's whoami for each.
	scenarioOathkeeper = "oathkeeper"
	// The cached path on two clustered Payara Micro instances sharing the session cache (jcache backend).
	scenarioCachedCluster = "cached-cluster"
	// Opt-in: the heap a cached session costs, and the cached path with a full cache. Its rows in results.json
	// are rowMemoryBaseline and rowMemoryFull.
	scenarioMemory = "memory"
)

// allScenarios are the scenarios BENCH_SCENARIOS may name; defaultScenarios run when it names none (the memory
// scenario takes minutes and its own instance, so it runs only when asked for).
var (
	allScenarios = []string{scenarioPublic, scenarioCached, scenarioUncached, scenarioKratosDirect, scenarioSingleFlight,
		scenarioOathkeeper, scenarioCachedCluster, scenarioMemory}
	defaultScenarios = []string{scenarioPublic, scenarioCached, scenarioUncached, scenarioKratosDirect, scenarioSingleFlight,
		scenarioOathkeeper, scenarioCachedCluster}
)

// Config is everything a run needs. Every knob has a BENCH_* environment variable (read as the flag's default)
// so that bench.sh and a standalone run are configured the same way.
type Config struct {
	AppURL         string        // the example with the session cache on (its default)
	UncachedURL    string        // the example started with -Dory.session.cache.enabled=false
	KratosURL      string        // Kratos's public API
	OathkeeperURL  string        // Oathkeeper's proxy, in front of AppURL's /api/public
	ClusterURLs    []string      // the clustered instances (jcache backend), asked in turn
	MemoryURL      string        // the instance of the memory scenario (a cache larger than its sessions)
	MemoryPID      int           // its process, for the heap histograms
	MemorySessions int           // the sessions the memory scenario fills the cache with
	MemoryUsers    int           // the identities they belong to (each logs in MemorySessions / MemoryUsers times)
	LoginWorkers   int           // concurrent API logins while making them
	Jcmd           string        // the JDK's jcmd, for the heap histograms
	KratosLogs     []string      // candidate Kratos log files; the one that is being written to is used
	OutDir         string        // where results.json, results.md and results.png go
	Scenarios      []string      // which scenarios to run, in this order
	Concurrency    int           // closed-loop workers (and pooled connections) per scenario
	Duration       time.Duration // measured time per scenario
	Warmup         time.Duration // uncounted load before each scenario, at least
	WarmupMax      time.Duration // and at most; in between, until the throughput stops improving and the JIT is quiet
	WarmupRequests int           // and at least this many requests
	Sessions       int           // distinct sessions the measured requests cycle through
	SingleFlight   int           // concurrent first requests in the single-flight burst
	CacheTTL       time.Duration // the library's ory.session.cache.ttl-ms, for the per-session target
	TokenizeAs     string        // the tokenize_as the example sends to whoami (kratos-direct sends the same)
	JavaVersion    string        // `java -version`'s first line, for the report
	Processes      []Process     // processes whose CPU time per request the report shows
	Setup          string        // what bench.sh started or reused, for the report
}

func parseConfig(args []string) (Config, error) {
	fs := flag.NewFlagSet("loadgen", flag.ContinueOnError)
	var c Config
	var envErrs []string
	envInt := func(key string, fallback int) int {
		v, ok := os.LookupEnv(key)
		if !ok || v == "" {
			return fallback
		}
		n, err := strconv.Atoi(v)
		if err != nil {
			envErrs = append(envErrs, key+"="+v+" is not a whole number")
			return fallback
		}
		return n
	}
	var logs, scenarios, duration, warmup, warmupMax, pids, clusterURLs string
	var ttlMs int
	fs.StringVar(&c.AppURL, "app-url", env("BENCH_APP_URL", "http://127.0.0.1:8080"), "the example, session cache on")
	fs.StringVar(&c.UncachedURL, "uncached-url", env("BENCH_UNCACHED_URL", "http://127.0.0.1:8081"), "the example, session cache off")
	fs.StringVar(&c.KratosURL, "kratos-url", env("BENCH_KRATOS_URL", "http://127.0.0.1:4433"), "Kratos public API")
	fs.StringVar(&c.OathkeeperURL, "oathkeeper-url", env("BENCH_OATHKEEPER_URL", "http://127.0.0.1:4455"), "Oathkeeper's proxy")
	fs.StringVar(&clusterURLs, "cluster-urls", env("BENCH_CLUSTER_URLS", "http://127.0.0.1:8082,http://127.0.0.1:8083"),
		"the clustered instances, comma-separated")
	fs.StringVar(&c.MemoryURL, "memory-url", env("BENCH_MEMORY_URL", "http://127.0.0.1:8084"), "the memory scenario's instance")
	fs.IntVar(&c.MemoryPID, "memory-pid", envInt("BENCH_MEMORY_PID", 0), "the memory scenario's instance's process id")
	fs.IntVar(&c.MemorySessions, "memory-sessions", envInt("BENCH_MEMORY_SESSIONS", 100000), "sessions in the memory scenario's cache")
	fs.IntVar(&c.MemoryUsers, "memory-users", envInt("BENCH_MEMORY_USERS", 1000), "identities of the memory scenario's sessions")
	fs.IntVar(&c.LoginWorkers, "login-workers", envInt("BENCH_LOGIN_WORKERS", 4), "concurrent API logins making sessions")
	fs.StringVar(&c.Jcmd, "jcmd", env("BENCH_JCMD", "jcmd"), "the JDK's jcmd")
	fs.StringVar(&logs, "kratos-log", env("BENCH_KRATOS_LOG", ""), "comma-separated candidate Kratos log files")
	fs.StringVar(&c.OutDir, "out", env("BENCH_OUT", "target/bench"), "output directory")
	fs.StringVar(&scenarios, "scenarios", env("BENCH_SCENARIOS", strings.Join(defaultScenarios, ",")), "scenarios to run")
	fs.IntVar(&c.Concurrency, "concurrency", envInt("BENCH_CONCURRENCY", 16), "concurrent connections")
	fs.StringVar(&duration, "duration", env("BENCH_DURATION", "15s"), "measured duration per scenario (15s, or seconds)")
	fs.StringVar(&warmup, "warmup", env("BENCH_WARMUP", "45s"), "shortest uncounted warm-up per scenario (45s, or seconds)")
	fs.StringVar(&warmupMax, "warmup-max", env("BENCH_WARMUP_MAX", "180s"), "longest warm-up per scenario (180s, or seconds)")
	fs.IntVar(&c.WarmupRequests, "warmup-requests", envInt("BENCH_WARMUP_REQUESTS", 20000), "fewest warm-up requests per scenario")
	fs.IntVar(&c.Sessions, "sessions", envInt("BENCH_SESSIONS", 200), "distinct sessions")
	fs.IntVar(&c.SingleFlight, "single-flight", envInt("BENCH_SINGLE_FLIGHT", 50), "concurrent first requests")
	fs.IntVar(&ttlMs, "cache-ttl-ms", envInt("BENCH_CACHE_TTL_MS", 30000), "the library's session cache TTL")
	fs.StringVar(&c.TokenizeAs, "tokenize-as", env("BENCH_TOKENIZE_AS", ""), "tokenize_as of the example's whoami")
	fs.StringVar(&c.JavaVersion, "java-version", env("BENCH_JAVA_VERSION", ""), "java -version, for the report")
	fs.StringVar(&c.Setup, "setup", env("BENCH_SETUP", ""), "what was started or reused, for the report")
	fs.StringVar(&pids, "cpu-pids", env("BENCH_CPU_PIDS", ""), "name=pid,... whose CPU time per request to report")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if len(envErrs) > 0 {
		return c, fmt.Errorf("%s", strings.Join(envErrs, "; "))
	}
	var err error
	if c.Duration, err = parseSeconds(duration); err != nil {
		return c, fmt.Errorf("duration: %w", err)
	}
	if c.Warmup, err = parseSeconds(warmup); err != nil {
		return c, fmt.Errorf("warmup: %w", err)
	}
	if c.WarmupMax, err = parseSeconds(warmupMax); err != nil {
		return c, fmt.Errorf("warmup-max: %w", err)
	}
	c.WarmupMax = max(c.WarmupMax, c.Warmup)
	c.CacheTTL = time.Duration(ttlMs) * time.Millisecond
	c.KratosLogs = splitList(logs)
	c.ClusterURLs = splitList(clusterURLs)
	if c.Processes, err = parseProcesses(pids); err != nil {
		return c, fmt.Errorf("cpu-pids: %w", err)
	}
	c.Scenarios = splitList(scenarios)
	for _, s := range c.Scenarios {
		if !contains(allScenarios, s) {
			return c, fmt.Errorf("unknown scenario %q (known: %s)", s, strings.Join(allScenarios, ", "))
		}
	}
	if c.Concurrency < 1 || c.Sessions < 1 || c.SingleFlight < 1 || c.Duration <= 0 || c.Warmup < 0 || c.CacheTTL <= 0 {
		return c, fmt.Errorf("concurrency, sessions, single-flight, duration and cache TTL must be positive, warm-up not negative")
	}
	if contains(c.Scenarios, scenarioCachedCluster) && len(c.ClusterURLs) < 2 {
		return c, fmt.Errorf("cached-cluster needs at least two cluster URLs, got %q", clusterURLs)
	}
	if contains(c.Scenarios, scenarioMemory) && (c.MemorySessions < 1 || c.MemoryUsers < 1 || c.LoginWorkers < 1) {
		return c, fmt.Errorf("memory sessions, memory users and login workers must be positive")
	}
	return c, nil
}

// parseSeconds accepts a Go duration ("15s", "1m") or a plain number of seconds ("15").
func parseSeconds(s string) (time.Duration, error) {
	if n, err := strconv.ParseFloat(s, 64); err == nil {
		return time.Duration(n * float64(time.Second)), nil
	}
	return time.ParseDuration(s)
}

func env(key, fallback string) string {
	if v, ok := os.LookupEnv(key); ok && v != "" {
		return v
	}
	return fallback
}

func splitList(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ",") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, item := range list {
		if item == s {
			return true
		}
	}
	return false
}
