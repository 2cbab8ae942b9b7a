#!/usr/bin/env bash
# Checks the compatibility matrix of docs/servers.md against the integration test run that just ended: a row that
# says "tested" names its failsafe execution, and that execution must have run tests, all passing (skipped ones
# aside). Prints each row's result; run by `mvn verify` (example-war) after the tests.
#
#   bash tools/check-matrix.sh [docs/servers.md] [example-war/target/failsafe-reports] [--strict]
#
# Without --strict, a row whose execution did not run in this build (-Dit.<server>.skip) is only reported; with
# --strict (-Dmatrix.strict=true, or ORY_MATRIX_STRICT=true in the environment, which .ci/run sets) it fails the
# check, so the matrix can only say "tested" for what CI ran.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
doc="$root/docs/servers.md"
reports="$root/example-war/target/failsafe-reports"
strict="${ORY_MATRIX_STRICT:-false}"
positional=()
for arg in "$@"; do
    case "$arg" in
        --strict|--strict=true) strict=true ;;
        --strict=false) ;;  # ORY_MATRIX_STRICT may still ask for it
        *) positional+=("$arg") ;;
    esac
done
[ ${#positional[@]} -ge 1 ] && doc="${positional[0]}"
[ ${#positional[@]} -ge 2 ] && reports="${positional[1]}"

# The matrix is the table between <!-- matrix --> and <!-- /matrix -->; its columns:
# | server | version | Jakarta EE / MicroProfile | Java | tests | execution | status |
rows="$(sed -n '/<!-- matrix -->/,/<!-- \/matrix -->/p' "$doc" | grep '^|' | tail -n +3)"
[ -n "$rows" ] || { echo "check-matrix: no matrix rows in $doc" >&2; exit 1; }

value() { # the number in <tag>N</tag> of a failsafe summary
    sed -n "s:.*<$2>\([0-9]*\)</$2>.*:\1:p" "$1" | head -n 1
}

problems=0
tested=0
while IFS= read -r row; do
    IFS='|' read -r _ server version level java tests execution status _ <<<"$row"
    execution="$(echo "$execution" | tr -d ' `')"
    status="$(echo "$status" | sed 's/^ *//; s/ *$//')"
    level="$(echo "$level" | sed 's/(.*//' | xargs)"
    name="$(echo "$server $version" | xargs) (Jakarta EE / MicroProfile $level)"
    case "$status" in
        tested*) ;;
        *) echo "check-matrix: $name: not claimed as tested ($status)"; continue ;;
    esac
    summary="$reports/$execution-summary.xml"
    if [ ! -f "$summary" ]; then
        echo "check-matrix: $name says \"tested\", but its execution $execution did not run in this build"
        if [ "$strict" = true ]; then problems=$((problems + 1)); fi
        continue
    fi
    completed="$(value "$summary" completed)"
    failures="$(value "$summary" failures)"
    errors="$(value "$summary" errors)"
    skipped="$(value "$summary" skipped)"
    if [ "${completed:-0}" -eq 0 ] || [ "${failures:-0}" -ne 0 ] || [ "${errors:-0}" -ne 0 ]; then
        echo "check-matrix: $name says \"tested\", but $execution ran ${completed:-0} tests with ${failures:-0} failures and ${errors:-0} errors" >&2
        problems=$((problems + 1))
    else
        echo "check-matrix: $name: tested by $execution, $completed tests passed ($skipped skipped)"
        tested=$((tested + 1))
    fi
done <<<"$rows"

if [ "$problems" -gt 0 ]; then
    echo "check-matrix: $problems row(s) of $doc claim what this build did not show" >&2
    exit 1
fi
echo "check-matrix: $tested row(s) tested in this build"
