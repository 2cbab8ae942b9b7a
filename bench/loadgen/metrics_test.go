package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// What Payara Micro 6.2025.10 answers on GET /metrics?scope=application (MicroProfile Metrics 5).
const payaraMetrics = `# TYPE ory_session_cache_hits_total counter
# HELP ory_session_cache_hits_total 
ory_session_cache_hits_total{mp_scope="application"} 7.0
# TYPE ory_session_whoami_calls_total counter
# HELP ory_session_whoami_calls_total 
ory_session_whoami_calls_total{mp_scope="application"} 1234.0
ory_session_whoami_calls_total{mp_scope="application",other="x"} 1.0
something_without_labels 5 1700000000
garbage line {
`

func TestParsePrometheusSumsLabelSetsAndSkipsCommentsAndGarbage(t *testing.T) {
	values, err := parsePrometheus(strings.NewReader(payaraMetrics))
	if err != nil {
		t.Fatalf("parsePrometheus: %v", err)
	}
	if got := values[metricWhoami]; got != 1235 {
		t.Errorf("whoami calls should be the sum over label sets, 1235, got %v", got)
	}
	if got := values[metricCacheHits]; got != 7 {
		t.Errorf("cache hits should be 7, got %v", got)
	}
	if got := values["something_without_labels"]; got != 5 {
		t.Errorf("a sample without labels but with a timestamp should read 5, got %v", got)
	}
	if _, found := values["garbage"]; found {
		t.Error("a line that is not a sample should be skipped")
	}
}

func TestScrapeCountersReadsTheApplicationScope(t *testing.T) {
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/metrics" || r.URL.Query().Get("scope") != "application" {
			http.NotFound(w, r)
			return
		}
		_, _ = w.Write([]byte(payaraMetrics))
	}))
	defer server.Close()
	got, err := scrapeCounters(server.Client(), server.URL+"/")
	if err != nil {
		t.Fatalf("scrapeCounters: %v", err)
	}
	if got.Whoami != 1235 || got.CacheHits != 7 || got.CacheMisses != 0 {
		t.Errorf("expected whoami 1235, hits 7, misses 0; got %+v", got)
	}
	if delta := got.Minus(Counters{Whoami: 1000, CacheHits: 2}); delta.Whoami != 235 || delta.CacheHits != 5 {
		t.Errorf("the delta should be 235 whoami calls and 5 hits, got %+v", delta)
	}
}

func TestScrapeCountersFailsWithoutTheLibrarysCounterOrOnAnError(t *testing.T) {
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("scope") == "application" {
			_, _ = w.Write([]byte("other_total 1\n"))
			return
		}
		http.NotFound(w, r)
	}))
	defer server.Close()
	if _, err := scrapeCounters(server.Client(), server.URL); err == nil || !strings.Contains(err.Error(), metricWhoami) {
		t.Errorf("a metrics page without %s should be an error naming it, got %v", metricWhoami, err)
	}
	missing := httptest.NewServer(http.NotFoundHandler())
	defer missing.Close()
	if _, err := scrapeCounters(missing.Client(), missing.URL); err == nil || !strings.Contains(err.Error(), "404") {
		t.Errorf("a 404 from the metrics endpoint should be an error with the status, got %v", err)
	}
}
