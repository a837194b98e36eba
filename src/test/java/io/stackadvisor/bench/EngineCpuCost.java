package io.stackadvisor.bench;

import io.stackadvisor.engine.DecisionEngine;
import io.stackadvisor.engine.Ruleset;
import io.stackadvisor.engine.facts.Profile;
import io.stackadvisor.testing.RealRules;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time of this thread per evaluation with the full trace built, after a warm-up of the given CPU
 * seconds: steadier than wall-clock throughput on a shared machine. {@code raw-N} runs the bare
 * pooled session with the first N phases focused and no recorder, to see what each phase costs.
 * {@code ./mvnw -Pbench test-compile exec:exec -Dbench.main=io.stackadvisor.bench.EngineCpuCost -Dbench.args="15 engine"}
 */
public final class EngineCpuCost {
    public static void main(String[] args) throws Exception {
        Ruleset ruleset = RealRules.ruleset();
        DecisionEngine engine = new DecisionEngine();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long warmCpuNs = Long.parseLong(args.length > 0 ? args[0] : "15") * 1_000_000_000L;
        String mode = args.length > 1 ? args[1] : "engine";
        java.util.function.ToIntFunction<Profile> run = mode.equals("engine") ? p -> EvaluationBenchmark.fullTrace(engine.evaluate(ruleset, p, true)) : p -> raw(ruleset, p, mode);
        for (String name : new String[] {"chat", "hybrid"}) {
            Profile p = new Profile(RealRules.READER.read(EvaluationBenchmark.PROFILES.get(name).getBytes()).profile());
            long start = mx.getCurrentThreadCpuTime();
            long sink = 0;
            while (mx.getCurrentThreadCpuTime() - start < warmCpuNs) for (int i = 0; i < 1000; i++) sink += run.applyAsInt(p);
            for (int rep = 0; rep < 3; rep++) {
                int n = 20000;
                long t0 = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < n; i++) sink += run.applyAsInt(p);
                long ns = (mx.getCurrentThreadCpuTime() - t0) / n;
                System.out.printf("%s: %.1f us CPU/op = %.1fk/s per core (%d)%n", name, ns / 1000.0, 1e6 / ns, sink % 7);
            }
        }
        System.exit(0);
    }

    /** raw-N: the bare session with the first N phases focused, no recorder. */
    static int raw(Ruleset ruleset, Profile profile, String mode) {
        int phases = Integer.parseInt(mode.substring(4));
        try (var lease = ruleset.sessions().acquire()) {
            var session = lease.session();
            session.insert(profile);
            for (var phase : io.stackadvisor.engine.Phase.inFocusPushOrder()) if (phase.ordinal() < phases) session.getAgenda().getAgendaGroup(phase.group()).setFocus();
            return session.fireAllRules(5000);
        }
    }
}
