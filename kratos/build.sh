#!/usr/bin/env bash
# Builds Ory Kratos (the version in go.mod) from the Go module proxy with SQLite support, once: the binary
# in kratos/target/bin is reused until go.mod, go.sum or main.go change. Prints the binary's path as the
# last line of standard output; progress goes to standard error.
#
# KRATOS_BIN=/path/to/kratos skips the build and uses that binary (for machines without Go).
set -euo pipefail
dir="$(cd "$(dirname "$0")" && pwd)"

if [ -n "${KRATOS_BIN:-}" ]; then
    [ -x "$KRATOS_BIN" ] || { echo "KRATOS_BIN=$KRATOS_BIN is not an executable file" >&2; exit 1; }
    echo "$KRATOS_BIN"
    exit 0
fi

out="$dir/target/bin"
bin="$out/kratos"
stamp="$(cat "$dir/go.mod" "$dir/go.sum" "$dir/main.go" | sha256sum | cut -d' ' -f1)"
if [ -x "$bin" ] && [ "$(cat "$out/stamp" 2>/dev/null)" = "$stamp" ]; then
    echo "Kratos binary is up to date: $bin" >&2
    echo "$bin"
    exit 0
fi

command -v go >/dev/null 2>&1 || { echo "Go is needed to build Kratos (or set KRATOS_BIN)" >&2; exit 1; }
echo "Building Ory Kratos from the Go module proxy (first run takes a few minutes)..." >&2
mkdir -p "$out"
(cd "$dir" && CGO_ENABLED=1 GOFLAGS="${GOFLAGS:-} -mod=mod" go build -tags sqlite -trimpath -o "$bin.tmp" . ) >&2
mv "$bin.tmp" "$bin"
echo "$stamp" > "$out/stamp"
echo "Built $bin" >&2
echo "$bin"
