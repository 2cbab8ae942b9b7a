package main

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

func TestRenderChartWritesAPNG(t *testing.T) {
	path := filepath.Join(t.TempDir(), "results.png")
	results := []Result{
		counted(Result{Scenario: scenarioPublic, RequestsPerSecond: 1500, P50Ms: 5, P99Ms: 20}, 0, 0),
		counted(Result{Scenario: scenarioSingleFlight, RequestsPerSecond: 100, P50Ms: 50, P99Ms: 80}, 1, 2),
	}
	if err := renderChart(path, results, "test"); err != nil {
		t.Fatalf("renderChart: %v", err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("the chart should be a valid PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() != chartWidth || b.Dy() != chartHigh {
		t.Errorf("expected a %dx%d chart, got %v", chartWidth, chartHigh, b)
	}
}

func TestNiceStepRoundsUpToOneTwoOrFive(t *testing.T) {
	for raw, want := range map[float64]float64{0.7: 1, 1.3: 2, 3: 5, 7: 10, 230: 500, 0: 1} {
		if got := niceStep(raw); got != want {
			t.Errorf("niceStep(%v) should be %v, got %v", raw, want, got)
		}
	}
}
