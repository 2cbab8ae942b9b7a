#!/usr/bin/env bash
# Runs the example application on Payara Micro (default) or Open Liberty at http://127.0.0.1:8080/ with a local
# Ory Kratos (public API 127.0.0.1:4433, admin API 127.0.0.1:4434, in-memory SQLite). Ctrl-C stops both.
# Open http://127.0.0.1:8080/ in a browser (127.0.0.1, not localhost: Kratos's cookies belong to 127.0.0.1).
#
#   ./run.sh                                   # Payara Micro; local Kratos, built from the Go module proxy on first run
#   ./run.sh liberty                           # the same example on Open Liberty
#   ORY_KRATOS_URL=https://<slug>.projects.oryapis.com ./run.sh   # use an existing Kratos / Ory Network instead
#       (for /api/admin/... also ORY_KRATOS_ADMIN_URL=https://<slug>.projects.oryapis.com ORY_KRATOS_ADMIN_API_KEY=ory_pat_...)
#   KRATOS_BIN=/path/to/kratos ./run.sh        # use a Kratos binary you already have (no Go needed)
#   APP_PORT=18080 LIBERTY_SERVER_NAME=my-liberty ./run.sh liberty   # another port and Liberty server name
set -euo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
cd "$root"

server="${1:-payara}"
case "$server" in payara|liberty) ;; *) echo "usage: $0 [payara|liberty]" >&2; exit 2 ;; esac
app_port="${APP_PORT:-8080}"
# Open Liberty's server name (another name keeps it apart from a test run's Liberty on the same machine).
liberty_server="${LIBERTY_SERVER_NAME:-ory-example}"
logs="$root/target/run"
mkdir -p "$logs"
pids=()

stop() {
    trap - INT TERM EXIT
    echo
    echo "Stopping..."
    if [ "${server:-}" = liberty ]; then
        "$root/example-war/target/liberty/wlp/bin/server" stop "$liberty_server" >/dev/null 2>&1 || true
    fi
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
}
trap stop INT TERM EXIT

echo "Building the library and the example (mvn package)..."
mvn -q -B -DskipTests package -Dliberty.http.port="$app_port" -Dliberty.https.port="$((app_port + 363))" \
    -Dliberty.server.name="$liberty_server"

if [ -z "${ORY_KRATOS_URL:-}" ]; then
    kratos_bin="$(bash kratos/build.sh | tail -n 1)"
    echo "Starting Kratos ($kratos_bin), log: $logs/kratos.log"
    # start.sh runs kratos.yml (public 127.0.0.1:4433, admin 127.0.0.1:4434); KRATOS_APP_URL points its
    # login/registration/settings/error pages and return URLs at this app's port.
    KRATOS_BIN="$kratos_bin" DSN=memory KRATOS_APP_URL="http://127.0.0.1:$app_port" \
        bash kratos/start.sh >"$logs/kratos.log" 2>&1 &
    kratos_pid=$!
    pids+=("$kratos_pid")
    bash kratos/wait-ready.sh http://127.0.0.1:4433 60 "$kratos_pid" \
        || { echo "Kratos did not start; see $logs/kratos.log"; exit 1; }
    export ORY_KRATOS_URL=http://127.0.0.1:4433
    export ORY_KRATOS_ADMIN_URL=http://127.0.0.1:4434
fi

# The example's pages are http://127.0.0.1:$app_port/...: the library's login redirects may return there.
export ORY_BROWSER_ALLOWED_RETURN_URLS="${ORY_BROWSER_ALLOWED_RETURN_URLS:-http://127.0.0.1:$app_port,http://localhost:$app_port}"
export ORY_BROWSER_DEFAULT_RETURN_URL="${ORY_BROWSER_DEFAULT_RETURN_URL:-http://127.0.0.1:$app_port/}"

if [ "$server" = liberty ]; then
    wlp="$root/example-war/target/liberty/wlp"
    srv="$wlp/usr/servers/$liberty_server"
    mkdir -p "$srv/apps" "$srv/configDropins/overrides"
    cp example-war/target/example.war "$srv/apps/example.war"
    echo '<server><webApplication id="example" location="example.war" contextRoot="/"/></server>' \
        >"$srv/configDropins/overrides/example-app.xml"
    echo "Starting Open Liberty, log: $logs/liberty.log"
    "$wlp/bin/server" run "$liberty_server" >"$logs/liberty.log" 2>&1 &
    pids+=($!)
else
    echo "Starting Payara Micro, log: $logs/payara.log"
    java -Xmx512m -jar example-war/target/payara-micro.jar --nocluster --port "$app_port" \
        --deploy example-war/target/example.war --contextroot / >"$logs/payara.log" 2>&1 &
    pids+=($!)
fi

for _ in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$app_port/api/public" >/dev/null 2>&1; then break; fi
    sleep 1
done
curl -fsS "http://127.0.0.1:$app_port/api/public" >/dev/null || { echo "The example did not start; see $logs/$server.log"; exit 1; }

cat <<MSG

Ready.
  Example app:      http://127.0.0.1:$app_port/   (open it in a browser: register, dashboard, sessions, settings with TOTP, second factor)
  Pages:            /login /registration /settings /error (Kratos's UIs)  /dashboard /sessions /secure /refresh /logout
  Jakarta Security: /account.xhtml /admin.xhtml /second-factor.xhtml (Faces)  /servlet/me /servlet/admin (Servlets)
                    behind web.xml constraints, through the ory-session-security mechanism (docs/jakarta-security.md)
  Public endpoint:  http://127.0.0.1:$app_port/api/public
  Protected:        http://127.0.0.1:$app_port/api/me   (needs an Ory session)
  As a JWT:         http://127.0.0.1:$app_port/api/jwt  (the session as a MicroProfile JsonWebToken)
  Second factor:    http://127.0.0.1:$app_port/api/sensitive/aal2    (needs an aal2 session; a browser is sent to Kratos's aal2 login)
  Recent sign-in:   http://127.0.0.1:$app_port/api/sensitive/recent  (needs a sign-in within 10 s; else refresh=true)
  My sessions:      http://127.0.0.1:$app_port/api/sessions  (GET list, DELETE others, DELETE /{id}, GET /logout-url, DELETE /current)
  Administration:   http://127.0.0.1:$app_port/api/admin/sessions/{id}, /api/admin/identities/{id}/sessions  (role "admin")
  Server:           $server
  Kratos public:    $ORY_KRATOS_URL
$( [ -n "${ORY_KRATOS_ADMIN_URL:-}" ] && echo "  Kratos admin:     $ORY_KRATOS_ADMIN_URL" )

Try it:
  flow=\$(curl -s $ORY_KRATOS_URL/self-service/registration/api | sed -E 's/.*"action":"([^"]+)".*/\1/')
  token=\$(curl -s -H 'Content-Type: application/json' -d '{"method":"password","password":"a-Long-passw0rd!","traits":{"email":"me@example.com"}}' "\$flow" | sed -E 's/.*"session_token":"([^"]+)".*/\1/')
  curl -H "X-Session-Token: \$token" http://127.0.0.1:$app_port/api/me
  curl -H "X-Session-Token: \$token" http://127.0.0.1:$app_port/api/sessions          # your other sessions
  curl -X DELETE -H "X-Session-Token: \$token" http://127.0.0.1:$app_port/api/sessions/current   # log the token out

Press Ctrl-C to stop.
MSG
wait -n "${pids[@]}"
