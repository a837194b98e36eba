package io.stackadvisor.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The project profile as the API receives it (profile.schema.json). Every field is optional and an
 * absent field is unknown: nothing here is ever defaulted.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProjectProfile(
        String name,
        List<String> workloads,
        Long expectedConcurrentConnections,
        Double latencyTargetMs,
        Long memoryBudgetMb,
        Long instanceMemoryMb,
        Team team,
        Frontend frontend,
        Boolean singleLanguageStack,
        Boolean mobileClients,
        String projectStage,
        Long timelineWeeks,
        String organizationType,
        String domain,
        String architectureStyle,
        List<String> deploymentTargets,
        List<String> priorities) {

    /** The empty profile: everything unknown. */
    public static final ProjectProfile UNKNOWN = new ProjectProfile(null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Team(String javascript, String python, String seniority) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Frontend(String language, String type) {
    }
}
