#!/usr/bin/env bash
# Time from `java -jar` to the first 201 of POST /api/v1/evaluations, on the embedded defaults.
# Usage: src/test/bench/first-answer.sh [runs] [empty|used]   (run from the repository root after ./mvnw package)
set -euo pipefail
runs=${1:-3}
mode=${2:-empty}
port=${PORT:-18080}
body='{"workloads":["realtime-messaging"],"expectedConcurrentConnections":300}'
for i in $(seq 1 "$runs"); do
  [ "$mode" = empty ] && rm -rf ./data
  start=$(date +%s%N)
  java -Dquarkus.http.port="$port" -jar target/quarkus-app/quarkus-run.jar > "target/first-answer-$i.log" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' -d "$body" "localhost:$port/api/v1/evaluations")" = 201 ]; do
    sleep 0.02
    kill -0 "$pid" 2>/dev/null || { echo "the service died; see target/first-answer-$i.log"; exit 1; }
  done
  end=$(date +%s%N)
  echo "run $i ($mode ./data): first 201 after $(( (end - start) / 1000000 )) ms"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
