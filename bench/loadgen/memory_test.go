package main

import (
	"strings"
	"testing"
)

// As jcmd PID GC.class_histogram prints it on OpenJDK 17 (shortened).
const histogramBefore = `12345:
 num     #instances         #bytes  class name (module)
-------------------------------------------------------
   1:        250316       21532432  [B (java.base@17.0.15)
   2:        240000        5760000  java.lang.String (java.base@17.0.15)
   3:          1000          48000  io.github.orysession.model.Session
Total        491316       27340432
`

const histogramAfter = `12345:
 num     #instances         #bytes  class name (module)
-------------------------------------------------------
   1:        450316       61532432  [B (java.base@17.0.15)
   2:        440000       10760000  java.lang.String (java.base@17.0.15)
   3:        101000        4848000  io.github.orysession.model.Session
   4:        100000        3200000  com.github.benmanes.caffeine.cache.PSAMW
Total       1091316       80140432
`

func TestParseHistogramReadsTheTotalAndEveryClass(t *testing.T) {
	h, err := parseHistogram(histogramBefore)
	if err != nil {
		t.Fatalf("parseHistogram: %v", err)
	}
	if h.TotalBytes != 27340432 || len(h.Classes) != 3 {
		t.Errorf("expected a total of 27340432 bytes in 3 classes, got %d in %d", h.TotalBytes, len(h.Classes))
	}
	if c := h.Classes["[B (java.base@17.0.15)"]; c.Instances != 250316 || c.Bytes != 21532432 {
		t.Errorf("byte arrays should be 250316 instances of 21532432 bytes, got %+v", c)
	}
	if _, err := parseHistogram("12345:\nCould not attach to 12345\n"); err == nil {
		t.Error("an answer without a Total line is no histogram")
	}
}

func TestBytesPerSessionAndTheLargestGrowth(t *testing.T) {
	before, _ := parseHistogram(histogramBefore)
	after, _ := parseHistogram(histogramAfter)
	if got := bytesPerSession(before, after, 100000); got != 528 {
		t.Errorf("(80140432 - 27340432) / 100000 should be 528 bytes, got %v", got)
	}
	if got := bytesPerSession(before, after, 0); got != 0 {
		t.Errorf("no sessions, no figure: got %v", got)
	}
	top := growth(before, after, 2)
	if len(top) != 2 || top[0].Class != "[B (java.base@17.0.15)" || top[0].Bytes != 40000000 || top[0].Instances != 200000 {
		t.Fatalf("byte arrays grew most (40000000 bytes, 200000 instances), got %+v", top)
	}
	if top[1].Class != "java.lang.String (java.base@17.0.15)" {
		t.Errorf("strings grew second most, got %+v", top[1])
	}
	if all := growth(before, after, 10); len(all) != 4 || all[3].Class != "com.github.benmanes.caffeine.cache.PSAMW" {
		t.Errorf("a class new in the second histogram grew by all its bytes; got %+v", all)
	}
}

func TestMemoryTargets(t *testing.T) {
	cfg := benchConfig()
	cfg.MemorySessions = 100000
	zero := int64(0)
	mem := &MemoryResult{Sessions: 100000, BytesPerSession: 4096, EvictedInSample: &zero, Sample: 1000,
		BaselineP50Ms: 2, FullP50Ms: 2.2}
	for _, target := range memoryTargets(mem, cfg) {
		if !target.Measured || !target.Pass {
			t.Errorf("expected PASS at the boundary: %s", target.Line())
		}
	}
	mem.BytesPerSession, mem.FullP50Ms = 4097, 2.21
	for _, target := range memoryTargets(mem, cfg) {
		if !target.Measured || target.Pass {
			t.Errorf("expected FAIL just past the boundary: %s", target.Line())
		}
	}
	evicted := int64(3)
	mem.EvictedInSample, mem.BytesPerSession = &evicted, 100
	if target := memoryTargets(mem, cfg)[0]; target.Measured || !strings.Contains(target.Detail, "max-entries") {
		t.Errorf("with evicted sessions the figure is no measurement and the report should say why: %s", target.Line())
	}
	for _, target := range memoryTargets(nil, cfg) {
		if target.Measured {
			t.Errorf("without the memory scenario nothing is measured: %s", target.Line())
		}
	}
}

func TestSideBySideReportsTheMemoryFigures(t *testing.T) {
	mem := &MemoryResult{Sessions: 5000, BytesPerSession: 2500, HeapLiveBytesBefore: 100e6, HeapLiveBytesAfter: 112.5e6,
		BaselineP50Ms: 2, FullP50Ms: 2.1, LargestGrowth: []ClassGrowth{{Class: "[B", Bytes: 5000 * 800}}}
	all := strings.Join(sideBySide(nil, mem, benchConfig()), "\n")
	for _, want := range []string{"5000 sessions cached cost 2500 bytes of heap each", "p50 2.10 ms with 5200 entries against 2.00 ms with 200",
		"[B 800 bytes/session"} {
		if !strings.Contains(all, want) {
			t.Errorf("the memory lines should contain %q:\n%s", want, all)
		}
	}
}
