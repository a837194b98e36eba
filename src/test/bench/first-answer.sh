#!/usr/bin/env bash
# Time from `java -jar` to the first 201 of POST /api/v1/evaluations, on the embedded defaults, and
# what each step of the start cost (from the service's own log lines).
# Usage: src/test/bench/first-answer.sh [runs] [empty|used]   (run from the repository root after ./mvnw package)
# The JVM options are the README's start command's (the build's class-data archive); JVM_OPTS= (empty) starts
# without it, JVM_OPTS="..." with others.
set -euo pipefail
runs=${1:-3}
mode=${2:-empty}
port=${PORT:-18080}
cds=-XX:SharedArchiveFile=target/quarkus-app/app-cds.jsa
body='{"workloads":["realtime-messaging"],"expectedConcurrentConnections":300}'
for i in $(seq 1 "$runs"); do
  [ "$mode" = empty ] && rm -rf ./data
  log="target/first-answer-$i.log"
  start=$(date +%s%N)
  java ${JVM_OPTS-$cds} -Dquarkus.http.port="$port" -jar target/quarkus-app/quarkus-run.jar > "$log" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' -d "$body" "localhost:$port/api/v1/evaluations")" = 201 ]; do
    sleep 0.02
    kill -0 "$pid" 2>/dev/null || { echo "the service died; see $log"; exit 1; }
  done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  python3 - "$log" "$start" "$end" "$i" "$mode" <<'PY'
import json, sys, datetime
log, start, end, run, mode = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
def ms(ts):
    t = datetime.datetime.fromisoformat(ts.replace('Z', '+00:00'))
    return round(t.timestamp() * 1000 - start / 1e6)
steps, previous = [], 0
marks = [('Quarkus up to the database migration', lambda m: m.startswith('Successfully applied') or 'is up to date' in m),
         ('rules live (startup)', lambda m: m.startswith('Rules ') and 'live (startup)' in m),
         ('started (HTTP listening)', lambda m: 'started in' in m)]
for line in open(log):
    try:
        entry = json.loads(line)
    except ValueError:
        continue
    for name, matches in marks:
        if matches(entry.get('message', '')) and name not in [s[0] for s in steps]:
            at = ms(entry['timestamp'])
            steps.append((name, at - previous)); previous = at
total = round((end - start) / 1e6)
steps.append(('first 201 answered', total - previous))
print(f"run {run} ({mode} ./data): first 201 after {total} ms  [" + ', '.join(f"{n} +{d} ms" for n, d in steps) + "]")
PY
done
