#!/usr/bin/env bash
# Builds Ory Oathkeeper (the version in go.mod) from the Go module proxy, once: the binary in
# oathkeeper/target/bin is reused until go.mod, go.sum, main.go or the build flags change. Prints the binary's
# path as the last line of standard output; progress goes to standard error. Works from any directory.
# ./bench.sh uses it for the `oathkeeper` scenario (the peer the library is compared with).
#
# OATHKEEPER_BIN=/path/to/oathkeeper skips the build and uses that binary.
set -euo pipefail
dir="$(cd "$(dirname "$0")" && pwd)"

if [ -n "${OATHKEEPER_BIN:-}" ]; then
    [ -f "$OATHKEEPER_BIN" ] && [ -x "$OATHKEEPER_BIN" ] \
        || { echo "OATHKEEPER_BIN=$OATHKEEPER_BIN is not an executable file" >&2; exit 1; }
    echo "Using OATHKEEPER_BIN=$OATHKEEPER_BIN" >&2
    echo "$OATHKEEPER_BIN"
    exit 0
fi

out="$dir/target/bin"
bin="$out/oathkeeper"
# The version from go.mod goes into the binary (`oathkeeper version`, /health/version) instead of "master".
version="$(awk '$1 == "require" && $2 == "github.com/ory/oathkeeper" { print $3 }' "$dir/go.mod")"
[ -n "$version" ] || { echo "Could not read the github.com/ory/oathkeeper version from $dir/go.mod" >&2; exit 1; }
ldflags="-X github.com/ory/oathkeeper/x.Version=$version"
# No cgo, as Oathkeeper's own release images are built (it has no database): no C compiler needed.
recipe="CGO_ENABLED=0 go build -trimpath -ldflags '$ldflags'"
stamp="$( { cat "$dir/go.mod" "$dir/go.sum" "$dir/main.go"; echo "$recipe"; } | sha256sum | cut -d' ' -f1)"
if [ -x "$bin" ] && [ "$(cat "$out/stamp" 2>/dev/null)" = "$stamp" ]; then
    echo "Oathkeeper $version binary is up to date: $bin" >&2
    echo "$bin"
    exit 0
fi

command -v go >/dev/null 2>&1 || { echo "Go is needed to build Oathkeeper (or set OATHKEEPER_BIN to an Oathkeeper $version binary)" >&2; exit 1; }
echo "Building Ory Oathkeeper $version from the Go module proxy (the first build takes a few minutes)..." >&2
mkdir -p "$out"
tmp="$bin.tmp.$$"
trap 'rm -f "$tmp"' EXIT
# -mod=readonly: the build never rewrites the committed go.mod / go.sum.
(cd "$dir" && CGO_ENABLED=0 GOFLAGS="${GOFLAGS:-} -mod=readonly" go build -trimpath -ldflags "$ldflags" -o "$tmp" .) >&2
mv -f "$tmp" "$bin"   # atomic: an Oathkeeper that is running from the old binary keeps running
echo "$stamp" > "$out/stamp"
echo "Built $bin" >&2
echo "$bin"
