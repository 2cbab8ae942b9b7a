#!/usr/bin/env bash
# Waits until a Kratos API answers GET BASE_URL/health/ready with 200.
# Usage: wait-ready.sh BASE_URL [SECONDS] [PID]
#   BASE_URL  the public API, e.g. http://127.0.0.1:4433
#   SECONDS   how long to wait, 60 by default
#   PID       optional: the Kratos process; stop waiting as soon as it has exited (e.g. bad config, port in use)
# Exits 0 when ready, 1 otherwise. Note that another Kratos already listening on that port also answers 200.
set -euo pipefail
url="${1:?usage: wait-ready.sh BASE_URL [SECONDS] [PID]}"
url="${url%/}"
seconds="${2:-60}"
pid="${3:-}"
deadline=$(( $(date +%s%3N) + seconds * 1000 ))
while :; do
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
        echo "Kratos (pid $pid) exited before $url was ready" >&2
        exit 1
    fi
    if [ "$(curl -sS -o /dev/null -w '%{http_code}' --max-time 2 "$url/health/ready" 2>/dev/null)" = 200 ]; then
        exit 0
    fi
    if [ "$(date +%s%3N)" -ge "$deadline" ]; then
        echo "Kratos at $url was not ready within ${seconds}s" >&2
        exit 1
    fi
    sleep 0.2
done
