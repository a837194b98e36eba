package io.stackadvisor.knowledge;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One claim of the catalogue (rules/catalogue/claims.json). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Claim(
        String id,
        String topic,
        String subtopic,
        String kind,
        String statement,
        String favours,
        String strength,
        int weight,
        boolean anchor,
        boolean demotable,
        String condition,
        String trigger,
        String caveat,
        List<String> conflicts,
        List<Source> sources,
        String notEncoded,
        String responsibility,
        List<String> frameworks,
        List<String> communication) {

    public boolean isEncoded() {
        return notEncoded == null;
    }

    /** Claims of kind rule and advice must be encoded by a rule (or say why not). */
    public boolean mustBeEncoded() {
        return "rule".equals(kind) || "advice".equals(kind);
    }
}
