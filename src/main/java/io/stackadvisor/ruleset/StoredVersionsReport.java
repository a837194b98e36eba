package io.stackadvisor.ruleset;

import io.stackadvisor.db.StoredRulesets;
import io.stackadvisor.engine.RuleDescriptor;
import io.stackadvisor.engine.RulesFiles;
import io.stackadvisor.engine.RulesetException;
import io.stackadvisor.engine.RulesetTexts;
import io.stackadvisor.knowledge.Claim;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Stored ruleset versions as people and clients see them: status, gate report, rules, and what changed between two. */
@ApplicationScoped
public class StoredVersionsReport {
    private final RulesetVersions versions;

    public StoredVersionsReport(RulesetVersions versions) {
        this.versions = versions;
    }

    @Schema(name = "RulesetVersionStatus", description = "live: what every instance serves; previous: live before, "
            + "can be promoted again (rollback); candidate: stored (passed its gate), never live")
    public enum Status { live, previous, candidate }

    @Schema(name = "GateReport", description = "What the version passed when it was stored",
            requiredProperties = {"passedAt", "rules", "scenariosPassed", "trigger"})
    public record GateReportView(Instant passedAt, int rules,
                                 @Schema(description = "Scenarios that passed; -1 when the gate ran when the application was packaged")
                                 int scenariosPassed,
                                 @Schema(description = "What stored it: api, startup, watch, upload, build") String trigger) {
    }

    @Schema(name = "StoredRulesetVersion", requiredProperties = {"version", "storedAt", "status", "gateReport"})
    public record VersionView(@Schema(ref = "RulesetVersion") String version, Instant storedAt, Status status,
                              GateReportView gateReport) {
    }

    @Schema(name = "StoredRule", requiredProperties = {"name", "claim", "phase", "file", "line"})
    public record RuleView(@Schema(description = "The DRL rule name") String name,
                           @Schema(nullable = true, description = "The claim it encodes; null for mechanics") String claim,
                           @Schema(ref = "Phase") String phase, String file, int line) {
    }

    @Schema(name = "StoredRulesetVersionDetail", requiredProperties = {"version", "storedAt", "status", "gateReport", "files", "rules"})
    public record DetailView(@Schema(ref = "RulesetVersion") String version, Instant storedAt, Status status,
                             GateReportView gateReport, List<String> files, List<RuleView> rules) {
    }

    @Schema(name = "RuleText", requiredProperties = {"name", "claim", "phase", "file", "line", "drl"})
    public record RuleText(String name, @Schema(nullable = true) String claim, @Schema(ref = "Phase") String phase,
                           String file, int line, @Schema(description = "The rule as written, from 'rule' to 'end'") String drl) {
    }

    @Schema(name = "RuleChange", requiredProperties = {"name", "from", "to"})
    public record RuleChange(String name, RuleText from, RuleText to) {
    }

    @Schema(name = "ClaimText", requiredProperties = {"id", "statement", "strength", "weight"})
    public record ClaimText(String id, String statement, @Schema(nullable = true) String favours, String strength, int weight) {
    }

    @Schema(name = "ClaimChange", requiredProperties = {"id", "from", "to"})
    public record ClaimChange(String id, ClaimText from, ClaimText to) {
    }

    @Schema(name = "RuleChanges", requiredProperties = {"added", "removed", "changed"})
    public record RuleChanges(List<RuleText> added, List<RuleText> removed, List<RuleChange> changed) {
    }

    @Schema(name = "ClaimChanges", requiredProperties = {"added", "removed", "changed"})
    public record ClaimChanges(List<ClaimText> added, List<ClaimText> removed, List<ClaimChange> changed) {
    }

    @Schema(name = "RulesetDiff", description = "What changes going from one version to the other",
            requiredProperties = {"from", "to", "rules", "claims"})
    public record DiffView(@Schema(ref = "RulesetVersion") String from, @Schema(ref = "RulesetVersion") String to,
                           RuleChanges rules, ClaimChanges claims) {
    }

    /** Every stored version, newest first. */
    public List<VersionView> list() {
        String live = versions.live().orElse(null);
        return versions.list().stream().map(v -> view(v, live)).toList();
    }

    public VersionView one(String version) {
        String live = versions.live().orElse(null);
        return versions.list().stream().filter(v -> v.version().equals(version)).findFirst().map(v -> view(v, live))
                .orElseThrow(() -> RulesetVersionId.notFound("path.version", version));
    }

    public DetailView detail(String version) {
        VersionView v = one(version);
        RulesetTexts texts = versions.texts(version);
        List<RuleView> rules = texts.rules().values().stream()
                .map(r -> new RuleView(r.name(), r.encodesClaim() ? r.claim() : null, r.phase().group(), r.file(), r.line()))
                .toList();
        return new DetailView(v.version(), v.storedAt(), v.status(), v.gateReport(), List.copyOf(files(version).files().keySet()),
                rules);
    }

    public DiffView diff(String from, String to) {
        if (!versions.stored(from)) throw RulesetVersionId.notFound("path.a", from);
        if (!versions.stored(to)) throw RulesetVersionId.notFound("path.b", to);
        RulesetTexts a = versions.texts(from);
        RulesetTexts b = versions.texts(to);
        RulesFiles aFiles = files(from);
        RulesFiles bFiles = files(to);
        Map<String, RuleText> before = new TreeMap<>();
        a.rules().values().forEach(r -> before.put(r.name(), text(r, aFiles)));
        Map<String, RuleText> after = new TreeMap<>();
        b.rules().values().forEach(r -> after.put(r.name(), text(r, bFiles)));
        List<RuleText> added = new ArrayList<>();
        List<RuleText> removed = new ArrayList<>();
        List<RuleChange> changed = new ArrayList<>();
        after.forEach((name, rule) -> {
            RuleText old = before.get(name);
            if (old == null) added.add(rule);
            else if (!old.drl().equals(rule.drl()) || !old.file().equals(rule.file())) changed.add(new RuleChange(name, old, rule));
        });
        before.forEach((name, rule) -> {
            if (!after.containsKey(name)) removed.add(rule);
        });
        Map<String, Claim> claimsBefore = new TreeMap<>();
        a.catalogue().claims().forEach(c -> claimsBefore.put(c.id(), c));
        Map<String, Claim> claimsAfter = new TreeMap<>();
        b.catalogue().claims().forEach(c -> claimsAfter.put(c.id(), c));
        List<ClaimText> claimsAdded = new ArrayList<>();
        List<ClaimText> claimsRemoved = new ArrayList<>();
        List<ClaimChange> claimsChanged = new ArrayList<>();
        claimsAfter.forEach((id, claim) -> {
            Claim old = claimsBefore.get(id);
            if (old == null) claimsAdded.add(text(claim));
            else if (!Objects.equals(old, claim)) claimsChanged.add(new ClaimChange(id, text(old), text(claim)));
        });
        claimsBefore.forEach((id, claim) -> {
            if (!claimsAfter.containsKey(id)) claimsRemoved.add(text(claim));
        });
        return new DiffView(from, to, new RuleChanges(added, removed, changed),
                new ClaimChanges(claimsAdded, claimsRemoved, claimsChanged));
    }

    private VersionView view(StoredRulesets.Listed v, String live) {
        Status status = v.version().equals(live) ? Status.live : v.everPromoted() ? Status.previous : Status.candidate;
        RulesetVersions.GateReport r = versions.report(v.gateReport());
        return new VersionView(v.version(), v.storedAt(), status,
                new GateReportView(r.passedAt(), r.rules(), r.scenariosPassed(), r.trigger()));
    }

    private RulesFiles files(String version) {
        try {
            return versions.files(version);
        } catch (RulesetException e) {
            throw new IllegalStateException("stored ruleset " + version + " does not read: " + e.getMessage(), e);
        }
    }

    private static ClaimText text(Claim c) {
        return new ClaimText(c.id(), c.statement(), c.favours(), c.strength(), c.weight());
    }

    /** The rule as written: from its declaration line to the first line that is only "end". */
    static RuleText text(RuleDescriptor rule, RulesFiles files) {
        String source = files.text(rule.file());
        StringBuilder drl = new StringBuilder();
        if (source != null) {
            List<String> lines = source.lines().toList();
            for (int i = Math.max(0, rule.line() - 1); i < lines.size(); i++) {
                drl.append(lines.get(i)).append('\n');
                if (lines.get(i).strip().equals("end")) break;
            }
        }
        return new RuleText(rule.name(), rule.encodesClaim() ? rule.claim() : null, rule.phase().group(), rule.file(), rule.line(),
                drl.toString());
    }
}
