package io.stackadvisor.audit;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.ws.rs.QueryParam;

/** The audit-log filters shared by search, export, impact and the audit-log page (all optional). */
@io.quarkus.qute.TemplateData
public class AuditFilters {
    @QueryParam("verdict")
    @Parameter(description = "Only this verdict", schema = @Schema(ref = "Verdict"))
    public String verdict;
    @QueryParam("claim")
    @Parameter(description = "Only evaluations in which this claim fired", schema = @Schema(type = SchemaType.STRING,
            pattern = "^[A-Z]{2,5}-[0-9]{2}$", example = "RT-01"))
    public String claim;
    @QueryParam("rulesetVersion")
    @Parameter(description = "Only evaluations decided by this ruleset version", schema = @Schema(ref = "RulesetVersion"))
    public String rulesetVersion;
    @QueryParam("from")
    @Parameter(description = "Evaluated at or after (ISO-8601 UTC)", schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    public String from;
    @QueryParam("to")
    @Parameter(description = "Evaluated before (ISO-8601 UTC, exclusive)", schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    public String to;
    @QueryParam("name")
    @Parameter(description = "Only profiles with exactly this name", schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 200))
    public String name;

    public static AuditFilters of(String verdict, String claim, String rulesetVersion, String from, String to, String name) {
        AuditFilters f = new AuditFilters();
        f.verdict = verdict;
        f.claim = claim;
        f.rulesetVersion = rulesetVersion;
        f.from = from;
        f.to = to;
        f.name = name;
        return f;
    }

    /** The filters as query parameters ("&verdict=...&claim=..."), for links that keep them. */
    public String query() {
        StringBuilder q = new StringBuilder();
        add(q, "verdict", verdict);
        add(q, "claim", claim);
        add(q, "rulesetVersion", rulesetVersion);
        add(q, "from", from);
        add(q, "to", to);
        add(q, "name", name);
        return q.toString();
    }

    private static void add(StringBuilder q, String key, String value) {
        if (value != null) q.append('&').append(key).append('=').append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
    }
}
