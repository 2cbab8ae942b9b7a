#!/usr/bin/env bash
# Starts Ory Kratos in the foreground (exec) with this folder's kratos.yml, building it first if needed
# (see build.sh; KRATOS_BIN=/path/to/kratos uses an existing binary). Waiting for it is the caller's job:
#   bash kratos/start.sh > kratos.log 2>&1 &  bash kratos/wait-ready.sh http://127.0.0.1:4433 60 $!
#
# Kratos reads any config key from the environment (key path in upper case, dots -> underscores), e.g.
#   SERVE_PUBLIC_PORT=14433 SERVE_PUBLIC_BASE_URL=http://127.0.0.1:14433/
#   SERVE_ADMIN_PORT=14434  SERVE_ADMIN_BASE_URL=http://127.0.0.1:14434/
#   DSN=memory (default) or DSN='sqlite:///abs/path/kratos.sqlite?_fk=true&mode=rwc' (run `kratos migrate sql -e --yes` first)
#   SESSION_LIFESPAN=1m  LOG_LEVEL=debug (trace|debug|info|warning|error; not "warn")
# KRATOS_APP_URL=http://127.0.0.1:18080 points all the self-service URLs (login, registration, settings, error
# UIs, return URLs) at an application other than the default http://127.0.0.1:8080; explicitly set
# SELFSERVICE_* variables win over it. Extra arguments go to `kratos serve`.
set -euo pipefail
dir="$(cd "$(dirname "$0")" && pwd)"
bin="$(bash "$dir/build.sh" | tail -n 1)"

if [ -n "${KRATOS_APP_URL:-}" ]; then
    app="${KRATOS_APP_URL%/}"
    # The same app under "localhost" is allowed as a return URL too, as in kratos.yml.
    app_localhost="$(echo "$app" | sed -E 's#^(https?://)127\.0\.0\.1([:/]|$)#\1localhost\2#')"
    export SELFSERVICE_DEFAULT_BROWSER_RETURN_URL="${SELFSERVICE_DEFAULT_BROWSER_RETURN_URL:-$app/}"
    export SELFSERVICE_ALLOWED_RETURN_URLS="${SELFSERVICE_ALLOWED_RETURN_URLS:-$app,$app_localhost}"
    export SELFSERVICE_FLOWS_LOGIN_UI_URL="${SELFSERVICE_FLOWS_LOGIN_UI_URL:-$app/login}"
    export SELFSERVICE_FLOWS_REGISTRATION_UI_URL="${SELFSERVICE_FLOWS_REGISTRATION_UI_URL:-$app/registration}"
    export SELFSERVICE_FLOWS_SETTINGS_UI_URL="${SELFSERVICE_FLOWS_SETTINGS_UI_URL:-$app/settings}"
    export SELFSERVICE_FLOWS_ERROR_UI_URL="${SELFSERVICE_FLOWS_ERROR_UI_URL:-$app/error}"
    export SELFSERVICE_FLOWS_LOGOUT_AFTER_DEFAULT_BROWSER_RETURN_URL="${SELFSERVICE_FLOWS_LOGOUT_AFTER_DEFAULT_BROWSER_RETURN_URL:-$app/}"
fi

# Fail fast when a port is taken: Kratos would only notice after its migrations, and in the meantime
# a readiness probe could be answered by whatever already listens there.
for port in "${SERVE_PUBLIC_PORT:-4433}" "${SERVE_ADMIN_PORT:-4434}"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        echo "Port $port on 127.0.0.1 is already in use (another Kratos?); not starting" >&2
        exit 1
    fi
done

# No telemetry: the machines this runs on may have no internet access.
export SQA_OPT_OUT=true
# identity.schema.json is referenced relative to this folder.
cd "$dir"
exec "$bin" serve --dev --watch-courier --sqa-opt-out -c "$dir/kratos.yml" "$@"
