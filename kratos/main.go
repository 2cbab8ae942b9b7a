// Command kratos builds the Ory Kratos server from the Go module proxy, so that
// the tests and the example run against a real Kratos without Docker.
package main

import (
	"os"

	"github.com/ory/kratos/cmd"
)

func main() {
	os.Exit(cmd.Execute())
}
