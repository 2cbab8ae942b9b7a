package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"sort"
	"strconv"
	"strings"
	"time"
)

// The memory scenario's rows in results.json: the cached path on the memory instance with the run's
// BENCH_SESSIONS sessions (its cache nearly empty), then with BENCH_MEMORY_SESSIONS more in it.
const (
	rowMemoryBaseline = "memory-baseline"
	rowMemoryFull     = "memory-full"
)

// Memory targets: a cached session costs at most 4 KB of heap, and the cached path is no slower with a full
// cache. p50s of two stretches of load differ by a few per cent from run to run even on the same JVM, so "no
// slower" allows memoryP50Tolerance of that.
const (
	memoryBytesTarget  = 4096
	memoryP50Tolerance = 1.10
	// The sessions asked again after the fill to check that none was evicted.
	evictionSample = 1000
)

// MemoryResult is target/bench/memory.json: the two fields first, then how they were measured.
type MemoryResult struct {
	Sessions        int     `json:"sessions"`
	BytesPerSession float64 `json:"bytes_per_session"`

	HeapLiveBytesBefore int64         `json:"heap_live_bytes_before"` // jcmd GC.class_histogram's total, after a full GC
	HeapLiveBytesAfter  int64         `json:"heap_live_bytes_after"`
	SessionsMade        int           `json:"sessions_made"` // by Kratos's API registration and login flows
	SessionsMadeSeconds float64       `json:"sessions_made_seconds"`
	FillRequests        int           `json:"fill_requests"` // one per new session, through the library
	FillErrors          int           `json:"fill_errors"`
	FillCacheMisses     *int64        `json:"fill_cache_misses"` // entries the library added (its counter)
	FillWhoamiCalls     *int64        `json:"fill_whoami_calls"`
	FillSeconds         float64       `json:"fill_seconds"`
	EvictedInSample     *int64        `json:"evicted_in_sample"` // cache misses when the first sessions were asked again
	Sample              int           `json:"sample"`
	BaselineP50Ms       float64       `json:"baseline_p50_ms"` // rowMemoryBaseline
	FullP50Ms           float64       `json:"full_p50_ms"`     // rowMemoryFull
	LargestGrowth       []ClassGrowth `json:"largest_growth"`  // the classes whose live bytes grew most
}

// ClassGrowth is one class's growth between two heap histograms.
type ClassGrowth struct {
	Class     string `json:"class"`
	Instances int64  `json:"instances"`
	Bytes     int64  `json:"bytes"`
}

// Histogram is a heap histogram of live objects (jcmd PID GC.class_histogram, which runs a full GC first).
type Histogram struct {
	TotalBytes int64
	Classes    map[string]ClassGrowth // by class name (with its module), instances and bytes
}

// parseHistogram reads jcmd's GC.class_histogram output:
//
//	 num     #instances         #bytes  class name (module)
//	-------------------------------------------------------
//	   1:        250316       21532432  [B (java.base@17.0.15)
//	Total       1911474      113853624
func parseHistogram(text string) (Histogram, error) {
	h := Histogram{TotalBytes: -1, Classes: map[string]ClassGrowth{}}
	scanner := bufio.NewScanner(strings.NewReader(text))
	scanner.Buffer(make([]byte, 64*1024), 1024*1024)
	for scanner.Scan() {
		fields := strings.Fields(scanner.Text())
		switch {
		case len(fields) == 3 && fields[0] == "Total":
			total, err := strconv.ParseInt(fields[2], 10, 64)
			if err != nil {
				return h, fmt.Errorf("heap histogram: bad total %q", scanner.Text())
			}
			h.TotalBytes = total
		case len(fields) >= 4 && strings.HasSuffix(fields[0], ":"):
			if _, err := strconv.Atoi(strings.TrimSuffix(fields[0], ":")); err != nil {
				continue
			}
			instances, err1 := strconv.ParseInt(fields[1], 10, 64)
			bytes, err2 := strconv.ParseInt(fields[2], 10, 64)
			if err1 != nil || err2 != nil {
				return h, fmt.Errorf("heap histogram: bad line %q", scanner.Text())
			}
			name := strings.Join(fields[3:], " ")
			c := h.Classes[name]
			h.Classes[name] = ClassGrowth{Class: name, Instances: c.Instances + instances, Bytes: c.Bytes + bytes}
		}
	}
	if err := scanner.Err(); err != nil {
		return h, err
	}
	if h.TotalBytes < 0 {
		return h, fmt.Errorf("heap histogram without a Total line (%.200s)", text)
	}
	return h, nil
}

// heapHistogram asks the JVM for a histogram of its live objects.
func heapHistogram(jcmd string, pid int) (Histogram, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, jcmd, strconv.Itoa(pid), "GC.class_histogram").CombinedOutput()
	if err != nil {
		return Histogram{}, fmt.Errorf("%s %d GC.class_histogram: %v (%.300s)", jcmd, pid, err, out)
	}
	return parseHistogram(string(out))
}

// growth is the `top` classes whose live bytes grew most from before to after, largest first.
func growth(before, after Histogram, top int) []ClassGrowth {
	var out []ClassGrowth
	for name, a := range after.Classes {
		b := before.Classes[name]
		if a.Bytes > b.Bytes {
			out = append(out, ClassGrowth{Class: name, Instances: a.Instances - b.Instances, Bytes: a.Bytes - b.Bytes})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Bytes != out[j].Bytes {
			return out[i].Bytes > out[j].Bytes
		}
		return out[i].Class < out[j].Class
	})
	if len(out) > top {
		out = out[:top]
	}
	return out
}

// bytesPerSession is the live heap the added sessions grew by, per session.
func bytesPerSession(before, after Histogram, sessions int64) float64 {
	if sessions <= 0 {
		return 0
	}
	return round(float64(after.TotalBytes-before.TotalBytes)/float64(sessions), 1)
}

// runMemory is the memory scenario on its own instance (a cache larger than its sessions, a TTL longer than the
// run): it makes BENCH_MEMORY_SESSIONS sessions through Kratos's API flows, measures the cached path with the
// run's BENCH_SESSIONS sessions, takes a heap histogram, fills the cache with every new session (one request
// each), checks that the first ones are still cached, takes another histogram, and measures the cached path
// again cycling through all the new sessions.
func (r *Runner) runMemory() ([]Result, *MemoryResult, error) {
	cfg := r.cfg
	if cfg.MemoryPID <= 0 {
		return nil, nil, fmt.Errorf("the memory scenario needs the process id of its instance (-memory-pid) for the heap histograms")
	}
	app := strings.TrimSuffix(cfg.MemoryURL, "/")
	mem := &MemoryResult{Sample: min(evictionSample, cfg.MemorySessions)}

	fmt.Fprintf(r.progress, "  making %d sessions (%d identities, %d logins at a time)...\n", cfg.MemorySessions,
		min(cfg.MemoryUsers, cfg.MemorySessions), cfg.LoginWorkers)
	started := time.Now()
	tokens, err := makeSessions(newPooledClient(cfg.LoginWorkers, nil), cfg.KratosURL, cfg.MemorySessions,
		cfg.MemoryUsers, cfg.LoginWorkers, r.progress)
	if err != nil {
		return nil, nil, err
	}
	mem.SessionsMade, mem.SessionsMadeSeconds = len(tokens), round(time.Since(started).Seconds(), 1)
	fmt.Fprintf(r.progress, "  made %d sessions in %.0f s\n", len(tokens), mem.SessionsMadeSeconds)

	fmt.Fprintf(r.progress, "  the cached path with %d sessions...\n", len(r.tokens))
	baseline, err := r.measure(scenario{rowMemoryBaseline, []string{app + protectedPath}, r.tokens, []string{app}})
	if err != nil {
		return nil, nil, err
	}
	before, err := heapHistogram(cfg.Jcmd, cfg.MemoryPID)
	if err != nil {
		return nil, nil, err
	}

	fmt.Fprintf(r.progress, "  filling the cache with %d sessions...\n", len(tokens))
	client := newPooledClient(cfg.Concurrency, nil)
	defer client.CloseIdleConnections()
	var fill LoadResult
	counted := r.counted(scenario{name: "memory fill", counterApps: []string{app}}, func() {
		fill = runEach(client, app+protectedPath, tokens, cfg.Concurrency)
	})
	var fillCounts Result
	counted(&fillCounts)
	mem.FillRequests, mem.FillErrors, mem.FillSeconds = fill.Requests(), fill.Errors, round(fill.Elapsed.Seconds(), 1)
	mem.FillCacheMisses, mem.FillWhoamiCalls = fillCounts.CacheMisses, fillCounts.WhoamiCalls
	if fill.Errors > 0 {
		r.note(fmt.Sprintf("memory: %d of %d requests filling the cache failed (first: %s)", fill.Errors, fill.Requests(), fill.FirstError))
	}

	after, err := heapHistogram(cfg.Jcmd, cfg.MemoryPID)
	if err != nil {
		return nil, nil, err
	}
	// The first sessions filled are the first an undersized cache would have evicted.
	var recheck Result
	counted = r.counted(scenario{name: "memory recheck", counterApps: []string{app}}, func() {
		runEach(client, app+protectedPath, tokens[:mem.Sample], cfg.Concurrency)
	})
	counted(&recheck)
	mem.EvictedInSample = recheck.CacheMisses

	added := int64(len(fill.Latencies))
	if mem.FillCacheMisses != nil {
		added = *mem.FillCacheMisses
	}
	mem.Sessions = int(added)
	mem.HeapLiveBytesBefore, mem.HeapLiveBytesAfter = before.TotalBytes, after.TotalBytes
	mem.BytesPerSession = bytesPerSession(before, after, added)
	mem.LargestGrowth = growth(before, after, 12)

	fmt.Fprintf(r.progress, "  the cached path with %d sessions in the cache...\n", len(tokens)+len(r.tokens))
	full, err := r.measure(scenario{rowMemoryFull, []string{app + protectedPath}, tokens, []string{app}})
	if err != nil {
		return nil, nil, err
	}
	if full.CacheMisses != nil && *full.CacheMisses > 0 {
		r.note(fmt.Sprintf("memory-full: %d cache misses while measuring: not every session was cached "+
			"(max-entries or TTL of the memory instance too small?)", *full.CacheMisses))
	}
	mem.BaselineP50Ms, mem.FullP50Ms = baseline.P50Ms, full.P50Ms
	return []Result{baseline, full}, mem, nil
}

// memoryTargets are the memory scenario's two targets.
func memoryTargets(mem *MemoryResult, cfg Config) []Target {
	t := Target{Description: fmt.Sprintf("`memory`: a cached session costs at most %d bytes of heap", memoryBytesTarget)}
	switch {
	case mem == nil:
		t.Detail = "needs the memory scenario"
	case mem.EvictedInSample == nil || *mem.EvictedInSample > 0 || mem.FillErrors > 0:
		t.Detail = fmt.Sprintf("not measurable: %d fill errors, evicted in a sample of %d: %s (is the instance's "+
			"ory.session.cache.max-entries above %d?)", mem.FillErrors, mem.Sample, ptrText(mem.EvictedInSample), cfg.MemorySessions)
	default:
		t.Measured, t.Pass = true, mem.BytesPerSession <= memoryBytesTarget
		t.Ratio = fmt.Sprintf("%.0f bytes", mem.BytesPerSession)
		t.Detail = fmt.Sprintf("live heap %.1f MB -> %.1f MB for %d sessions", float64(mem.HeapLiveBytesBefore)/1e6,
			float64(mem.HeapLiveBytesAfter)/1e6, mem.Sessions)
	}
	targets := []Target{t}

	t = Target{Description: fmt.Sprintf("`memory-full` p50 <= %.2f x `memory-baseline` p50 (a full cache is not slower)", memoryP50Tolerance)}
	if mem != nil && mem.BaselineP50Ms > 0 {
		ratio := mem.FullP50Ms / mem.BaselineP50Ms
		t.Measured, t.Pass = true, ratio <= memoryP50Tolerance
		t.Ratio = fmt.Sprintf("%.2f", ratio)
		t.Detail = fmt.Sprintf("%.2f ms with %d sessions cached / %.2f ms with %d", mem.FullP50Ms, mem.Sessions+cfg.Sessions,
			mem.BaselineP50Ms, cfg.Sessions)
	} else {
		t.Detail = "needs the memory scenario"
	}
	return append(targets, t)
}

func ptrText(v *int64) string {
	if v == nil {
		return "unknown"
	}
	return fmt.Sprint(*v)
}

func writeMemoryJSON(path string, mem *MemoryResult) error {
	data, err := json.MarshalIndent(mem, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o644)
}
