#!/usr/bin/env bash
# Waits until a Kratos API answers /health/ready with 200. Usage: wait-ready.sh BASE_URL [SECONDS]
set -euo pipefail
url="${1:?usage: wait-ready.sh BASE_URL [SECONDS]}"
for _ in $(seq 1 $(( ${2:-60} * 5 ))); do
    if curl -fsS -o /dev/null "$url/health/ready" 2>/dev/null; then exit 0; fi
    sleep 0.2
done
echo "Kratos at $url was not ready in ${2:-60}s" >&2
exit 1
