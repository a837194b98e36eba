#!/bin/bash
# One JMH run that benchmarks today's engine against an older commit, back to back on the same machine:
#   git worktree add ../wt-engine-base 6d6ae1f && (cd ../wt-engine-base && ./mvnw -q -Pbench test-compile)
#   ./mvnw -q -Pbench test-compile && src/test/bench/engine-vs-base.sh ../wt-engine-base [rounds]
# Iterations: JMH_ITERATIONS="-wi 4 -w 5 -i 5 -r 5" by default (JIT needs >= 15 s of warm-up).
# Each round runs the base, then this tree, and prints ops/ms.
set -euo pipefail
base=$(cd "$1" && pwd); here=$(pwd); rounds=${2:-1}
cp=$(mktemp); ./mvnw -q -o -Pbench dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp" >/dev/null
args=(EvaluationBenchmark.evaluateWithTrace -p profile=chat,hybrid -p sessions=pooled -bm thrpt ${JMH_ITERATIONS:--wi 4 -w 5 -i 5 -r 5} -f 1)
run() { # label tree [jvm args]
  local label=$1 tree=$2; shift 2
  (cd "$tree" && java "$@" -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
      -cp "$tree/target/test-classes:$tree/target/classes:$(cat "$cp")" org.openjdk.jmh.Main "${args[@]}" 2>&1) \
    | { grep -E '^EvaluationBenchmark\.evaluateWithTrace |ERROR|rror:' || true; } | sed "s/^/$label /"
}
for r in $(seq "$rounds"); do
  echo "# round $r, load: $(cut -d' ' -f1-3 /proc/loadavg)"
  run base "$base"
  run new "$here"
done
rm -f "$cp"
