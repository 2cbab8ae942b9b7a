package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// Lines as Kratos v1.3.1 writes them (log.format text, and json), shortened.
const (
	textStarted    = `time=2026-11-23T06:48:45Z level=info msg=started handling request http_request=map[headers:map[x-session-token:Value is sensitive] host:127.0.0.1:24433 method:GET path:/sessions/whoami query:Value is sensitive remote:127.0.0.1:59824 scheme:http]`
	textCompleted  = `time=2026-11-23T06:48:45Z level=info msg=completed handling request http_request=map[headers:map[x-session-token:Value is sensitive] host:127.0.0.1:24433 method:GET path:/sessions/whoami query:Value is sensitive remote:127.0.0.1:59824 scheme:http] http_response=map[size:1872 status:200 took:1.2ms]`
	textOtherPort  = `time=2026-11-23T06:48:46Z level=info msg=completed handling request http_request=map[host:127.0.0.1:24433 method:GET path:/sessions/whoami remote:127.0.0.1:59830 scheme:http] http_response=map[status:401]`
	textOtherPath  = `time=2026-11-23T06:48:46Z level=info msg=completed handling request http_request=map[host:127.0.0.1:24433 method:GET path:/self-service/registration/api remote:127.0.0.1:59831 scheme:http]`
	textLongerPath = `time=2026-11-23T06:48:46Z level=info msg=completed handling request http_request=map[method:GET path:/sessions/whoamiX remote:127.0.0.1:59832 scheme:http]`
	jsonCompleted  = `{"http_request":{"method":"GET","path":"/sessions/whoami","query":"Value is sensitive","remote":"127.0.0.1:40000","scheme":"http"},"level":"info","msg":"completed handling request"}`
)

func TestCountWhoamiCountsCompletedWhoamiRequestsAndTheirConnections(t *testing.T) {
	log := strings.Join([]string{textStarted, textCompleted, textOtherPort, textOtherPath, textLongerPath, jsonCompleted, textCompleted}, "\n")
	got, err := countWhoami(strings.NewReader(log))
	if err != nil {
		t.Fatalf("countWhoami: %v", err)
	}
	if got.Whoami != 4 {
		t.Errorf("expected 4 completed whoami requests (text x3, json x1; not the started line, another path or /sessions/whoamiX), got %d", got.Whoami)
	}
	if got.Connections != 3 {
		t.Errorf("expected 3 distinct client addresses (59824, 59830, 40000), got %d", got.Connections)
	}
}

func TestKratosLogCountsOnlyWhatWasWrittenAfterTheOffset(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kratos.log")
	if err := os.WriteFile(path, []byte(textCompleted+"\n"+textCompleted+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	log := &KratosLog{Path: path}
	offset, err := log.Offset()
	if err != nil {
		t.Fatalf("Offset: %v", err)
	}
	f, _ := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	_, _ = f.WriteString(textOtherPort + "\n")
	f.Close()
	got, err := log.CountSince(offset)
	if err != nil {
		t.Fatalf("CountSince: %v", err)
	}
	if got.Whoami != 1 {
		t.Errorf("only the line appended after the offset should count, got %d", got.Whoami)
	}
}

// fakeKratos answers the API registration flow; failFirst makes the first POSTs answer status instead.
func fakeKratos(t *testing.T, failFirst int, status int, token string) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var posts atomic.Int64
	var server *httptest.Server
	server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.Method == http.MethodGet && r.URL.Path == "/self-service/registration/api":
			_ = json.NewEncoder(w).Encode(map[string]any{"ui": map[string]any{"action": server.URL + "/self-service/registration?flow=1"}})
		case r.Method == http.MethodPost && r.URL.Path == "/self-service/registration":
			var body map[string]any
			_ = json.NewDecoder(r.Body).Decode(&body)
			if body["method"] != "password" || body["traits"].(map[string]any)["email"] == "" {
				w.WriteHeader(http.StatusBadRequest)
				return
			}
			if posts.Add(1) <= int64(failFirst) {
				w.WriteHeader(status)
				_, _ = w.Write([]byte(`{"error":{"message":"database table is locked"}}`))
				return
			}
			_ = json.NewEncoder(w).Encode(map[string]any{"session_token": token})
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(server.Close)
	return server, &posts
}

func TestRegisterSessionsRunsTheAPIFlowAndRetriesALockedDatabase(t *testing.T) {
	server, posts := fakeKratos(t, 2, http.StatusInternalServerError, "tok")
	tokens, err := registerSessions(server.Client(), server.URL, 3)
	if err != nil {
		t.Fatalf("registerSessions: %v", err)
	}
	if len(tokens) != 3 || tokens[0] != "tok" {
		t.Errorf("expected 3 session tokens from the registration answers, got %d", len(tokens))
	}
	if posts.Load() != 5 {
		t.Errorf("the two 500s should have been retried: expected 5 POSTs, got %d", posts.Load())
	}
}

func TestRegisterDoesNotRetryAClientErrorNorAcceptAMissingToken(t *testing.T) {
	server, posts := fakeKratos(t, 1, http.StatusBadRequest, "tok")
	if _, err := registerWithRetry(server.Client(), server.URL); err == nil || !strings.Contains(err.Error(), "400") {
		t.Errorf("a 400 should fail at once with its status, got %v", err)
	}
	if posts.Load() != 1 {
		t.Errorf("a 400 should not be retried, got %d POSTs", posts.Load())
	}
	noToken, _ := fakeKratos(t, 0, 0, "")
	if _, err := register(noToken.Client(), noToken.URL, newUser()); err == nil || !strings.Contains(err.Error(), "session_token") {
		t.Errorf("an answer without session_token should be an error that says so, got %v", err)
	}
}

func TestFindLiveLogPicksTheFileTheRunningKratosWrites(t *testing.T) {
	dir := t.TempDir()
	stale, live := filepath.Join(dir, "stale.log"), filepath.Join(dir, "live.log")
	for _, p := range []string{stale, live} {
		if err := os.WriteFile(p, []byte(textCompleted+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f, _ := os.OpenFile(live, os.O_APPEND|os.O_WRONLY, 0)
		_, _ = f.WriteString(textOtherPort + "\n")
		f.Close()
		w.WriteHeader(http.StatusUnauthorized)
	}))
	defer server.Close()
	got := findLiveLog(server.Client(), server.URL, []string{filepath.Join(dir, "missing.log"), stale, live})
	if got == nil || got.Path != live {
		t.Errorf("expected the log that received the probe's whoami line (%s), got %v", live, got)
	}
	if findLiveLog(server.Client(), server.URL, []string{stale}) != nil {
		t.Error("a log that the probe did not reach should not be used")
	}
}

// fakeLoginKratos answers registration and login API flows like Kratos: each successful flow makes a new session
// with a token of its own; a login must name a registered identity with its password. Every third flow first
// answers 500 (a locked table).
func fakeLoginKratos(t *testing.T) (*httptest.Server, *sync.Map, *atomic.Int64) {
	t.Helper()
	var passwords sync.Map // email -> password
	var sessions, flows atomic.Int64
	var server *httptest.Server
	server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.Method == http.MethodGet && (r.URL.Path == "/self-service/registration/api" || r.URL.Path == "/self-service/login/api"):
			action := strings.TrimSuffix(r.URL.Path, "/api")
			_ = json.NewEncoder(w).Encode(map[string]any{"ui": map[string]any{"action": server.URL + action + "?flow=1"}})
			return
		case r.Method != http.MethodPost:
			http.NotFound(w, r)
			return
		}
		if flows.Add(1)%3 == 0 {
			w.WriteHeader(http.StatusInternalServerError)
			return
		}
		var body map[string]any
		_ = json.NewDecoder(r.Body).Decode(&body)
		switch r.URL.Path {
		case "/self-service/registration":
			email := body["traits"].(map[string]any)["email"].(string)
			if _, taken := passwords.LoadOrStore(email, body["password"]); taken {
				w.WriteHeader(http.StatusBadRequest)
				return
			}
		case "/self-service/login":
			if want, ok := passwords.Load(body["identifier"]); !ok || want != body["password"] {
				w.WriteHeader(http.StatusBadRequest)
				return
			}
		}
		_ = json.NewEncoder(w).Encode(map[string]any{"session_token": fmt.Sprint("token-", sessions.Add(1))})
	}))
	t.Cleanup(server.Close)
	return server, &passwords, &sessions
}

func TestMakeSessionsRegistersTheUsersThenLogsThemInUntilThereAreEnoughSessions(t *testing.T) {
	server, passwords, sessions := fakeLoginKratos(t)
	var progress strings.Builder
	tokens, err := makeSessions(server.Client(), server.URL, 50, 7, 4, &progress)
	if err != nil {
		t.Fatalf("makeSessions: %v", err)
	}
	distinct := map[string]bool{}
	for _, token := range tokens {
		if token == "" {
			t.Fatal("every session should have a token")
		}
		distinct[token] = true
	}
	if len(tokens) != 50 || len(distinct) != 50 || sessions.Load() != 50 {
		t.Errorf("expected 50 distinct sessions, got %d tokens, %d distinct, %d made", len(tokens), len(distinct), sessions.Load())
	}
	users := 0
	passwords.Range(func(_, _ any) bool { users++; return true })
	if users != 7 {
		t.Errorf("expected 7 identities, got %d", users)
	}
}

func TestMakeSessionsStopsAtAFlowKratosRefuses(t *testing.T) {
	server, _ := fakeKratos(t, 0, 0, "tok") // registration only: every login is a 404
	if _, err := makeSessions(server.Client(), server.URL, 10, 2, 2, io.Discard); err == nil || !strings.Contains(err.Error(), "404") {
		t.Errorf("a login Kratos refuses should fail the whole run with its status, got %v", err)
	}
}
