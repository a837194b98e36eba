package io.stackadvisor.engine;

import java.util.Collection;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.definition.KiePackage;
import org.kie.api.KieServices;
import org.kie.api.conf.KieBaseMutabilityOption;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ThreadSafeOption;

/**
 * Drools options for speed that change no answer. A compiled ruleset is never changed (a new version
 * compiles a new KieBase), and a session serves one evaluation on one thread at a time.
 */
public final class DroolsOptions {
    private DroolsOptions() {
    }

    /**
     * For {@code KnowledgeBuilder.newKieBase(...)}: an immutable KieBase lets every session keep its
     * facts in the plain identity store instead of the per-class store kept for rule-base changes.
     */
    public static KieBaseConfiguration kieBase() {
        KieBaseConfiguration conf = KieServices.get().newKieBaseConfiguration();
        conf.setOption(KieBaseMutabilityOption.DISABLED);
        return conf;
    }

    /** An immutable KieBase of compiled packages (from a KnowledgeBuilder, or read back from a compiled form). */
    static KieBase kieBaseOf(Collection<? extends KiePackage> packages) {
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(kieBase());
        kieBase.addPackages(packages);
        return kieBase;
    }

    /** Sessions without the locks that let several threads drive one session at once. */
    static KieSessionConfiguration session() {
        KieSessionConfiguration conf = KieServices.get().newKieSessionConfiguration();
        conf.setOption(ThreadSafeOption.NO);
        return conf;
    }
}
