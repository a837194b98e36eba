package io.stackadvisor.engine.facts;

import io.stackadvisor.profile.ProfileField;
import io.stackadvisor.profile.ProjectProfile;
import java.util.List;
import java.util.Set;

/**
 * The profile as the rules see it: flat, null for unknown, lists as sets. Property names follow the
 * schema ({@code team.javascript} becomes {@code teamJavascript}), as {@link ProfileField} lists them.
 */
public final class Profile {

    /** Rule property → the field's path in the request, for the trace and the why-not explanations. */
    public static final java.util.Map<String, String> SCHEMA_PATHS = java.util.Arrays.stream(ProfileField.values())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(ProfileField::property, ProfileField::path));

    private final Set<String> workloads;
    private final Long expectedConcurrentConnections;
    private final Double latencyTargetMs;
    private final Long memoryBudgetMb;
    private final Long instanceMemoryMb;
    private final String teamJavascript;
    private final String teamPython;
    private final String teamSeniority;
    private final String frontendLanguage;
    private final String frontendType;
    private final Boolean singleLanguageStack;
    private final Boolean mobileClients;
    private final String projectStage;
    private final Long timelineWeeks;
    private final String organizationType;
    private final String domain;
    private final String architectureStyle;
    private final Set<String> deploymentTargets;
    private final Set<String> priorities;

    public Profile(ProjectProfile p) {
        ProjectProfile.Team team = p.team() == null ? new ProjectProfile.Team(null, null, null) : p.team();
        ProjectProfile.Frontend frontend = p.frontend() == null ? new ProjectProfile.Frontend(null, null) : p.frontend();
        this.workloads = toSet(p.workloads());
        this.expectedConcurrentConnections = p.expectedConcurrentConnections();
        this.latencyTargetMs = p.latencyTargetMs();
        this.memoryBudgetMb = p.memoryBudgetMb();
        this.instanceMemoryMb = p.instanceMemoryMb();
        this.teamJavascript = team.javascript();
        this.teamPython = team.python();
        this.teamSeniority = team.seniority();
        this.frontendLanguage = frontend.language();
        this.frontendType = frontend.type();
        this.singleLanguageStack = p.singleLanguageStack();
        this.mobileClients = p.mobileClients();
        this.projectStage = p.projectStage();
        this.timelineWeeks = p.timelineWeeks();
        this.organizationType = p.organizationType();
        this.domain = p.domain();
        this.architectureStyle = p.architectureStyle();
        this.deploymentTargets = toSet(p.deploymentTargets());
        this.priorities = toSet(p.priorities());
    }

    private static Set<String> toSet(List<String> values) {
        return values == null ? Set.of() : Set.copyOf(values);
    }

    public Set<String> getWorkloads() { return workloads; }
    public Long getExpectedConcurrentConnections() { return expectedConcurrentConnections; }
    public Double getLatencyTargetMs() { return latencyTargetMs; }
    public Long getMemoryBudgetMb() { return memoryBudgetMb; }
    public Long getInstanceMemoryMb() { return instanceMemoryMb; }
    public String getTeamJavascript() { return teamJavascript; }
    public String getTeamPython() { return teamPython; }
    public String getTeamSeniority() { return teamSeniority; }
    public String getFrontendLanguage() { return frontendLanguage; }
    public String getFrontendType() { return frontendType; }
    public Boolean getSingleLanguageStack() { return singleLanguageStack; }
    public Boolean getMobileClients() { return mobileClients; }
    public String getProjectStage() { return projectStage; }
    public Long getTimelineWeeks() { return timelineWeeks; }
    public String getOrganizationType() { return organizationType; }
    public String getDomain() { return domain; }
    public String getArchitectureStyle() { return architectureStyle; }
    public Set<String> getDeploymentTargets() { return deploymentTargets; }
    public Set<String> getPriorities() { return priorities; }

    /** The value of a rule property by name (null when unknown), for traces and explanations. */
    public Object valueOf(String property) {
        return switch (property) {
            case "workloads" -> workloads;
            case "expectedConcurrentConnections" -> expectedConcurrentConnections;
            case "latencyTargetMs" -> latencyTargetMs;
            case "memoryBudgetMb" -> memoryBudgetMb;
            case "instanceMemoryMb" -> instanceMemoryMb;
            case "teamJavascript" -> teamJavascript;
            case "teamPython" -> teamPython;
            case "teamSeniority" -> teamSeniority;
            case "frontendLanguage" -> frontendLanguage;
            case "frontendType" -> frontendType;
            case "singleLanguageStack" -> singleLanguageStack;
            case "mobileClients" -> mobileClients;
            case "projectStage" -> projectStage;
            case "timelineWeeks" -> timelineWeeks;
            case "organizationType" -> organizationType;
            case "domain" -> domain;
            case "architectureStyle" -> architectureStyle;
            case "deploymentTargets" -> deploymentTargets;
            case "priorities" -> priorities;
            default -> throw new IllegalArgumentException("no profile property " + property);
        };
    }
}
