#!/usr/bin/env bash
# Profiles per second through POST /api/v1/evaluations (one profile a request) against
# POST /api/v1/evaluations/batch (a batch of `size` profiles a request), with wrk over loopback on the
# same cores, the same server in the same run; batch profiles/s = requests/s x size. Target: 3x.
# The service's CPU time per profile (from /proc) is printed too: it depends less on other load.
#
#   src/test/bench/batch-benchmark.sh [seconds=20] [connections=8] [warmup=60] [size=100]
#
# Packages the service (./mvnw -q -B package -DskipTests), then runs the jar in a temporary folder
# holding a copy of rules/ and its own H2 file. Needs wrk (apt-get install -y wrk).
set -euo pipefail
cd "$(dirname "$0")/../../.."
repo=$(pwd)
secs=${1:-20}; conns=${2:-8}; warmup=${3:-60}; size=${4:-100}
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }
./mvnw -q -B package -DskipTests

port=18082
work=$(mktemp -d)
cp -rL rules "$work/rules"   # a real copy: the service reads (and may watch) ./rules
cd "$work"
java -Dquarkus.http.port=$port -Dquarkus.log.console.json.enabled=false -Dquarkus.log.level=WARN \
     "-Dquarkus.datasource.\"h2\".jdbc.url=jdbc:h2:file:$work/data/audit;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0" \
     -jar "$repo/target/quarkus-app/quarkus-run.jar" > "$work/service.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 240); do curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready" && break; sleep 0.5; done
curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready" || { echo "the service did not start" >&2; cat "$work/service.log" >&2; exit 1; }

# The four profiles of lean-path.sh: one a single POST, in turn; `size` of them in turn a batch.
cat > "$work/profiles.lua" <<'LUA'
profiles = {
  '{"name":"wrk","workloads":["realtime-messaging"],"expectedConcurrentConnections":20000,"team":{"javascript":"strong"}}',
  '{"name":"wrk","workloads":["rest-api","recommendations","ml-inference"],"domain":"ecommerce","expectedConcurrentConnections":8000}',
  '{"name":"wrk","workloads":["realtime-messaging"],"expectedConcurrentConnections":300,"latencyTargetMs":500,"team":{"javascript":"basic","python":"strong"}}',
  '{"name":"wrk","workloads":["data-pipeline","ml-training"],"team":{"python":"strong"},"domain":"ai-ml-product"}'
}
LUA
cat "$work/profiles.lua" - > "$work/single.lua" <<'LUA'
local i = 0
request = function()
  i = i + 1
  return wrk.format("POST", "/api/v1/evaluations", { ["Content-Type"] = "application/json" }, profiles[(i % 4) + 1])
end
LUA
cat "$work/profiles.lua" - > "$work/batch.lua" <<LUA
local items = {}
for i = 1, $size do items[i] = profiles[((i - 1) % 4) + 1] end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = "[" .. table.concat(items, ",") .. "]"
LUA
check=$(curl -s -X POST "http://127.0.0.1:$port/api/v1/evaluations/batch" -H 'Content-Type: application/json' \
  -d '[{"name":"check"},{"workloads":["rest-api"]}]')
echo "$check" | grep -q '"accepted":2,"rejected":0' || { echo "the batch endpoint did not accept a test batch: $check" >&2; exit 1; }

cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }   # the service's CPU time so far, in clock ticks
run() { # label, profiles per request, wrk args...
  local label=$1 per=$2; shift 2
  wrk -t2 -c"$conns" -d"${warmup}s" --timeout 30s "$@" >/dev/null
  local before; before=$(cpu)
  wrk -t2 -c"$conns" -d"${secs}s" --timeout 30s --latency "$@" > "$work/$label.txt"
  local ticks=$(( $(cpu) - before ))
  local rps p50 p99 errors requests
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/$label.txt")
  p50=$(awk '$1=="50%" {print $2}' "$work/$label.txt")
  p99=$(awk '$1=="99%" {print $2}' "$work/$label.txt")
  requests=$(awk '/requests in/ {print $1}' "$work/$label.txt")
  errors=$(awk '/Non-2xx|Socket errors/ {printf "%s ", $0}' "$work/$label.txt")
  printf '%-16s %10s req/s   p50 %8s   p99 %8s   service CPU %.2f ms per profile   %s\n' "$label" "$rps" "$p50" "$p99" \
    "$(echo "$ticks * 1000 / $(getconf CLK_TCK) / ($requests * $per)" | bc -l)" "${errors:-0 errors}"
  echo "$rps" > "$work/$label.num"
}

echo "Stack Advisor batch benchmark: H2, $conns connections, ${warmup}s warm-up then ${secs}s per run, batches of $size,"
echo "wrk on the same $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
run single 1 -s "$work/single.lua" "http://127.0.0.1:$port/api/v1/evaluations"
run "batch-of-$size" "$size" -s "$work/batch.lua" "http://127.0.0.1:$port/api/v1/evaluations/batch"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$work" "$size" <<'PY'
import sys
w, size = sys.argv[1], int(sys.argv[2])
single = float(open(w + '/single.num').read())
batch = float(open(w + '/batch-of-%d.num' % size).read()) * size
print('profiles/s: single %.0f, batch %.0f; ratio batch/single %.2fx (target 3x)' % (single, batch, batch / single))
PY
curl -s "http://127.0.0.1:$port/q/metrics" | awk '/^stack_advisor_audit_batch_count/ {n=$2} /^stack_advisor_audit_batch_sum/ {s=$2}
  END { if (n > 0) printf "audit group commit: %d evaluations in %d transactions, %.1f per commit\n", s, n, s / n }'
