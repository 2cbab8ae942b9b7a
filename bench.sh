#!/usr/bin/env bash
# Benchmarks the library: starts (or reuses) the real Kratos and the example on Payara Micro instances (session
# cache on; off with -Dory.session.cache.enabled=false; two clustered on loopback with the jcache backend), Ory
# Oathkeeper in front of the example as the peer to compare with, drives closed-loop load over loopback from a
# separate process (bench/loadgen, Go) and prints a Markdown table with the targets. Writes
# target/bench/results.json, results.md and results.png (and memory.json for the opt-in memory scenario); Kratos's,
# Oathkeeper's and the servers' logs stay in target/bench. Only the servers the chosen scenarios need are started.
#
#   ./bench.sh                                   # defaults: Kratos 4433/4434, apps 8080 (cache on) and 8081 (cache off),
#                                                # Oathkeeper 4455/4456/4457, the cluster 8082/8083 (data grid 7900/7901)
#   BENCH_DURATION=30 BENCH_CONCURRENCY=32 ./bench.sh
#   BENCH_CONCURRENCY=1 BENCH_SCENARIOS=public,cached,uncached,kratos-direct,oathkeeper ./bench.sh   # what a request costs
#   BENCH_SCENARIOS=memory ./bench.sh            # heap per cached session, 100,000 sessions (minutes; instance on 8084)
#   BENCH_KRATOS_PUBLIC_PORT=24433 BENCH_KRATOS_ADMIN_PORT=24434 BENCH_APP_PORT=28080 BENCH_UNCACHED_PORT=28081 ./bench.sh
#
# A server already answering on its port is reused and left running; whatever this script starts, it stops on
# exit (BENCH_KEEP=1 leaves it running, for the next run to reuse). Exits 0 when the benchmark ran, whether
# the targets passed or not; non-zero only when it could not run. Every BENCH_* variable is listed in
# CONTRIBUTING.md ("The benchmark"); the recorded results are in docs/benchmark.md.
set -euo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
cd "$root"

kratos_public_port="${BENCH_KRATOS_PUBLIC_PORT:-4433}"
kratos_admin_port="${BENCH_KRATOS_ADMIN_PORT:-4434}"
app_port="${BENCH_APP_PORT:-8080}"
uncached_port="${BENCH_UNCACHED_PORT:-8081}"
oathkeeper_proxy_port="${BENCH_OATHKEEPER_PROXY_PORT:-4455}"
oathkeeper_api_port="${BENCH_OATHKEEPER_API_PORT:-4456}"
oathkeeper_metrics_port="${BENCH_OATHKEEPER_METRICS_PORT:-4457}"
# Oathkeeper's keep-alive pool per host (to Kratos, and to the upstream): the pool the library's instances get
# from -Dhttp.maxConnections=32 below. Go's default is 2 (oathkeeper/main.go).
oathkeeper_idle_conns="${BENCH_OATHKEEPER_IDLE_CONNS:-32}"
# The clustered instances' HTTP ports, and their Hazelcast data grid ports (--startport), on loopback.
cluster_ports="${BENCH_CLUSTER_PORTS:-8082,8083}"
# Not Hazelcast's 6900 and up: Payara Micro started with --nocluster still starts a data grid member of its own, on
# 6900 or the next free port (it ignores --startport), and a clustered member whose port one of them took first
# joined nobody (one run started its members on 6902 and 6903, each asking the --nocluster instances on 6900/6901).
cluster_grid_ports="${BENCH_CLUSTER_GRID_PORTS:-7900,7901}"
# The memory scenario's instance: a cache larger than its sessions, a TTL longer than the run, room for them.
memory_port="${BENCH_MEMORY_PORT:-8084}"
export BENCH_MEMORY_SESSIONS="${BENCH_MEMORY_SESSIONS:-100000}"
memory_heap="${BENCH_MEMORY_HEAP:-2g}"
memory_ttl_ms="${BENCH_MEMORY_TTL_MS:-3600000}"
# A tokenizer template for the example's whoami calls (ory.session.tokenize-as); kratos-direct asks the same.
# Empty (the default, as the example ships) asks for none.
export BENCH_TOKENIZE_AS="${BENCH_TOKENIZE_AS-}"
# The JDK's HttpURLConnection (Jersey's connector on Payara) keeps only 5 idle keep-alive connections per host
# (http.maxConnections): at 16 concurrent whoami calls the rest are closed and opened again, which cost the uncached
# instance twice its CPU per request. docs/cache-and-clusters.md ("Connections to Kratos") recommends the same for
# production.
app_java_opts="${BENCH_APP_JAVA_OPTS--Dhttp.maxConnections=32}"
# CPUs for Kratos alone (taskset), such as 1: Kratos runs on them, the servers and the load generator on the others,
# as if Kratos had a host of its own and the application's CPU no longer queued behind Kratos's
# (docs/benchmark.md). Empty (the default): everything shares every CPU.
kratos_cpus="${BENCH_KRATOS_CPUS:-}"
other_cpus=""
# expand_cpus LIST: one CPU number per line, from a taskset list such as 0,2-3.
expand_cpus() {
    local item
    for item in ${1//,/ }; do
        if [[ $item == *-* ]]; then seq "${item%-*}" "${item#*-}"; else echo "$item"; fi
    done
}
allowed="$(taskset -c -p $$ 2>/dev/null | sed 's/.*: //')" || allowed="" # no taskset: nothing is pinned
# The CPU of each cluster member, A,B (taskset), as if each had a host of its own; the load generator, Kratos and the
# other servers still share every CPU. By default the first two CPUs this script may use, when it may use two or more
# and Kratos is not pinned; "none" lets the members share every CPU. Sharing both cores, two JVMs' threads move
# between them and each member spent about twice the CPU per request of one member pinned (docs/benchmark.md).
cluster_cpus="${BENCH_CLUSTER_CPUS-}"
if [ -z "$cluster_cpus" ] && [ -z "$kratos_cpus" ] && [ "$(expand_cpus "$allowed" | wc -l)" -ge 2 ]; then
    cluster_cpus="$(expand_cpus "$allowed" | head -n 2 | paste -sd, -)"
fi
[ "$cluster_cpus" = none ] && cluster_cpus=""
if [ -n "$kratos_cpus" ]; then
    other_cpus="$(comm -23 <(expand_cpus "$allowed" | sort) <(expand_cpus "$kratos_cpus" | sort) | sort -n | paste -sd, -)"
    [ -n "$other_cpus" ] || { echo "BENCH_KRATOS_CPUS=$kratos_cpus leaves no CPU of $allowed for the servers" >&2; exit 1; }
fi
out="$root/target/bench"
kratos_url="http://127.0.0.1:$kratos_public_port"
started_at=$(date +%s)
mkdir -p "$out"

started_pids=()
started_names=()
stop() {
    local rc=$?
    trap - INT TERM EXIT
    if [ "${BENCH_KEEP:-}" = 1 ]; then
        [ ${#started_names[@]} -gt 0 ] && echo "BENCH_KEEP=1: leaving ${started_names[*]} running (pids ${started_pids[*]})"
        exit "$rc"
    fi
    for i in "${!started_pids[@]}"; do
        echo "Stopping ${started_names[$i]} (pid ${started_pids[$i]})"
        kill "${started_pids[$i]}" 2>/dev/null || true
    done
    for pid in "${started_pids[@]}"; do
        for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
        kill -9 "$pid" 2>/dev/null || true
    done
    exit "$rc"
}
trap stop EXIT INT TERM

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The process listening on a port, for the CPU-per-request figures of reused servers (empty if unknown).
pid_on_port() {
    command -v ss >/dev/null 2>&1 || return 0
    ss -Hltnp "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n 1 | cut -d= -f2
}

java_version="$(java -version 2>&1 | head -n 1)"
echo "Machine: $(nproc) CPUs, $java_version, $(go version 2>/dev/null || echo 'no Go')"

echo "Building the library and the example (mvn package)..."
mvn -q -B -DskipTests -Dwildfly.unpack.skip=true package
echo "Building the load generator (bench/loadgen)..."
command -v go >/dev/null 2>&1 || { echo "Go is needed to build bench/loadgen" >&2; exit 1; }
(cd bench/loadgen && GOFLAGS="${GOFLAGS:-} -mod=readonly" go build -o "$out/loadgen" .)
# The scenarios to run (BENCH_SCENARIOS, checked by the load generator, or its default list).
scenarios="$("$out/loadgen" scenarios)"
echo "Scenarios: $scenarios"
wants() {
    local s
    for s in "$@"; do [[ ",$scenarios," == *",$s,"* ]] && return 0; done
    return 1
}

setup=()
if listening "$kratos_public_port"; then
    curl -fsS --max-time 5 "$kratos_url/health/ready" >/dev/null \
        || { echo "Port $kratos_public_port answers, but not as a ready Kratos" >&2; exit 1; }
    echo "Reusing the Kratos at $kratos_url"
    kratos_logs="${BENCH_KRATOS_LOG:-$out/kratos.log,$root/target/run/kratos.log}"
    kratos_pid="$(pid_on_port "$kratos_public_port")"
    setup+=("Kratos reused at $kratos_url")
else
    kratos_bin="$(bash kratos/build.sh | tail -n 1)"
    echo "Starting Kratos ($kratos_bin) at $kratos_url, log: $out/kratos.log"
    # In-memory SQLite, as ./run.sh; LOG_LEVEL=info keeps the request log the whoami count is checked against. The
    # cheapest password hash Kratos accepts (bcrypt, cost 4; kratos.yml has it too, set here so that the benchmark
    # does not depend on it): the memory scenario makes its sessions through Kratos's login, thousands a minute.
    KRATOS_BIN="$kratos_bin" DSN=memory LOG_LEVEL=info KRATOS_APP_URL="http://127.0.0.1:$app_port" \
        HASHERS_ALGORITHM=bcrypt HASHERS_BCRYPT_COST=4 \
        SERVE_PUBLIC_PORT="$kratos_public_port" SERVE_PUBLIC_BASE_URL="$kratos_url/" \
        SERVE_ADMIN_PORT="$kratos_admin_port" SERVE_ADMIN_BASE_URL="http://127.0.0.1:$kratos_admin_port/" \
        bash kratos/start.sh >"$out/kratos.log" 2>&1 &
    kratos_pid=$!
    started_pids+=("$kratos_pid")
    started_names+=(Kratos)
    bash kratos/wait-ready.sh "$kratos_url" 60 "$kratos_pid" || { echo "Kratos did not start; see $out/kratos.log" >&2; exit 1; }
    kratos_logs="$out/kratos.log"
    setup+=("Kratos started (in-memory SQLite)")
fi
if [ -n "$kratos_cpus" ]; then
    [ -n "${kratos_pid:-}" ] || { echo "BENCH_KRATOS_CPUS: cannot find the Kratos process to pin" >&2; exit 1; }
    # Every thread of Kratos, started here (kratos/start.sh execs it) or reused.
    taskset -a -p -c "$kratos_cpus" "$kratos_pid" >/dev/null
    setup+=("Kratos pinned to CPU $kratos_cpus, the servers and the load generator to CPU $other_cpus (taskset)")
fi

# start_app NAME PORT [JAVA_OPTIONS...] [-- PAYARA_MICRO_OPTIONS...]: starts the example on Payara Micro (by
# default --nocluster) unless the port answers already.
start_app() {
    local name="$1" port="$2"
    shift 2
    local jvm=() micro=(--nocluster)
    while [ $# -gt 0 ] && [ "$1" != -- ]; do jvm+=("$1"); shift; done
    if [ "${1:-}" = -- ]; then shift; micro=("$@"); fi
    app_ports+=("$port")
    local cpu_name="app-$name"
    [ "$name" = cached ] && cpu_name=app
    if listening "$port"; then
        echo "Reusing the application on port $port as the $name instance"
        setup+=("$name app reused on port $port")
        local pid
        pid="$(pid_on_port "$port")"
        app_pids+=("$pid")
        [ -n "$pid" ] && cpu_pids="$cpu_pids,$cpu_name=$pid"
        return
    fi
    echo "Starting Payara Micro ($name) on port $port, log: $out/payara-$name.log"
    # -Xmx512m first: a later -Xmx among the options wins.
    # shellcheck disable=SC2086 # BENCH_APP_JAVA_OPTS is a list of options
    ORY_KRATOS_URL="$kratos_url" ORY_SESSION_TOKENIZE_AS="$BENCH_TOKENIZE_AS" \
        java -Xmx512m $app_java_opts ${jvm[@]+"${jvm[@]}"} -jar example-war/target/payara-micro.jar "${micro[@]}" \
        --port "$port" --deploy example-war/target/example.war --contextroot / >"$out/payara-$name.log" 2>&1 &
    started_pids+=($!)
    started_names+=("Payara Micro ($name)")
    app_pids+=($!)
    cpu_pids="$cpu_pids,$cpu_name=$!"
    setup+=("$name app started on port $port${jvm[*]:+ with ${jvm[*]}}${app_java_opts:+ $app_java_opts}")
}
app_pids=()
app_ports=()
cpu_pids=""
[ -n "${kratos_pid:-}" ] && cpu_pids="kratos=$kratos_pid"
cached_opts=()
[ -n "${BENCH_CACHE_TTL_MS:-}" ] && cached_opts+=("-Dory.session.cache.ttl-ms=$BENCH_CACHE_TTL_MS")
# The cached instance serves public, cached and single-flight, and is Oathkeeper's upstream.
if wants public cached single-flight oathkeeper; then
    start_app cached "$app_port" ${cached_opts[@]+"${cached_opts[@]}"}
fi
if wants uncached; then
    start_app uncached "$uncached_port" -Dory.session.cache.enabled=false
fi
cluster_formed=0
if wants cached-cluster; then
    IFS=, read -r cluster_port_a cluster_port_b <<<"$cluster_ports"
    IFS=, read -r grid_port_a grid_port_b <<<"$cluster_grid_ports"
    [ -n "$cluster_port_b" ] && [ -n "$grid_port_b" ] \
        || { echo "BENCH_CLUSTER_PORTS and BENCH_CLUSTER_GRID_PORTS need two ports each" >&2; exit 1; }
    # Their own data grid, found over TCP/IP on loopback (never multicast), as in the ITs' PayaraCluster.
    cluster_name="ory-bench-$$"
    members="tcpip:127.0.0.1:$grid_port_a,127.0.0.1:$grid_port_b"
    started_before=${#started_pids[@]}
    start_app cluster-a "$cluster_port_a" -Dory.session.cache.backend=jcache ${cached_opts[@]+"${cached_opts[@]}"} -- \
        --clustername "$cluster_name" --clustermode "$members" --interfaces 127.0.0.1 --startport "$grid_port_a" --nohostaware
    # The second member starts once the first one's data grid is up, so that it joins it. Started together on a busy
    # machine, each once looked for the other before it listened and formed a grid of its own (DG Size: 1 in both
    # logs), and Hazelcast merges such grids only minutes later.
    if [ $(( ${#started_pids[@]} - started_before )) -eq 1 ]; then
        for _ in $(seq 1 240); do
            grep -q "DG Size: 1" "$out/payara-cluster-a.log" 2>/dev/null && break
            kill -0 "${started_pids[-1]}" 2>/dev/null || break
            sleep 0.5
        done
    fi
    start_app cluster-b "$cluster_port_b" -Dory.session.cache.backend=jcache ${cached_opts[@]+"${cached_opts[@]}"} -- \
        --clustername "$cluster_name" --clustermode "$members" --interfaces 127.0.0.1 --startport "$grid_port_b" --nohostaware
    [ $(( ${#started_pids[@]} - started_before )) -eq 2 ] && cluster_formed=1
fi
if wants memory; then
    start_app memory "$memory_port" "-Xmx$memory_heap" \
        "-Dory.session.cache.max-entries=$(( BENCH_MEMORY_SESSIONS + 10000 ))" "-Dory.session.cache.ttl-ms=$memory_ttl_ms"
fi

if wants oathkeeper; then
    if listening "$oathkeeper_proxy_port"; then
        echo "Reusing the Oathkeeper proxy on port $oathkeeper_proxy_port"
        setup+=("Oathkeeper reused on port $oathkeeper_proxy_port")
        oathkeeper_pid="$(pid_on_port "$oathkeeper_proxy_port")"
    else
        oathkeeper_bin="$(bash oathkeeper/build.sh | tail -n 1)"
        oathkeeper_config="$("$out/loadgen" oathkeeper-config -templates oathkeeper -out "$out/oathkeeper" \
            -kratos-url "$kratos_url" -upstream-url "http://127.0.0.1:$app_port" -proxy-port "$oathkeeper_proxy_port" \
            -api-port "$oathkeeper_api_port" -metrics-port "$oathkeeper_metrics_port")"
        echo "Starting Oathkeeper ($oathkeeper_bin) on port $oathkeeper_proxy_port, log: $out/oathkeeper.log"
        OATHKEEPER_MAX_IDLE_CONNS_PER_HOST="$oathkeeper_idle_conns" SQA_OPT_OUT=true \
            "$oathkeeper_bin" serve --sqa-opt-out -c "$oathkeeper_config" >"$out/oathkeeper.log" 2>&1 &
        oathkeeper_pid=$!
        started_pids+=("$oathkeeper_pid")
        started_names+=(Oathkeeper)
        for _ in $(seq 1 100); do
            curl -fsS --max-time 2 "http://127.0.0.1:$oathkeeper_api_port/health/ready" >/dev/null 2>&1 && break
            kill -0 "$oathkeeper_pid" 2>/dev/null || { echo "Oathkeeper exited; see $out/oathkeeper.log" >&2; exit 1; }
            sleep 0.2
        done
        curl -fsS --max-time 2 "http://127.0.0.1:$oathkeeper_api_port/health/ready" >/dev/null \
            || { echo "Oathkeeper was not ready within 20 s; see $out/oathkeeper.log" >&2; exit 1; }
        setup+=("Oathkeeper $("$oathkeeper_bin" version 2>/dev/null | awk '/^Version:/ { print $2 }') started on port $oathkeeper_proxy_port (keep-alive pool $oathkeeper_idle_conns per host), upstream the cached app")
    fi
    [ -n "${oathkeeper_pid:-}" ] && cpu_pids="$cpu_pids,oathkeeper=$oathkeeper_pid"
fi

for port in ${app_ports[@]+"${app_ports[@]}"}; do
    for _ in $(seq 1 240); do
        curl -fsS --max-time 2 "http://127.0.0.1:$port/api/public" >/dev/null 2>&1 && break
        for i in "${!started_pids[@]}"; do
            kill -0 "${started_pids[$i]}" 2>/dev/null \
                || { echo "${started_names[$i]} exited; see its log in $out" >&2; exit 1; }
        done
        sleep 0.5
    done
    curl -fsS --max-time 2 "http://127.0.0.1:$port/api/public" >/dev/null \
        || { echo "The example on port $port did not start within 120 s; see $out/payara-*.log" >&2; exit 1; }
done
if [ "$cluster_formed" = 1 ]; then
    # Both answer; wait until they are one data grid (Payara Micro logs its members, "DG Size: 2").
    for _ in $(seq 1 120); do
        grep -q "DG Size: 2" "$out/payara-cluster-a.log" "$out/payara-cluster-b.log" 2>/dev/null && break
        sleep 0.5
    done
    grep -q "DG Size: 2" "$out/payara-cluster-a.log" "$out/payara-cluster-b.log" \
        || { echo "The two clustered instances did not form one data grid within 60 s; see $out/payara-cluster-*.log" >&2; exit 1; }
    setup+=("cluster-a and cluster-b clustered on loopback ($cluster_name, data grid ports $grid_port_a and $grid_port_b), jcache backend")
fi
echo "Ready after $(( $(date +%s) - started_at )) s."
if [ -n "$other_cpus" ]; then
    for pid in ${app_pids[@]+"${app_pids[@]}"} ${oathkeeper_pid:-}; do
        [ -n "$pid" ] && taskset -a -p -c "$other_cpus" "$pid" >/dev/null
    done
fi
if [ "$cluster_formed" = 1 ] && [ -n "$cluster_cpus" ]; then
    IFS=, read -r cpu_a cpu_b <<<"$cluster_cpus"
    [ -n "$cpu_b" ] || { echo "BENCH_CLUSTER_CPUS=$cluster_cpus: one CPU for each of the two members, such as 0,1" >&2; exit 1; }
    for member in "$cluster_port_a $cpu_a" "$cluster_port_b $cpu_b"; do
        read -r port cpu <<<"$member"
        pid="$(pid_on_port "$port")"
        [ -n "$pid" ] && taskset -a -p -c "$cpu" "$pid" >/dev/null
    done
    setup+=("cluster-a pinned to CPU $cpu_a, cluster-b to CPU $cpu_b (taskset, BENCH_CLUSTER_CPUS=none shares every CPU)")
fi

# jcmd of the JDK that runs the servers, for the memory scenario's heap histograms.
jcmd_bin="$(dirname "$(readlink -f "$(command -v java)")")/jcmd"
[ -x "$jcmd_bin" ] || jcmd_bin=jcmd
memory_pid=""
if wants memory; then
    memory_pid="$(sed -n 's/.*app-memory=\([0-9]*\).*/\1/p' <<<"$cpu_pids")"
fi

setup_text="$(IFS=';'; echo "${setup[*]}" | sed 's/;/; /g')"
${other_cpus:+taskset -c "$other_cpus"} "$out/loadgen" \
    -app-url "http://127.0.0.1:$app_port" \
    -uncached-url "http://127.0.0.1:$uncached_port" \
    -kratos-url "$kratos_url" \
    -kratos-log "$kratos_logs" \
    -oathkeeper-url "http://127.0.0.1:$oathkeeper_proxy_port" \
    -cluster-urls "http://127.0.0.1:${cluster_ports%%,*},http://127.0.0.1:${cluster_ports#*,}" \
    -memory-url "http://127.0.0.1:$memory_port" \
    -memory-pid "${memory_pid:-0}" \
    -jcmd "$jcmd_bin" \
    -out "$out" \
    -java-version "$java_version" \
    -cpu-pids "${cpu_pids#,}" \
    -setup "$setup_text"
echo "The whole benchmark took $(( $(date +%s) - started_at )) s (build, start, load)."
