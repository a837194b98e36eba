package io.stackadvisor.engine;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What the service knows about one loaded rule, read from its DRL source: where it is, which claim
 * or conflict it encodes, its phase, and which profile properties its conditions test (with the
 * string values they compare against, in the order written), and those constraints as written.
 * Serializable so that the build's compiled form keeps them (see {@link CompiledRules}).
 */
public record RuleDescriptor(
        String name,
        String claim,
        String conflict,
        Phase phase,
        String file,
        int line,
        Map<String, String> metadata,
        Map<String, List<String>> profileTests,
        List<String> profileConstraints) implements Serializable {

    public static final String NO_CLAIM = "none";

    public boolean encodesClaim() {
        return claim != null && !NO_CLAIM.equals(claim);
    }
}
