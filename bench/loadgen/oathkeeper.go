package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// OathkeeperSettings are the run-specific values of the `oathkeeper` scenario's configuration.
type OathkeeperSettings struct {
	KratosURL   string // Kratos's public API, whose /sessions/whoami the authenticators ask
	UpstreamURL string // the example on Payara Micro, whose /api/public Oathkeeper proxies to
	ProxyPort   int
	APIPort     int
	MetricsPort int
}

// oathkeeperTemplates are the files of oathkeeper/ that `loadgen oathkeeper-config` renders.
var oathkeeperTemplates = []string{"oathkeeper.yml", "rules.yml"}

var placeholder = regexp.MustCompile(`\$\{([A-Za-z0-9_]*)\}`)

// values are the placeholders' values, for rules written to rulesFile.
func (s OathkeeperSettings) values(rulesFile string) map[string]string {
	proxy := "http://127.0.0.1:" + strconv.Itoa(s.ProxyPort)
	return map[string]string{
		"PROXY_PORT":        strconv.Itoa(s.ProxyPort),
		"API_PORT":          strconv.Itoa(s.APIPort),
		"METRICS_PORT":      strconv.Itoa(s.MetricsPort),
		"PROXY_URL":         proxy,
		"KRATOS_PUBLIC_URL": strings.TrimSuffix(s.KratosURL, "/"),
		"UPSTREAM_URL":      strings.TrimSuffix(s.UpstreamURL, "/"),
		"RULES_FILE":        rulesFile,
	}
}

// renderTemplate replaces each ${NAME} with its value; an unknown name is an error, so that a placeholder
// never reaches Oathkeeper unreplaced.
func renderTemplate(text string, values map[string]string) (string, error) {
	var unknown []string
	out := placeholder.ReplaceAllStringFunc(text, func(m string) string {
		name := placeholder.FindStringSubmatch(m)[1]
		v, ok := values[name]
		if !ok {
			unknown = append(unknown, m)
			return m
		}
		return v
	})
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return "", fmt.Errorf("unknown placeholders %s", strings.Join(unknown, ", "))
	}
	return out, nil
}

func (s OathkeeperSettings) check() error {
	for _, p := range []int{s.ProxyPort, s.APIPort, s.MetricsPort} {
		if p <= 0 || p > 65535 {
			return fmt.Errorf("ports must be between 1 and 65535, got proxy %d, api %d, metrics %d", s.ProxyPort, s.APIPort, s.MetricsPort)
		}
	}
	if s.ProxyPort == s.APIPort || s.ProxyPort == s.MetricsPort || s.APIPort == s.MetricsPort {
		return fmt.Errorf("the proxy, api and metrics ports must differ, got %d, %d, %d", s.ProxyPort, s.APIPort, s.MetricsPort)
	}
	for _, u := range []string{s.KratosURL, s.UpstreamURL} {
		if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
			return fmt.Errorf("%q is not an http(s) URL", u)
		}
	}
	return nil
}

// writeOathkeeperConfig renders oathkeeper.yml and rules.yml from templateDir into outDir and returns the path
// of the configuration to start Oathkeeper with.
func writeOathkeeperConfig(templateDir, outDir string, s OathkeeperSettings) (string, error) {
	if err := s.check(); err != nil {
		return "", err
	}
	outDir, err := filepath.Abs(outDir)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return "", err
	}
	values := s.values(filepath.Join(outDir, "rules.yml"))
	for _, name := range oathkeeperTemplates {
		text, err := os.ReadFile(filepath.Join(templateDir, name))
		if err != nil {
			return "", err
		}
		rendered, err := renderTemplate(string(text), values)
		if err != nil {
			return "", fmt.Errorf("%s: %w", name, err)
		}
		if err := os.WriteFile(filepath.Join(outDir, name), []byte(rendered), 0o644); err != nil {
			return "", err
		}
	}
	return filepath.Join(outDir, "oathkeeper.yml"), nil
}

// runOathkeeperConfig is `loadgen oathkeeper-config`: bench.sh renders the configuration with it before it
// starts Oathkeeper, and gets the configuration's path on standard output.
func runOathkeeperConfig(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("loadgen oathkeeper-config", flag.ContinueOnError)
	var templates, dir string
	var s OathkeeperSettings
	fs.StringVar(&templates, "templates", "oathkeeper", "the folder with oathkeeper.yml and rules.yml")
	fs.StringVar(&dir, "out", "target/bench/oathkeeper", "where to write the rendered files")
	fs.StringVar(&s.KratosURL, "kratos-url", "http://127.0.0.1:4433", "Kratos's public API")
	fs.StringVar(&s.UpstreamURL, "upstream-url", "http://127.0.0.1:8080", "the example whose /api/public Oathkeeper proxies to")
	fs.IntVar(&s.ProxyPort, "proxy-port", 4455, "Oathkeeper's proxy port")
	fs.IntVar(&s.APIPort, "api-port", 4456, "Oathkeeper's API port")
	fs.IntVar(&s.MetricsPort, "metrics-port", 4457, "Oathkeeper's Prometheus port")
	if err := fs.Parse(args); err != nil {
		return err
	}
	path, err := writeOathkeeperConfig(templates, dir, s)
	if err != nil {
		return err
	}
	fmt.Fprintln(out, path)
	return nil
}
