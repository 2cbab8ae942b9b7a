#!/usr/bin/env bash
# Builds Ory Kratos (the version in go.mod) from the Go module proxy with SQLite support, once: the binary
# in kratos/target/bin is reused until go.mod, go.sum, main.go or the build flags change. Prints the binary's
# path as the last line of standard output; progress goes to standard error. Works from any directory.
#
# KRATOS_BIN=/path/to/kratos skips the build and uses that binary (for machines without Go).
set -euo pipefail
dir="$(cd "$(dirname "$0")" && pwd)"

if [ -n "${KRATOS_BIN:-}" ]; then
    [ -f "$KRATOS_BIN" ] && [ -x "$KRATOS_BIN" ] || { echo "KRATOS_BIN=$KRATOS_BIN is not an executable file" >&2; exit 1; }
    echo "Using KRATOS_BIN=$KRATOS_BIN" >&2
    echo "$KRATOS_BIN"
    exit 0
fi

out="$dir/target/bin"
bin="$out/kratos"
# The Kratos version from go.mod goes into the binary, so that `kratos version`, /admin/version and the
# startup check against kratos.yml's `version:` report it instead of "master".
version="$(awk '$1 == "require" && $2 == "github.com/ory/kratos" { print $3 }' "$dir/go.mod")"
[ -n "$version" ] || { echo "Could not read the github.com/ory/kratos version from $dir/go.mod" >&2; exit 1; }
ldflags="-X github.com/ory/kratos/driver/config.Version=$version"
recipe="CGO_ENABLED=1 go build -tags sqlite -trimpath -ldflags '$ldflags'"
stamp="$( { cat "$dir/go.mod" "$dir/go.sum" "$dir/main.go"; echo "$recipe"; } | sha256sum | cut -d' ' -f1)"
if [ -x "$bin" ] && [ "$(cat "$out/stamp" 2>/dev/null)" = "$stamp" ]; then
    echo "Kratos $version binary is up to date: $bin" >&2
    echo "$bin"
    exit 0
fi

command -v go >/dev/null 2>&1 || { echo "Go is needed to build Kratos (or set KRATOS_BIN to a Kratos $version binary)" >&2; exit 1; }
command -v "$(go env CC 2>/dev/null || echo gcc)" >/dev/null 2>&1 \
    || { echo "A C compiler is needed to build Kratos with SQLite (CGO_ENABLED=1), e.g. apt-get install gcc" >&2; exit 1; }
echo "Building Ory Kratos $version from the Go module proxy (the first build takes a few minutes)..." >&2
mkdir -p "$out"
tmp="$bin.tmp.$$"
trap 'rm -f "$tmp"' EXIT
# -mod=readonly: the build never rewrites the committed go.mod / go.sum.
(cd "$dir" && CGO_ENABLED=1 GOFLAGS="${GOFLAGS:-} -mod=readonly" go build -tags sqlite -trimpath -ldflags "$ldflags" -o "$tmp" .) >&2
mv -f "$tmp" "$bin"   # atomic: a Kratos that is running from the old binary keeps running
echo "$stamp" > "$out/stamp"
echo "Built $bin" >&2
echo "$bin"
