package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRenderTemplateReplacesKnownPlaceholdersAndRefusesUnknownOnes(t *testing.T) {
	got, err := renderTemplate("port: ${PORT}\nheader: \"{{ print .Subject }}\" $HOME", map[string]string{"PORT": "24455"})
	if err != nil || got != "port: 24455\nheader: \"{{ print .Subject }}\" $HOME" {
		t.Errorf("only ${NAME} placeholders should be replaced, got %q (%v)", got, err)
	}
	if _, err := renderTemplate("url: ${KRATOS_URL} ${PORTS}", map[string]string{"PORT": "1"}); err == nil ||
		!strings.Contains(err.Error(), "${KRATOS_URL}, ${PORTS}") {
		t.Errorf("unknown placeholders should be named in the error, got %v", err)
	}
}

// The committed templates, rendered as bench.sh renders them: what Oathkeeper is started with.
func TestOathkeeperConfigIsTheDocumentedKratosSetUpWithTheRunsPorts(t *testing.T) {
	out := t.TempDir()
	settings := OathkeeperSettings{KratosURL: "http://127.0.0.1:24433/", UpstreamURL: "http://127.0.0.1:28080",
		ProxyPort: 24455, APIPort: 24456, MetricsPort: 24457}
	path, err := writeOathkeeperConfig("../../oathkeeper", out, settings)
	if err != nil {
		t.Fatalf("writeOathkeeperConfig: %v", err)
	}
	config, _ := os.ReadFile(path)
	rules, _ := os.ReadFile(filepath.Join(out, "rules.yml"))
	for _, text := range []string{string(config), string(rules)} {
		if strings.Contains(text, "${") {
			t.Errorf("a placeholder was left:\n%s", text)
		}
	}
	cfg := string(config)
	for _, want := range []string{
		"port: 24455", "port: 24456", "port: 24457", "host: 127.0.0.1",
		"file://" + filepath.Join(out, "rules.yml"),
		"level: warn\n",
		"verbose: false",
	} {
		if !strings.Contains(cfg, want) {
			t.Errorf("oathkeeper.yml should contain %q", want)
		}
	}
	// Both authenticators ask the same Kratos's whoami, keeping its path and query, with GET, and take the
	// identity's id as the subject.
	for _, want := range []string{
		"check_session_url: http://127.0.0.1:24433/sessions/whoami", "preserve_path: true", "preserve_query: true",
		"force_method: GET", "subject_from: identity.id", `extra_from: "@this"`,
	} {
		if n := strings.Count(cfg, want); n != 2 {
			t.Errorf("both authenticators should have %q, found %d", want, n)
		}
	}
	for _, want := range []string{"token_from:\n        header: X-Session-Token", "only:\n        - ory_kratos_session",
		"allow:\n    enabled: true", `X-User: "{{ print .Subject }}"`} {
		if !strings.Contains(cfg, want) {
			t.Errorf("oathkeeper.yml should contain %q", want)
		}
	}
	r := string(rules)
	for _, want := range []string{"url: http://127.0.0.1:24455/api/public", "url: http://127.0.0.1:28080\n",
		"- handler: cookie_session\n    - handler: bearer_token", "handler: allow", "- handler: header"} {
		if !strings.Contains(r, want) {
			t.Errorf("rules.yml should contain %q:\n%s", want, r)
		}
	}
}

func TestOathkeeperConfigRefusesBadSettings(t *testing.T) {
	good := OathkeeperSettings{KratosURL: "http://127.0.0.1:4433", UpstreamURL: "http://127.0.0.1:8080", ProxyPort: 4455, APIPort: 4456, MetricsPort: 4457}
	bad := []OathkeeperSettings{good, good, good}
	bad[0].APIPort = 4455
	bad[1].MetricsPort = 0
	bad[2].KratosURL = "127.0.0.1:4433"
	for _, s := range bad {
		if _, err := writeOathkeeperConfig("../../oathkeeper", t.TempDir(), s); err == nil {
			t.Errorf("%+v should be refused", s)
		}
	}
}
