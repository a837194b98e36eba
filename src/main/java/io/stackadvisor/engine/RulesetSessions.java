package io.stackadvisor.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
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
    /** The ruleset's own hold (until retired) plus one per session lent from the pool. */
    private final AtomicInteger holders = new AtomicInteger(1);
    /** Each rule's descriptor by the engine's own rule object, so a firing is named without comparing names. */
    private final Map<Rule, RuleDescriptor> descriptors = new ConcurrentHashMap<>();

    public RulesetSessions(KieBase kieBase, KieSessionsPool pool) {
        this.kieBase = kieBase;
        this.pool = pool;
    }

    /** A session for one evaluation; close the lease when done. */
    public Lease acquire() {
        while (true) {
            int n = holders.get();
            if (n == 0) return new Lease(kieBase.newKieSession(), false);
            if (holders.compareAndSet(n, n + 1)) return new Lease(pool.newKieSession(), true);
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

    /** The descriptor of a rule of this ruleset, looked up by name once per rule. */
    RuleDescriptor describe(Rule rule, Function<String, RuleDescriptor> byName) {
        RuleDescriptor descriptor = descriptors.get(rule);
        if (descriptor == null) {
            descriptor = byName.apply(rule.getName());
            if (descriptor != null) descriptors.put(rule, descriptor);
        }
        return descriptor;
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
