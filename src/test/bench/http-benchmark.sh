#!/usr/bin/env bash
# HTTP benchmark over loopback with wrk: POST /api/v1/evaluations (rules + audit write) against a
# trivial JSON GET served by the same server in the same run (GET /api/v1/claims/RT-01), reported
# as throughput and p50/p99 with their ratios.
#
#   src/test/bench/http-benchmark.sh [h2|postgresql] [seconds=20] [connections=8] [warmup=75]
#
# The warm-up matters: on 2 cores the JIT compiles for about a minute under this load, taking a core
# with it, so each endpoint is driven for `warmup` seconds before it is measured.
#
# Needs wrk (apt-get install -y wrk) and, for postgresql, the local server on 127.0.0.1:5432.
set -euo pipefail
cd "$(dirname "$0")/../../.."
db=${1:-h2}; secs=${2:-20}; conns=${3:-8}; warmup=${4:-75}
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q package -DskipTests

port=18080
work=$(mktemp -d)
props=(-Dquarkus.http.port=$port -Dquarkus.log.console.json.enabled=false -Dquarkus.log.level=WARN)
if [ "$db" = postgresql ]; then
  psql -h 127.0.0.1 -U postgres -d test -qc "DROP SCHEMA IF EXISTS stack_advisor_wrk CASCADE" >/dev/null
  props+=(-Dquarkus.profile=prod,postgresql
          "-Dquarkus.datasource.\"postgresql\".jdbc.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=stack_advisor_wrk"
          "-Dquarkus.datasource.\"postgresql\".username=postgres"
          "-Dquarkus.flyway.\"postgresql\".schemas=stack_advisor_wrk")
else
  props+=("-Dquarkus.datasource.\"h2\".jdbc.url=jdbc:h2:file:$work/audit;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0")
fi
java "${props[@]}" -jar target/quarkus-app/quarkus-run.jar > "$work/service.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready" && break; sleep 0.5; done

cat > "$work/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"name":"wrk","workloads":["rest-api","recommendations","ml-inference"],"domain":"ecommerce","expectedConcurrentConnections":8000}'
LUA

run() { # label, extra wrk args..., url
  local label=$1; shift
  wrk -t2 -c"$conns" -d"${warmup}s" "$@" >/dev/null            # warm-up (JIT)
  wrk -t2 -c"$conns" -d"${secs}s" --latency "$@" > "$work/$label.txt"
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/$label.txt")
  p50=$(awk '$1=="50%" {print $2}' "$work/$label.txt")
  p99=$(awk '$1=="99%" {print $2}' "$work/$label.txt")
  local errors; errors=$(awk '/Non-2xx|Socket errors/ {print}' "$work/$label.txt")
  printf '%-28s %10s req/s   p50 %8s   p99 %8s   %s\n' "$label" "$rps" "$p50" "$p99" "$errors"
  echo "$rps $p50 $p99" > "$work/$label.num"
}

echo "Stack Advisor HTTP benchmark: $db, $conns connections, ${warmup}s warm-up then ${secs}s per run, wrk on the same $(nproc) cores"
run baseline-get-claim "http://127.0.0.1:$port/api/v1/claims/RT-01"
run post-evaluation -s "$work/post.lua" "http://127.0.0.1:$port/api/v1/evaluations"

python3 - "$work" <<'PY'
import sys, re
def ms(v):
    m = re.match(r'([\d.]+)(us|ms|s)', v); x = float(m.group(1))
    return x / 1000 if m.group(2) == 'us' else x * 1000 if m.group(2) == 's' else x
w = sys.argv[1]
b = open(w + '/baseline-get-claim.num').read().split(); e = open(w + '/post-evaluation.num').read().split()
print('ratio evaluation/baseline: throughput %.3f, p50 %.1fx, p99 %.1fx' % (float(e[0]) / float(b[0]), ms(e[1]) / ms(b[1]), ms(e[2]) / ms(b[2])))
PY
echo "evaluations recorded: $(curl -s "http://127.0.0.1:$port/api/v1/evaluations?name=wrk&limit=1" | grep -c '"id"') (sample check)"
curl -s "http://127.0.0.1:$port/q/metrics" | awk '/^stack_advisor_audit_batch_count/ {n=$2} /^stack_advisor_audit_batch_sum/ {s=$2}
  END { if (n > 0) printf "audit group commit: %d evaluations in %d transactions, %.1f per commit\n", s, n, s / n }' 
