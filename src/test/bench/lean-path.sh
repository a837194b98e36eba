#!/usr/bin/env bash
# The lean decision path measured as a caller sees it, over loopback with wrk (on the same cores):
# POST /api/v1/evaluations with a mix of four profiles, full document and Prefer: return=minimal,
# against GET /q/health/live of the same server in the same run; then the service's RSS and the
# bytes each evaluation costs in the database.
#
#   src/test/bench/lean-path.sh [h2|postgresql] [seconds=20] [connections=64] [warmup=10] [fill=0]
#   SERVICE_OPTS='-Dname=value ...' adds settings to the service's command line (e.g. to turn a feature off for a baseline).
#
# fill > 0 first posts that many evaluations (H2: then stops the service cleanly and divides the
# data folder's size by the rows; PostgreSQL: pg_total_relation_size of every table of the schema but
# rule_firing_daily, which grows per day, over the rows, listed per table and per index).
# Needs wrk (apt-get install -y wrk) and, for postgresql, the local server on 127.0.0.1:5432.
set -euo pipefail
cd "$(dirname "$0")/../../.."
db=${1:-h2}; secs=${2:-20}; conns=${3:-64}; warmup=${4:-10}; fill=${5:-0}
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q package -DskipTests
port=18081
work=$(mktemp -d)
props=(-Dquarkus.http.port=$port -Dquarkus.log.console.json.enabled=false -Dquarkus.log.level=WARN ${SERVICE_OPTS:-})
schema=stack_advisor_lean
psql_() { psql -h 127.0.0.1 -U postgres -d test -At "$@"; }
if [ "$db" = postgresql ]; then
  psql_ -qc "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null
  props+=(-Dquarkus.profile=prod,postgresql
          "-Dquarkus.datasource.\"postgresql\".jdbc.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$schema"
          "-Dquarkus.datasource.\"postgresql\".username=postgres"
          "-Dquarkus.flyway.\"postgresql\".schemas=$schema")
else
  # The default URL of application.properties, in a folder of its own.
  props+=("-Dquarkus.datasource.\"h2\".jdbc.url=jdbc:h2:file:$work/data/audit;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;RETENTION_TIME=5000;DEFRAG_ALWAYS=TRUE")
fi
start_service() {
  java "${props[@]}" -jar target/quarkus-app/quarkus-run.jar > "$work/service.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 240); do curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready" && return; sleep 0.5; done
  echo "the service did not start" >&2; cat "$work/service.log" >&2; exit 1
}
start_service
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT

for prefer in full minimal; do
cat > "$work/post-$prefer.lua" <<LUA
local bodies = {
  '{"name":"wrk","workloads":["realtime-messaging"],"expectedConcurrentConnections":20000,"team":{"javascript":"strong"}}',
  '{"name":"wrk","workloads":["rest-api","recommendations","ml-inference"],"domain":"ecommerce","expectedConcurrentConnections":8000}',
  '{"name":"wrk","workloads":["realtime-messaging"],"expectedConcurrentConnections":300,"latencyTargetMs":500,"team":{"javascript":"basic","python":"strong"}}',
  '{"name":"wrk","workloads":["data-pipeline","ml-training"],"team":{"python":"strong"},"domain":"ai-ml-product"}'
}
local i = 0
request = function()
  i = i + 1
  local headers = { ["Content-Type"] = "application/json" }
  if "$prefer" == "minimal" then headers["Prefer"] = "return=minimal" end
  return wrk.format("POST", "/api/v1/evaluations", headers, bodies[(i % 4) + 1])
end
LUA
done

run() { # label, wrk args...
  local label=$1; shift
  wrk -t2 -c"$conns" -d"${warmup}s" "$@" >/dev/null
  wrk -t2 -c"$conns" -d"${secs}s" --latency "$@" > "$work/$label.txt"
  local rps p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/$label.txt")
  p99=$(awk '$1=="99%" {print $2}' "$work/$label.txt")
  errors=$(awk '/Non-2xx|Socket errors/ {printf "%s ", $0}' "$work/$label.txt")
  printf '%-22s %10s req/s   p99 %8s   %s\n' "$label" "$rps" "$p99" "${errors:-0 errors}"
  echo "$rps" > "$work/$label.num"
}

if [ "$fill" -gt 0 ]; then
  echo "filling: $fill evaluations"
  wrk -t2 -c16 -d3600s -s "$work/post-minimal.lua" "http://127.0.0.1:$port/api/v1/evaluations" >/dev/null &
  wrkpid=$!
  rows() { curl -s "http://127.0.0.1:$port/q/metrics" | awk '/^stack_advisor_audit_batch_sum/ {n = $2} END {printf "%d", n + 0}'; }
  while [ "$(rows)" -lt "$fill" ]; do sleep 2; done
  kill $wrkpid; wait $wrkpid 2>/dev/null || true
fi

echo "Stack Advisor lean path: $db, $conns connections, ${warmup}s warm-up then ${secs}s per run, wrk on the same $(nproc) cores"
run liveness "http://127.0.0.1:$port/q/health/live"
run post-full -s "$work/post-full.lua" "http://127.0.0.1:$port/api/v1/evaluations"
run post-minimal -s "$work/post-minimal.lua" "http://127.0.0.1:$port/api/v1/evaluations"
echo "RSS of the service after the runs: $(( $(ps -o rss= -p $pid) / 1024 )) MB"
python3 - "$work" <<'PY'
import sys
w = sys.argv[1]
live = float(open(w + '/liveness.num').read())
for label in ('post-full', 'post-minimal'):
    print('ratio %s / liveness: %.3f' % (label, float(open(w + '/' + label + '.num').read()) / live))
PY
if [ "$db" = postgresql ]; then
  # Every table of the schema counts (with its indexes and TOAST) except rule_firing_daily, which grows
  # per day, not per evaluation; the tables that do not grow at all (versions, history) count too.
  rows=$(psql_ -c "SELECT count(*) FROM $schema.evaluation")
  echo "PostgreSQL tables (pg_total_relation_size: heap, indexes, TOAST), $rows evaluations:"
  psql_ -F ' ' -c "SELECT c.relname, pg_total_relation_size(c.oid), pg_relation_size(c.oid),
        pg_indexes_size(c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = '$schema' AND c.relkind = 'r' ORDER BY 2 DESC" |
    awk -v rows="$rows" '{printf "  %-22s %9d KB total  %9d KB heap  %9d KB indexes  %6.0f bytes/evaluation\n", $1, $2/1024, $3/1024, $4/1024, $2/rows}'
  psql_ -F ' ' -c "SELECT i.relname, pg_relation_size(i.oid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
        JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = '$schema' AND t.relname = 'evaluation' ORDER BY 2 DESC" |
    awk -v rows="$rows" '{printf "    index %-26s %9d KB  %6.0f bytes/evaluation\n", $1, $2/1024, $2/rows}'
  bytes=$(psql_ -c "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = '$schema' AND c.relkind = 'r' AND c.relname <> 'rule_firing_daily'")
  echo "PostgreSQL: $rows evaluations, $(( bytes / 1024 / 1024 )) MB in every table but rule_firing_daily: $(( bytes / rows )) bytes per evaluation"
else
  echo "H2 data folder while the service runs: $(( $(du -sb "$work/data" | cut -f1) / 1024 / 1024 )) MB"
  stopping=$(date +%s.%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "clean shutdown took $(python3 -c "import sys; print(round($(date +%s.%N) - $stopping, 1))") s"
  # The size as the service left it, before anything else opens the database.
  ls -l "$work/data" | awk 'NR > 1 {printf "  %-28s %12d bytes\n", $9, $5}'
  bytes=$(du -sb "$work/data" | cut -f1)
  rows=$(java -cp "$(ls target/quarkus-app/lib/main/com.h2database.h2-*.jar)" org.h2.tools.Shell \
      -url "jdbc:h2:file:$work/data/audit" -user sa -sql "SELECT COUNT(*) FROM evaluation" | awk 'NR==2 {print $1}')
  echo "H2 after a clean shutdown: $rows evaluations, $(( bytes / 1024 / 1024 )) MB: $(( bytes / rows )) bytes per evaluation"
fi
