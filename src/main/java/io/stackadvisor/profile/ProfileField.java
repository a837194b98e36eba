package io.stackadvisor.profile;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The profile's fields, once: the name the rules use, the path in the request, the words people
 * read, and the kind of value. Accepted enum values come from the published schema
 * ({@link ProfileSchema}); the trace, the explanations, the pages and the try-it form all list fields
 * from here.
 */
public enum ProfileField {
    WORKLOADS("workloads", "workloads", "workloads", Kind.LIST),
    EXPECTED_CONCURRENT_CONNECTIONS("expectedConcurrentConnections", "expectedConcurrentConnections",
            "expected concurrent connections", Kind.INTEGER),
    LATENCY_TARGET_MS("latencyTargetMs", "latencyTargetMs", "latency target (ms)", Kind.DECIMAL),
    MEMORY_BUDGET_MB("memoryBudgetMb", "memoryBudgetMb", "memory budget (MB)", Kind.INTEGER),
    INSTANCE_MEMORY_MB("instanceMemoryMb", "instanceMemoryMb", "memory per instance (MB)", Kind.INTEGER),
    TEAM_JAVASCRIPT("teamJavascript", "team.javascript", "the team's JavaScript/TypeScript", Kind.ENUM),
    TEAM_PYTHON("teamPython", "team.python", "the team's Python", Kind.ENUM),
    TEAM_SENIORITY("teamSeniority", "team.seniority", "the team's seniority", Kind.ENUM),
    FRONTEND_LANGUAGE("frontendLanguage", "frontend.language", "frontend language", Kind.ENUM),
    FRONTEND_TYPE("frontendType", "frontend.type", "frontend type", Kind.ENUM),
    SINGLE_LANGUAGE_STACK("singleLanguageStack", "singleLanguageStack", "one language front and back", Kind.BOOLEAN),
    MOBILE_CLIENTS("mobileClients", "mobileClients", "mobile apps as clients", Kind.BOOLEAN),
    PROJECT_STAGE("projectStage", "projectStage", "project stage", Kind.ENUM),
    TIMELINE_WEEKS("timelineWeeks", "timelineWeeks", "timeline (weeks)", Kind.INTEGER),
    ORGANIZATION_TYPE("organizationType", "organizationType", "organisation", Kind.ENUM),
    DOMAIN("domain", "domain", "domain", Kind.ENUM),
    ARCHITECTURE_STYLE("architectureStyle", "architectureStyle", "architecture style", Kind.ENUM),
    DEPLOYMENT_TARGETS("deploymentTargets", "deploymentTargets", "deployment targets", Kind.LIST),
    PRIORITIES("priorities", "priorities", "priorities", Kind.LIST);

    public enum Kind { LIST, ENUM, BOOLEAN, INTEGER, DECIMAL }

    private static final Map<String, ProfileField> BY_PROPERTY =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(ProfileField::property, Function.identity()));
    private static final Map<String, ProfileField> BY_PATH =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(ProfileField::path, Function.identity()));

    private final String property;
    private final String path;
    private final String label;
    private final Kind kind;

    ProfileField(String property, String path, String label, Kind kind) {
        this.property = property;
        this.path = path;
        this.label = label;
        this.kind = kind;
    }

    /** The name in the rules (team.javascript is teamJavascript). */
    public String property() {
        return property;
    }

    /** The field's path in the request, dot-separated (team.javascript). */
    public String path() {
        return path;
    }

    /** The field in words, as it reads inside a sentence ("expected concurrent connections"). */
    public String label() {
        return label;
    }

    /** The field in words as a heading or form label ("Expected concurrent connections"). */
    public String title() {
        return Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }

    public Kind kind() {
        return kind;
    }

    public boolean isNumber() {
        return kind == Kind.INTEGER || kind == Kind.DECIMAL;
    }

    /** The accepted values of an enum or list field, from the schema; true/false for a boolean. */
    public List<String> accepted() {
        return switch (kind) {
            case BOOLEAN -> List.of("true", "false");
            case ENUM, LIST -> ProfileSchema.values(path.replace('.', '/'));
            default -> List.of();
        };
    }

    public static Optional<ProfileField> ofProperty(String property) {
        return Optional.ofNullable(BY_PROPERTY.get(property));
    }

    public static Optional<ProfileField> ofPath(String path) {
        return Optional.ofNullable(BY_PATH.get(path));
    }

    /** A field name in words: its label when it is a profile field, else the name as given. */
    public static String words(String propertyOrPath) {
        return ofProperty(propertyOrPath).or(() -> ofPath(propertyOrPath)).map(ProfileField::label).orElse(propertyOrPath);
    }
}
