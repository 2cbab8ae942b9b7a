// Command oathkeeper builds the Ory Oathkeeper server from the Go module proxy, so that ./bench.sh can measure
// the library against a real Oathkeeper (the `oathkeeper` scenario) without Docker.
//
// One addition to Oathkeeper's own main: OATHKEEPER_MAX_IDLE_CONNS_PER_HOST sizes the keep-alive pool of Go's
// http.DefaultTransport, which Oathkeeper v0.40.9 uses both for its authenticators' calls to Kratos's whoami and
// for the proxied request to the upstream, and which keeps only 2 idle connections per host (Go's
// DefaultMaxIdleConnsPerHost). At 16 concurrent requests the others are closed after each answer and opened again
// for the next, a cost that has nothing to do with authentication. Oathkeeper has no setting for it (its issue
// #1045, "Connection reuse in proxy mode", proposes the same change), so the benchmark gives it the pool it gives
// the library (-Dhttp.maxConnections=32 on the JVM): connection reuse to Kratos and to the upstream. Unset, Go's
// default applies, as in Oathkeeper's own release binaries.
package main

import (
	"fmt"
	"net/http"
	"os"
	"strconv"

	"github.com/ory/oathkeeper/cmd"
)

func main() {
	if v := os.Getenv("OATHKEEPER_MAX_IDLE_CONNS_PER_HOST"); v != "" {
		n, err := strconv.Atoi(v)
		transport, ok := http.DefaultTransport.(*http.Transport)
		if err != nil || n < 1 || !ok {
			fmt.Fprintf(os.Stderr, "OATHKEEPER_MAX_IDLE_CONNS_PER_HOST=%s: expected a positive whole number\n", v)
			os.Exit(2)
		}
		// Set before cmd.Execute creates any client: the authenticators and the proxy hold this very transport.
		transport.MaxIdleConnsPerHost = n
		transport.MaxIdleConns = max(transport.MaxIdleConns, 2*n)
	}
	cmd.Execute()
}
