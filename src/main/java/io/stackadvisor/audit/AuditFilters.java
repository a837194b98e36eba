package io.stackadvisor.audit;

import jakarta.ws.rs.QueryParam;

/** The audit-log filters shared by search, export, impact and the audit-log page (all optional). */
@io.quarkus.qute.TemplateData
public class AuditFilters {
    @QueryParam("verdict")
    public String verdict;
    @QueryParam("claim")
    public String claim;
    @QueryParam("rulesetVersion")
    public String rulesetVersion;
    @QueryParam("from")
    public String from;
    @QueryParam("to")
    public String to;
    @QueryParam("name")
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
