package io.stackadvisor.whatif;

import io.stackadvisor.audit.EvaluationQuery;
import io.stackadvisor.audit.EvaluationStore;
import io.stackadvisor.audit.EvaluationSummary;
import io.stackadvisor.engine.Ruleset;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The question to answer before a rule change goes live: across the recorded evaluations that match
 * a filter, which verdicts would flip, and which claims would start or stop firing.
 */
@ApplicationScoped
public class ImpactService {
    static final int EXAMPLES = 5;

    private final EvaluationStore store;
    private final ReplayService replays;

    public ImpactService(EvaluationStore store, ReplayService replays) {
        this.store = store;
        this.replays = replays;
    }

    public ImpactReport impact(EvaluationQuery query, Ruleset ruleset, String against) {
        Map<String, List<String>> flips = new TreeMap<>();
        Map<String, int[]> claims = new TreeMap<>();
        int evaluated = 0;
        int changed = 0;
        for (EvaluationSummary row : store.all(query)) {
            Replay replay = replays.replay(row.id(), ruleset).orElse(null);
            if (replay == null) continue;
            evaluated++;
            if (replay.verdictChanged()) {
                changed++;
                flips.computeIfAbsent(replay.recorded().verdict() + " " + replay.replayed().verdict(),
                        k -> new ArrayList<>()).add(row.id().toString());
            }
            replay.claimsNowFiring().forEach(c -> claims.computeIfAbsent(c, k -> new int[2])[0]++);
            replay.claimsNoLongerFiring().forEach(c -> claims.computeIfAbsent(c, k -> new int[2])[1]++);
        }
        List<ImpactReport.Flip> flipList = flips.entrySet().stream()
                .map(e -> new ImpactReport.Flip(e.getKey().split(" ")[0], e.getKey().split(" ")[1], e.getValue().size(),
                        e.getValue().stream().limit(EXAMPLES).toList()))
                .sorted(Comparator.comparingInt(ImpactReport.Flip::count).reversed())
                .toList();
        List<ImpactReport.ClaimShift> shifts = claims.entrySet().stream()
                .map(e -> new ImpactReport.ClaimShift(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        return new ImpactReport(against, ruleset.version(), evaluated, changed, evaluated - changed, flipList, shifts);
    }
}
