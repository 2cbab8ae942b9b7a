package main

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"time"
)

// settle is how long to wait after the last answer before reading the counters: Kratos writes its request log
// line after it has answered, and the library may finish bookkeeping after the response is sent.
const settle = 500 * time.Millisecond

// Runner runs the scenarios one after the other, so that each counter delta belongs to one scenario.
type Runner struct {
	cfg       Config
	http      *http.Client // registration, metrics, probes
	kratosLog *KratosLog   // nil when Kratos's log is unknown
	tokens    []string     // the sessions, for warm-up and measurement alike
	notes     []string
	progress  io.Writer // where the memory scenario reports its progress
}

// protectedPath is the example's @Authenticated endpoint the session scenarios ask. It answers what /api/public
// answers (one greeting, built the same way) for the signed-in user, so that cached and public differ by the
// library's work alone, not by a larger answer or the example's own work (/api/me adds the JWT principal and five
// more fields).
const protectedPath = "/api/me/greeting"

// scenario says what to load, how, and whose counter counts its whoami calls.
type scenario struct {
	name        string
	urls        []string // what the measured requests ask, in turn (several for a cluster's instances)
	tokens      []string // nil for the public endpoint
	counterApps []string // the instances whose library counters count (summed); none for kratos-direct and oathkeeper
}

func (r *Runner) scenario(name string) scenario {
	app, uncached := strings.TrimSuffix(r.cfg.AppURL, "/"), strings.TrimSuffix(r.cfg.UncachedURL, "/")
	switch name {
	case scenarioPublic:
		return scenario{name, []string{app + "/api/public"}, nil, []string{app}}
	case scenarioCached:
		return scenario{name, []string{app + protectedPath}, r.tokens, []string{app}}
	case scenarioUncached:
		return scenario{name, []string{uncached + protectedPath}, r.tokens, []string{uncached}}
	case scenarioKratosDirect:
		return scenario{name, []string{r.whoamiURL()}, r.tokens, nil}
	case scenarioOathkeeper:
		// Oathkeeper proxies /api/public of the cached instance (the endpoint `public` measures) after asking
		// Kratos's whoami; only Kratos's log counts its whoami calls.
		return scenario{name, []string{strings.TrimSuffix(r.cfg.OathkeeperURL, "/") + "/api/public"}, r.tokens, nil}
	case scenarioCachedCluster:
		var urls, apps []string
		for _, u := range r.cfg.ClusterURLs {
			u = strings.TrimSuffix(u, "/")
			urls, apps = append(urls, u+protectedPath), append(apps, u)
		}
		return scenario{name, urls, r.tokens, apps}
	default:
		return scenario{name, []string{app + protectedPath}, nil, []string{app}}
	}
}

// singleFlightWarmup is the most the single-flight scenario warms up: it measures a count, not a speed.
const singleFlightWarmup = 10 * time.Second

// warmupTokens are the scenario's sessions; single-flight, which has none until its burst, warms up the
// protected endpoint with the others.
func (r *Runner) warmupTokens(s scenario) []string {
	if s.name == scenarioSingleFlight {
		return r.tokens
	}
	return s.tokens
}

// whoamiURL is the request the library makes, so that kratos-direct is the floor for uncached.
func (r *Runner) whoamiURL() string {
	u := strings.TrimSuffix(r.cfg.KratosURL, "/") + "/sessions/whoami"
	if r.cfg.TokenizeAs != "" {
		u += "?tokenize_as=" + url.QueryEscape(r.cfg.TokenizeAs)
	}
	return u
}

// Run runs one scenario: warm-up, a pause, the counters, the measured load, a pause, the counters again.
func (r *Runner) Run(name string) (Result, error) {
	return r.measure(r.scenario(name))
}

// warmupRule is the configured warm-up, but for two scenarios. The single-flight burst counts whoami calls, not
// steady-state speed: a short warm-up is enough. Each member of the cluster sees half of cached-cluster's requests,
// so it gets twice the longest time and the fewest requests: its two JVMs compile the paths `cached` compiles, and
// the data grid's, each at half the rate (pinned to a core each, their JIT also competes with their own requests).
func warmupRule(name string, cfg Config, jit func() float64) WarmupRule {
	switch name {
	case scenarioSingleFlight:
		short := min(cfg.Warmup, singleFlightWarmup)
		return WarmupRule{Least: short, Most: short}
	case scenarioCachedCluster:
		return WarmupRule{Least: cfg.Warmup, Most: 2 * cfg.WarmupMax, MinRequests: 2 * cfg.WarmupRequests, JIT: jit}
	default:
		return WarmupRule{Least: cfg.Warmup, Most: cfg.WarmupMax, MinRequests: cfg.WarmupRequests, JIT: jit}
	}
}

// measure warms a scenario up and measures it.
func (r *Runner) measure(s scenario) (Result, error) {
	name := s.name
	var dials atomic.Int64
	// One pooled connection per worker and instance: a worker asks each instance of a cluster in turn.
	client := newPooledClient(r.cfg.Concurrency*len(s.urls), &dials)
	defer client.CloseIdleConnections()
	jit := func() float64 { return jitSeconds(r.cfg.Processes) }
	rule := warmupRule(name, r.cfg, jit)
	var warmup Warmup
	if rule.Most > 0 {
		// The warm-up uses the scenario's own sessions: `cached` is then measured with a warm cache, in steady
		// state (each session asked again once per TTL), and not while it is being filled.
		warmup = warmUp(client, s.urls, r.warmupTokens(s), r.cfg.Concurrency, rule)
	}

	var load LoadResult
	var err error
	var cpuBefore, cpuAfter map[string]float64
	var dialsBefore int64
	var jitBefore, jitAfter float64
	var measured time.Duration
	counted := r.counted(s, func() {
		cpuBefore, dialsBefore, jitBefore = cpuSnapshot(r.cfg.Processes), dials.Load(), jit()
		started := time.Now()
		if name == scenarioSingleFlight {
			load, err = r.singleFlight(s)
		} else {
			load = runClosedLoop(client, s.urls, s.tokens, r.cfg.Concurrency, r.cfg.Duration)
		}
		measured = time.Since(started)
		cpuAfter, jitAfter = cpuSnapshot(r.cfg.Processes), jit()
	})
	if err != nil {
		return Result{}, err
	}
	result := summarize(name, load)
	result.WarmupSeconds = round(warmup.Took.Seconds(), 1)
	result.WarmupJITShare = round(warmup.JITShare, 2)
	if name != scenarioSingleFlight && measured > 0 {
		result.JITShare = round((jitAfter-jitBefore)/measured.Seconds(), 2)
	}
	result.CPUMsPerRequest = cpuPerRequest(cpuBefore, cpuAfter, load.Requests())
	if name != scenarioSingleFlight {
		result.ClientConnections = dials.Load() - dialsBefore
	}
	counted(&result)
	return result, nil
}

// singleFlight registers a user whose token the application has never seen, then sends N requests with it at once.
func (r *Runner) singleFlight(s scenario) (LoadResult, error) {
	token, err := registerWithRetry(r.http, r.cfg.KratosURL)
	if err != nil {
		return LoadResult{}, fmt.Errorf("registering the single-flight user: %w", err)
	}
	return runBurst(strings.TrimSuffix(r.cfg.AppURL, "/")+"/api/public", s.urls[0], token, r.cfg.SingleFlight)
}

// counted reads the counters around run and returns what fills the result's whoami fields.
func (r *Runner) counted(s scenario, run func()) func(*Result) {
	time.Sleep(settle)
	before, libErr := r.scrapeAll(s.counterApps)
	var logOffset int64
	logErr := fmt.Errorf("Kratos's log is not known")
	if r.kratosLog != nil {
		logOffset, logErr = r.kratosLog.Offset()
	}
	run()
	time.Sleep(settle)
	return func(result *Result) {
		if libErr == nil {
			after, err := r.scrapeAll(s.counterApps)
			if err == nil {
				var total Counters
				var parts []string
				for i := range after {
					delta := after[i].Minus(before[i])
					total = total.Plus(delta)
					parts = append(parts, fmt.Sprintf("%s %.0f whoami calls, %.0f hits, %.0f misses", s.counterApps[i],
						delta.Whoami, delta.CacheHits, delta.CacheMisses))
				}
				result.WhoamiCallsLibrary = ptr(int64(total.Whoami))
				result.CacheHits, result.CacheMisses = ptr(int64(total.CacheHits)), ptr(int64(total.CacheMisses))
				if len(after) > 1 {
					r.note(fmt.Sprintf("%s, per instance: %s", s.name, strings.Join(parts, "; ")))
				}
			} else {
				libErr = err
			}
		}
		if libErr != nil && len(s.counterApps) > 0 {
			r.note(fmt.Sprintf("%s: the library's whoami counter could not be read (%v)", s.name, libErr))
		}
		if logErr == nil {
			count, err := r.kratosLog.CountSince(logOffset)
			if err == nil {
				result.WhoamiCallsKratosLog = ptr(int64(count.Whoami))
				result.KratosConnections = ptr(int64(count.Connections))
			} else {
				r.note(fmt.Sprintf("%s: Kratos's log could not be read (%v)", s.name, err))
			}
		}
		result.WhoamiCalls = result.WhoamiCallsLibrary
		if result.WhoamiCalls == nil {
			result.WhoamiCalls = result.WhoamiCallsKratosLog
		}
		r.checkCache(s, result)
	}
}

// scrapeAll reads the library's counters of every instance; an error when there are none or one fails.
func (r *Runner) scrapeAll(apps []string) ([]Counters, error) {
	if len(apps) == 0 {
		return nil, fmt.Errorf("no library in this scenario")
	}
	out := make([]Counters, len(apps))
	for i, app := range apps {
		c, err := scrapeCounters(r.http, app)
		if err != nil {
			return nil, err
		}
		out[i] = c
	}
	return out, nil
}

// checkCache says when an instance does not behave as its scenario assumes.
func (r *Runner) checkCache(s scenario, result *Result) {
	if result.CacheHits == nil {
		return
	}
	apps := strings.Join(s.counterApps, " and ")
	switch s.name {
	case scenarioCached, scenarioCachedCluster, rowMemoryBaseline, rowMemoryFull:
		if *result.CacheHits == 0 && *result.CacheMisses == 0 {
			r.note(fmt.Sprintf("%s: the application at %s counted no session cache hit or miss: "+
				"this build of the library has no session cache (or it is off), so `%s` measured the uncached path", s.name, apps, s.name))
		}
	case scenarioUncached:
		if *result.CacheHits > 0 {
			r.note(fmt.Sprintf("uncached: the application at %s counted %d session cache hits: it is not running with "+
				"-Dory.session.cache.enabled=false (reused from elsewhere?)", apps, *result.CacheHits))
		}
	}
}

func (r *Runner) note(text string) {
	r.notes = append(r.notes, text)
}

func ptr[T any](v T) *T { return &v }
