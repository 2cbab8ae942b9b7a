#!/usr/bin/env bash
# Starts Kratos in the foreground with this folder's config (builds it first if needed).
# Environment variables override config keys, e.g. SERVE_PUBLIC_PORT=14433.
set -euo pipefail
dir="$(cd "$(dirname "$0")" && pwd)"
bin="$(bash "$dir/build.sh" | tail -n 1)"
cd "$dir"
export SQA_OPT_OUT=true
exec "$bin" serve --dev --watch-courier --sqa-opt-out -c "$dir/kratos.yml" "$@"
