package io.stackadvisor.engine;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.KieSessionsPool;

/**
 * The sessions of one compiled ruleset, from a pool: a released session is reset and keeps its
 * network memories. The pool is shut down once the ruleset is retired (replaced, or a candidate no
 * longer needed) and the last evaluation holding one of its sessions has finished. An evaluation that
 * picked up a retired ruleset still gets a session, a fresh one outside the pool.
 */
public final class RulesetSessions {
    private final KieBase kieBase;
    private final KieSessionsPool pool;
    /** One configuration object: the pool keeps one set of sessions per configuration it is given. */
    private final KieSessionConfiguration sessionOptions = DroolsOptions.session();
    /** The ruleset's own hold (until retired) plus one per session lent from the pool. */
    private final AtomicInteger holders = new AtomicInteger(1);
    /** Each rule as traced, by the engine's own rule object (identity), so a firing is named without
     *  comparing names; copied on write, as it only grows while the rules first fire. */
    private volatile Map<Rule, TracedRule> traced = new IdentityHashMap<>();

    public RulesetSessions(KieBase kieBase, KieSessionsPool pool) {
        this.kieBase = kieBase;
        this.pool = pool;
    }

    /** A session for one evaluation; close the lease when done. */
    public Lease acquire() {
        while (true) {
            int n = holders.get();
            if (n == 0) return new Lease(kieBase.newKieSession(sessionOptions, null), false);
            if (holders.compareAndSet(n, n + 1)) return new Lease(pool.newKieSession(sessionOptions), true);
        }
    }

    /** No new session comes from the pool; it shuts down when the last lent one is back. */
    public void retire() {
        while (true) {
            int n = holders.get();
            if (n == 0) return;
            if (holders.compareAndSet(n, n - 1)) {
                if (n == 1) pool.shutdown();
                return;
            }
        }
    }

    /** True once the pool has been shut down (retired and every lent session returned). */
    public boolean isShutDown() {
        return holders.get() == 0;
    }

    /** A rule of this ruleset as traced, looked up by name once per rule. */
    TracedRule traced(Rule rule, Function<String, RuleDescriptor> byName) {
        TracedRule known = traced.get(rule);
        if (known != null) return known;
        synchronized (this) {
            known = traced.get(rule);
            if (known != null) return known;
            TracedRule added = TracedRule.of(byName.apply(rule.getName()));
            Map<Rule, TracedRule> copy = new IdentityHashMap<>(traced);
            copy.put(rule, added);
            traced = copy;
            return added;
        }
    }

    public KieBase kieBase() {
        return kieBase;
    }

    /** One session lent for one evaluation. */
    public final class Lease implements AutoCloseable {
        private final KieSession session;
        private final boolean pooled;

        private Lease(KieSession session, boolean pooled) {
            this.session = session;
            this.pooled = pooled;
        }

        public KieSession session() {
            return session;
        }

        @Override
        public void close() {
            session.dispose();
            if (pooled && holders.decrementAndGet() == 0) pool.shutdown();
        }
    }
}
