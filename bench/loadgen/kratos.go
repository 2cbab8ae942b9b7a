package main

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// registerSessions creates n sessions by registering n users through Kratos's API registration flow (the
// password method's `session` hook answers with a session token). One at a time: Kratos on in-memory SQLite
// (DSN=memory) answers concurrent registrations with "database table is locked". The tokens are secrets: they
// go into request headers and nowhere else (no log line, no file).
func registerSessions(client *http.Client, kratosURL string, n int) ([]string, error) {
	tokens := make([]string, 0, n)
	for len(tokens) < n {
		token, err := registerWithRetry(client, kratosURL)
		if err != nil {
			return nil, fmt.Errorf("registering user %d of %d through Kratos's API flow: %w", len(tokens)+1, n, err)
		}
		tokens = append(tokens, token)
	}
	return tokens, nil
}

// registerWithRetry retries a registration that Kratos refused with a 5xx (a locked SQLite table), which
// rolls the registration back.
func registerWithRetry(client *http.Client, kratosURL string) (string, error) {
	user := newUser()
	return withRetry(func() (string, error) { return register(client, kratosURL, user) })
}

// withRetry runs a Kratos flow up to 5 times while Kratos answers it with a 5xx.
func withRetry(flow func() (string, error)) (string, error) {
	var err error
	for attempt := 0; attempt < 5; attempt++ {
		var token string
		if token, err = flow(); err == nil {
			return token, nil
		}
		var status *statusError
		if !errors.As(err, &status) || status.code < 500 {
			return "", err
		}
		time.Sleep(time.Duration(attempt+1) * 100 * time.Millisecond)
	}
	return "", err
}

// user is a benchmark identity's credentials. They are made up here and go to Kratos only.
type user struct {
	email, password string
}

func newUser() user {
	return user{email: "bench-" + randomHex(8) + "@example.com", password: "Bench-" + randomHex(16)}
}

// register runs one API registration flow: GET /self-service/registration/api, then POST its ui.action.
func register(client *http.Client, kratosURL string, u user) (string, error) {
	action, err := flowAction(client, strings.TrimSuffix(kratosURL, "/")+"/self-service/registration/api")
	if err != nil {
		return "", err
	}
	body, _ := json.Marshal(map[string]any{
		"method":   "password",
		"password": u.password,
		"traits":   map[string]any{"email": u.email},
	})
	return postForToken(client, action, body, "registration answered without a session_token (is the password `session` hook configured?)")
}

// login runs one API login flow (GET /self-service/login/api, then POST its ui.action): each makes a new session of
// the identity, with a token of its own.
func login(client *http.Client, kratosURL string, u user) (string, error) {
	action, err := flowAction(client, strings.TrimSuffix(kratosURL, "/")+"/self-service/login/api")
	if err != nil {
		return "", err
	}
	body, _ := json.Marshal(map[string]any{"method": "password", "identifier": u.email, "password": u.password})
	return postForToken(client, action, body, "login answered without a session_token")
}

// flowAction creates an API flow and returns where to submit it.
func flowAction(client *http.Client, url string) (string, error) {
	var flow struct {
		UI struct {
			Action string `json:"action"`
		} `json:"ui"`
	}
	if err := doJSON(client, http.MethodGet, url, nil, &flow); err != nil {
		return "", err
	}
	if flow.UI.Action == "" {
		return "", fmt.Errorf("flow without ui.action from %s", url)
	}
	return flow.UI.Action, nil
}

func postForToken(client *http.Client, action string, body []byte, missing string) (string, error) {
	var result struct {
		SessionToken string `json:"session_token"`
	}
	if err := doJSON(client, http.MethodPost, action, body, &result); err != nil {
		return "", err
	}
	if result.SessionToken == "" {
		return "", errors.New(missing)
	}
	return result.SessionToken, nil
}

// makeSessions makes n distinct sessions for the memory scenario, the way real clients get them: it registers
// `users` identities (a registration signs its user in: one session each), then signs them in again and again
// through Kratos's API login flow, in turn, `workers` flows at a time, until there are n. Progress goes to
// `progress` every 10 seconds. A flow Kratos answers with a 5xx (a locked SQLite table) is retried.
func makeSessions(client *http.Client, kratosURL string, n, users, workers int, progress io.Writer) ([]string, error) {
	users = min(users, n)
	accounts := make([]user, users)
	for i := range accounts {
		accounts[i] = newUser()
	}
	tokens := make([]string, n)
	var made atomic.Int64
	var failed atomic.Pointer[error]
	started := time.Now()
	done := make(chan struct{})
	go func() {
		ticker := time.NewTicker(10 * time.Second)
		defer ticker.Stop()
		for {
			select {
			case <-done:
				return
			case <-ticker.C:
				fmt.Fprintf(progress, "  %d of %d sessions made (%.0f/s)\n", made.Load(), n, float64(made.Load())/time.Since(started).Seconds())
			}
		}
	}()
	// fill makes into[i] for every i, `workers` at a time, until one fails.
	fill := func(into []string, makeOne func(i int) (string, error)) {
		var next atomic.Int64
		var wg sync.WaitGroup
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := next.Add(1) - 1; i < int64(len(into)) && failed.Load() == nil; i = next.Add(1) - 1 {
					token, err := makeOne(int(i))
					if err != nil {
						failed.CompareAndSwap(nil, &err)
						return
					}
					into[i] = token
					made.Add(1)
				}
			}()
		}
		wg.Wait()
	}
	// The registrations first, all of them, so that every login finds its identity.
	fill(tokens[:users], func(i int) (string, error) {
		return withRetry(func() (string, error) { return register(client, kratosURL, accounts[i]) })
	})
	fill(tokens[users:], func(i int) (string, error) {
		return withRetry(func() (string, error) { return login(client, kratosURL, accounts[i%users]) })
	})
	close(done)
	if err := failed.Load(); err != nil {
		return nil, fmt.Errorf("making %d sessions through Kratos's API registration and login flows: %w", n, *err)
	}
	return tokens, nil
}

func doJSON(client *http.Client, method, url string, body []byte, into any) error {
	req, err := http.NewRequest(method, url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		// Kratos's error bodies carry no secrets (no token exists before a successful registration).
		return &statusError{code: resp.StatusCode, text: fmt.Sprintf("%s %s answered %d: %.300s", method, url, resp.StatusCode, data)}
	}
	return json.Unmarshal(data, into)
}

// statusError is an unexpected HTTP status.
type statusError struct {
	code int
	text string
}

func (e *statusError) Error() string { return e.text }

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// LogCount is what Kratos's log says about the whoami requests in a stretch of it.
type LogCount struct {
	Whoami      int // "completed handling request" lines for /sessions/whoami
	Connections int // distinct client addresses (ip:port) of those requests: TCP connections used
}

// KratosLog counts whoami requests in Kratos's request log (x/reqlog's "completed handling request" lines, in
// the text or the JSON log format) between two offsets of the file.
type KratosLog struct {
	Path string
}

// whoamiLine matches the request path field in the text ("path:/sessions/whoami ") and JSON
// ("\"path\":\"/sessions/whoami\"") formats; the query string is a separate field.
var (
	whoamiPath = regexp.MustCompile(`"?path"?[:=]"?/sessions/whoami[\s"\]]`)
	remoteAddr = regexp.MustCompile(`"?remote"?[:=]"?([0-9A-Fa-f.:\[\]]+:[0-9]+)`)
)

// Offset is the current end of the log.
func (l *KratosLog) Offset() (int64, error) {
	info, err := os.Stat(l.Path)
	if err != nil {
		return 0, err
	}
	return info.Size(), nil
}

// CountSince counts the whoami requests logged from offset to the current end of the file.
func (l *KratosLog) CountSince(offset int64) (LogCount, error) {
	f, err := os.Open(l.Path)
	if err != nil {
		return LogCount{}, err
	}
	defer f.Close()
	if _, err := f.Seek(offset, io.SeekStart); err != nil {
		return LogCount{}, err
	}
	return countWhoami(f)
}

func countWhoami(r io.Reader) (LogCount, error) {
	var count LogCount
	remotes := map[string]bool{}
	scanner := bufio.NewScanner(r)
	scanner.Buffer(make([]byte, 64*1024), 4*1024*1024)
	for scanner.Scan() {
		line := scanner.Text()
		if !strings.Contains(line, "completed handling request") || !whoamiPath.MatchString(line) {
			continue
		}
		count.Whoami++
		if m := remoteAddr.FindStringSubmatch(line); m != nil {
			remotes[m[1]] = true
		}
	}
	count.Connections = len(remotes)
	return count, scanner.Err()
}

// findLiveLog returns the candidate log that the running Kratos writes to, found by asking whoami once
// (without credentials) and watching which file logs it; nil when none does (for example a Kratos reused
// from elsewhere whose log is unknown).
func findLiveLog(client *http.Client, kratosURL string, candidates []string) *KratosLog {
	offsets := map[string]int64{}
	for _, path := range candidates {
		log := &KratosLog{Path: path}
		if offset, err := log.Offset(); err == nil {
			offsets[path] = offset
		}
	}
	if len(offsets) == 0 {
		return nil
	}
	if resp, err := client.Get(strings.TrimSuffix(kratosURL, "/") + "/sessions/whoami"); err == nil {
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	deadline := time.Now().Add(3 * time.Second)
	for time.Now().Before(deadline) {
		for _, path := range candidates {
			offset, known := offsets[path]
			if !known {
				continue
			}
			log := &KratosLog{Path: path}
			if count, err := log.CountSince(offset); err == nil && count.Whoami > 0 {
				return log
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	return nil
}
