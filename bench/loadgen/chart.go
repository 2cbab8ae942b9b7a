package main

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"os"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

var (
	white      = color.RGBA{255, 255, 255, 255}
	black      = color.RGBA{30, 30, 30, 255}
	grey       = color.RGBA{110, 110, 110, 255}
	gridGrey   = color.RGBA{225, 225, 225, 255}
	blue       = color.RGBA{72, 120, 168, 255}
	green      = color.RGBA{89, 161, 79, 255}
	red        = color.RGBA{225, 87, 89, 255}
	chartWidth = 1280
	chartHigh  = 1000
)

type fonts struct{ title, label, small font.Face }

func loadFonts() (fonts, error) {
	regular, err := opentype.Parse(goregular.TTF)
	if err != nil {
		return fonts{}, err
	}
	bold, err := opentype.Parse(gobold.TTF)
	if err != nil {
		return fonts{}, err
	}
	face := func(f *opentype.Font, size float64) (font.Face, error) {
		return opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
	}
	var fs fonts
	if fs.title, err = face(bold, 20); err != nil {
		return fs, err
	}
	if fs.label, err = face(regular, 14); err != nil {
		return fs, err
	}
	fs.small, err = face(regular, 12)
	return fs, err
}

// renderChart draws two panels, one above the other so that every scenario has room for its name: throughput
// per scenario, and p50/p99 latency per scenario, every bar labelled with its value and every scenario with its
// whoami calls.
func renderChart(path string, results []Result, subtitle string) error {
	fs, err := loadFonts()
	if err != nil {
		return err
	}
	img := image.NewRGBA(image.Rect(0, 0, chartWidth, chartHigh))
	draw.Draw(img, img.Bounds(), image.NewUniform(white), image.Point{}, draw.Src)
	text(img, fs.title, 24, 34, "Ory session library: benchmark", black, alignLeft)
	text(img, fs.small, 24, 56, subtitle, grey, alignLeft)

	names := make([]string, len(results))
	footers := make([]string, len(results))
	rps := make([][]float64, len(results))
	lat := make([][]float64, len(results))
	for i, r := range results {
		names[i] = r.Scenario
		footers[i] = "whoami: " + whoamiText(r)
		if len(footers[i]) > 22 {
			footers[i] = fmt.Sprintf("whoami: %d / %d", deref(r.WhoamiCallsLibrary), deref(r.WhoamiCallsKratosLog))
		}
		rps[i] = []float64{r.RequestsPerSecond}
		lat[i] = []float64{r.P50Ms, r.P99Ms}
	}
	half := chartHigh / 2
	p := panel{fs: fs, left: 90, top: 110, right: chartWidth - 30, bottom: half - 50}
	p.draw(img, "Throughput (requests/s, higher is better)", names, footers, rps, []color.RGBA{blue}, nil, "%.0f")
	p = panel{fs: fs, left: 90, top: half + 50, right: chartWidth - 30, bottom: chartHigh - 80}
	p.draw(img, "Latency (ms, lower is better)", names, footers, lat, []color.RGBA{green, red}, []string{"p50", "p99"}, "%.1f")
	text(img, fs.small, 24, chartHigh-14,
		"single-flight: N requests with one new token released together; its requests/s is N / burst time.", grey, alignLeft)

	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

type panel struct {
	fs                       fonts
	left, top, right, bottom int
}

// draw renders grouped bars: values[scenario][series].
func (p panel) draw(img *image.RGBA, title string, names, footers []string, values [][]float64, colors []color.RGBA,
	legend []string, format string) {
	text(img, p.fs.label, p.left, p.top-24, title, black, alignLeft)
	top := 0.0
	for _, group := range values {
		for _, v := range group {
			top = math.Max(top, v)
		}
	}
	step := niceStep(top * 1.15 / 5)
	axisMax := step * math.Ceil(top*1.15/step)
	if axisMax <= 0 {
		axisMax, step = 1, 0.2
	}
	y := func(v float64) int { return p.bottom - int(math.Round(v/axisMax*float64(p.bottom-p.top))) }
	for tick := 0.0; tick <= axisMax+step/2; tick += step {
		fillRect(img, p.left, y(tick), p.right, y(tick)+1, gridGrey)
		text(img, p.fs.small, p.left-8, y(tick)+4, trimNumber(tick), grey, alignRight)
	}
	fillRect(img, p.left, p.top, p.left+1, p.bottom, black)
	fillRect(img, p.left, p.bottom, p.right, p.bottom+1, black)

	if len(values) == 0 {
		return
	}
	slot := float64(p.right-p.left) / float64(len(values))
	barWidth := int(slot * 0.7 / float64(len(colors)))
	for i, group := range values {
		center := p.left + int(slot*(float64(i)+0.5))
		x := center - barWidth*len(group)/2
		for s, v := range group {
			fillRect(img, x, y(v), x+barWidth-2, p.bottom, colors[s])
			text(img, p.fs.small, x+barWidth/2-1, y(v)-5, fmt.Sprintf(format, v), black, alignCenter)
			x += barWidth
		}
		text(img, p.fs.label, center, p.bottom+20, names[i], black, alignCenter)
		text(img, p.fs.small, center, p.bottom+38, footers[i], grey, alignCenter)
	}
	for s, name := range legend {
		x := p.right - 70*(len(legend)-s)
		fillRect(img, x, p.top-36, x+14, p.top-22, colors[s])
		text(img, p.fs.small, x+20, p.top-24, name, black, alignLeft)
	}
}

// niceStep rounds a raw tick step up to 1, 2 or 5 times a power of ten.
func niceStep(raw float64) float64 {
	if raw <= 0 {
		return 1
	}
	magnitude := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if raw <= m*magnitude {
			return m * magnitude
		}
	}
	return 10 * magnitude
}

func trimNumber(v float64) string {
	if v == math.Trunc(v) {
		return fmt.Sprintf("%.0f", v)
	}
	return fmt.Sprintf("%g", math.Round(v*1000)/1000)
}

type alignment int

const (
	alignLeft alignment = iota
	alignCenter
	alignRight
)

func text(img *image.RGBA, face font.Face, x, y int, s string, c color.RGBA, align alignment) {
	d := &font.Drawer{Dst: img, Src: image.NewUniform(c), Face: face}
	width := d.MeasureString(s).Round()
	switch align {
	case alignCenter:
		x -= width / 2
	case alignRight:
		x -= width
	}
	d.Dot = fixed.P(x, y)
	d.DrawString(s)
}

func fillRect(img *image.RGBA, x0, y0, x1, y1 int, c color.RGBA) {
	draw.Draw(img, image.Rect(x0, y0, x1, y1), image.NewUniform(c), image.Point{}, draw.Src)
}

func deref(v *int64) int64 {
	if v == nil {
		return -1
	}
	return *v
}
