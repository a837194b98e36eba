package io.stackadvisor.audit;

import jakarta.ws.rs.QueryParam;

/** The audit-log filters shared by search, export and impact (all optional). */
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
}
