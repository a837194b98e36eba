#!/usr/bin/env bash
# What shadowing a candidate costs the callers, over loopback with wrk: POST /api/v1/evaluations with
# the benchmark profile mix (as lean-path.sh) for `seconds` without a shadow, then a harmless
# candidate (the rules with one comment added: the same decisions, another version) is uploaded and
# shadowed, and the same load runs again. Prints p99 of both, their ratio (target: within 10 %) and
# what the shadow counted (compared, dropped, agreement).
#
#   src/test/bench/shadow-benchmark.sh [h2|postgresql] [seconds=20] [connections=8] [warmup=30]
#
# Needs wrk (apt-get install -y wrk) and, for postgresql, the local server on 127.0.0.1:5432.
set -euo pipefail
cd "$(dirname "$0")/../../.."
db=${1:-h2}; secs=${2:-20}; conns=${3:-8}; warmup=${4:-30}
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q package -DskipTests
port=18082
token=shadow-benchmark-token
work=$(mktemp -d)
props=(-Dquarkus.http.port=$port -Dquarkus.log.console.json.enabled=false -Dquarkus.log.level=WARN
       -Dstack-advisor.admin.token=$token)
schema=stack_advisor_shadow_bench
if [ "$db" = postgresql ]; then
  psql -h 127.0.0.1 -U postgres -d test -qc "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null
  props+=(-Dquarkus.profile=prod,postgresql
          "-Dquarkus.datasource.\"postgresql\".jdbc.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$schema"
          "-Dquarkus.datasource.\"postgresql\".username=postgres"
          "-Dquarkus.flyway.\"postgresql\".schemas=$schema")
else
  props+=("-Dquarkus.datasource.\"h2\".jdbc.url=jdbc:h2:file:$work/data/audit;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0")
fi
java "${props[@]}" -jar target/quarkus-app/quarkus-run.jar > "$work/service.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 240); do curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready" && break; sleep 0.5; done
curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready" || { echo "the service did not start" >&2; cat "$work/service.log" >&2; exit 1; }

cat > "$work/post.lua" <<'LUA'
local bodies = {
  '{"name":"wrk","workloads":["realtime-messaging"],"expectedConcurrentConnections":20000,"team":{"javascript":"strong"}}',
  '{"name":"wrk","workloads":["rest-api","recommendations","ml-inference"],"domain":"ecommerce","expectedConcurrentConnections":8000}',
  '{"name":"wrk","workloads":["realtime-messaging"],"expectedConcurrentConnections":300,"latencyTargetMs":500,"team":{"javascript":"basic","python":"strong"}}',
  '{"name":"wrk","workloads":["data-pipeline","ml-training"],"team":{"python":"strong"},"domain":"ai-ml-product"}'
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("POST", "/api/v1/evaluations", { ["Content-Type"] = "application/json" }, bodies[(i % 4) + 1])
end
LUA

run() { # label
  local label=$1
  wrk -t2 -c"$conns" -d"${secs}s" --latency -s "$work/post.lua" "http://127.0.0.1:$port/api/v1/evaluations" > "$work/$label.txt"
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/$label.txt")
  p50=$(awk '$1=="50%" {print $2}' "$work/$label.txt")
  p99=$(awk '$1=="99%" {print $2}' "$work/$label.txt")
  errors=$(awk '/Non-2xx|Socket errors/ {printf "%s ", $0}' "$work/$label.txt")
  printf '%-16s %10s req/s   p50 %8s   p99 %8s   %s\n' "$label" "$rps" "$p50" "$p99" "${errors:-0 errors}"
  echo "$rps $p50 $p99" > "$work/$label.num"
}

echo "Stack Advisor shadow benchmark: $db, $conns connections, ${warmup}s warm-up then ${secs}s per run, wrk on the same $(nproc) cores"
echo "load before: $(uptime)"
wrk -t2 -c"$conns" -d"${warmup}s" -s "$work/post.lua" "http://127.0.0.1:$port/api/v1/evaluations" >/dev/null   # warm-up (JIT)
run no-shadow

# A harmless candidate: the same rules and one comment more.
mkdir -p "$work/candidate"
cp -r rules "$work/candidate/rules"
printf '\n// shadow benchmark %s\n' "$(date +%s%N)" >> "$work/candidate/rules/evidence/realtime.drl"
(cd "$work/candidate" && tar czf ../candidate.tar.gz rules)
candidate=$(curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/gzip' --data-binary @"$work/candidate.tar.gz" \
  "http://127.0.0.1:$port/api/v1/rulesets" | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])')
curl -sf -o /dev/null -X POST -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/rulesets/$candidate/shadow"
echo "shadowing $candidate"
wrk -t2 -c"$conns" -d5s -s "$work/post.lua" "http://127.0.0.1:$port/api/v1/evaluations" >/dev/null   # the candidate's sessions warm up
before=$(curl -sf "http://127.0.0.1:$port/api/v1/rulesets/$candidate/shadow")
run with-shadow
sleep 3   # the last counts are flushed about every second
after=$(curl -sf "http://127.0.0.1:$port/api/v1/rulesets/$candidate/shadow")
echo "load after: $(uptime)"

python3 - "$work" "$before" "$after" <<'PY'
import sys, re, json
def ms(v):
    m = re.match(r'([\d.]+)(us|ms|s)', v); x = float(m.group(1))
    return x / 1000 if m.group(2) == 'us' else x * 1000 if m.group(2) == 's' else x
w = sys.argv[1]
a = open(w + '/no-shadow.num').read().split(); b = open(w + '/with-shadow.num').read().split()
print('with/without shadow: throughput %.3f, p50 %.2fx, p99 %.2fx (target: p99 within 1.10x)'
      % (float(b[0]) / float(a[0]), ms(b[1]) / ms(a[1]), ms(b[2]) / ms(a[2])))
s0, s1 = json.loads(sys.argv[2]), json.loads(sys.argv[3])
compared, dropped = s1['compared'] - s0['compared'], s1['dropped'] - s0['dropped']
offered = compared + dropped
print('shadow during the measured run: compared %d, dropped %d (%.1f %% of %d live evaluations), agreement %s, flips %d'
      % (compared, dropped, 100.0 * dropped / offered if offered else 0, offered, s1['agreementRate'], len(s1['flips'])))
print('shadow in total: compared %d, dropped %d' % (s1['compared'], s1['dropped']))
PY
