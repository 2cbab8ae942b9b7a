package main

import (
	"bufio"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
)

// The library's counters as MicroProfile Metrics 5 publishes them in Prometheus format on Payara Micro
// (GET /metrics?scope=application; /metrics/application answers 404 there), e.g.
//
//	ory_session_whoami_calls_total{mp_scope="application"} 1.0
const (
	metricWhoami      = "ory_session_whoami_calls_total"
	metricCacheHits   = "ory_session_cache_hits_total"
	metricCacheMisses = "ory_session_cache_misses_total"
)

// Counters is one reading of the library's counters on one application instance.
type Counters struct {
	Whoami, CacheHits, CacheMisses float64
}

// Minus is the change from an earlier reading.
func (c Counters) Minus(earlier Counters) Counters {
	return Counters{c.Whoami - earlier.Whoami, c.CacheHits - earlier.CacheHits, c.CacheMisses - earlier.CacheMisses}
}

// Plus adds another reading (of another instance).
func (c Counters) Plus(other Counters) Counters {
	return Counters{c.Whoami + other.Whoami, c.CacheHits + other.CacheHits, c.CacheMisses + other.CacheMisses}
}

// scrapeCounters reads the library's counters from an application's metrics endpoint.
func scrapeCounters(client *http.Client, appURL string) (Counters, error) {
	url := strings.TrimSuffix(appURL, "/") + "/metrics?scope=application"
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return Counters{}, err
	}
	req.Header.Set("Accept", "text/plain")
	resp, err := client.Do(req)
	if err != nil {
		return Counters{}, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		_, _ = io.Copy(io.Discard, resp.Body)
		return Counters{}, fmt.Errorf("GET %s answered %d", url, resp.StatusCode)
	}
	values, err := parsePrometheus(resp.Body)
	if err != nil {
		return Counters{}, err
	}
	whoami, found := values[metricWhoami]
	if !found {
		return Counters{}, fmt.Errorf("GET %s has no %s (is the library deployed with MicroProfile Metrics?)", url, metricWhoami)
	}
	return Counters{Whoami: whoami, CacheHits: values[metricCacheHits], CacheMisses: values[metricCacheMisses]}, nil
}

// parsePrometheus sums each metric's samples over their label sets ("name{labels} value [timestamp]").
func parsePrometheus(r io.Reader) (map[string]float64, error) {
	values := map[string]float64{}
	scanner := bufio.NewScanner(r)
	scanner.Buffer(make([]byte, 64*1024), 1024*1024)
	for scanner.Scan() {
		line := strings.TrimSpace(scanner.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, rest := line, ""
		if i := strings.IndexAny(line, "{ "); i >= 0 {
			name, rest = line[:i], line[i:]
		}
		if strings.HasPrefix(rest, "{") {
			end := strings.LastIndex(rest, "}")
			if end < 0 {
				continue
			}
			rest = rest[end+1:]
		}
		fields := strings.Fields(rest)
		if len(fields) == 0 {
			continue
		}
		value, err := strconv.ParseFloat(fields[0], 64)
		if err != nil {
			continue
		}
		values[name] += value
	}
	return values, scanner.Err()
}
