package io.stackadvisor.testing;

import io.stackadvisor.engine.Ruleset;
import io.stackadvisor.engine.RulesetSessions;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.StatelessKieSession;

/** The same ruleset handing out a brand-new session for every evaluation: the baseline before pooling. */
public final class NewSessionPerEvaluation {
    private NewSessionPerEvaluation() {
    }

    public static Ruleset of(Ruleset ruleset) {
        KieBase kieBase = ruleset.sessions().kieBase();
        KieSessionsPool newSessions = new KieSessionsPool() {
            @Override public KieSession newKieSession() { return kieBase.newKieSession(); }
            @Override public KieSession newKieSession(KieSessionConfiguration conf) { return kieBase.newKieSession(conf, null); }
            @Override public StatelessKieSession newStatelessKieSession() { return kieBase.newStatelessKieSession(); }
            @Override public StatelessKieSession newStatelessKieSession(KieSessionConfiguration conf) { return kieBase.newStatelessKieSession(conf); }
            @Override public void shutdown() { }
        };
        return new Ruleset(ruleset.version(), ruleset.loadedAt(), ruleset.files(), new RulesetSessions(kieBase, newSessions),
                ruleset.rules(), ruleset.catalogue());
    }
}
