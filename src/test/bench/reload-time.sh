#!/usr/bin/env bash
# Reload time of a changed rules folder (full gate: compile, lint, every scenario, coverage) on the
# packaged service, and of an unchanged one. Run from the repository root after ./mvnw package.
set -euo pipefail
port=18083
work=$(mktemp -d)
cp -r rules "$work/rules"
java -Dquarkus.http.port=$port -Dstack-advisor.admin.token=t -Dstack-advisor.rules.dir="$work/rules" \
  "-Dquarkus.datasource.\"h2\".jdbc.url=jdbc:h2:file:$work/data/audit;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0" \
  -jar target/quarkus-app/quarkus-run.jar > "$work/service.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 240); do curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready" && break; sleep 0.5; done
reload() { curl -s -X POST -H 'Authorization: Bearer t' "http://127.0.0.1:$port/api/v1/ruleset/reload" | python3 -c \
  'import json,sys; d=json.load(sys.stdin); r=d.get("reload", d); print(r["result"], r["durationMs"], "ms, scenarios run:", r.get("scenariosPassed"))'; }
echo "unchanged folder: $(reload)"
sed -i 's/"statement": "Node.js handles chat and messaging well"/"statement": "Node.js is made for chat and messaging"/' "$work/rules/catalogue/claims.json"
echo "changed folder:   $(reload)"
