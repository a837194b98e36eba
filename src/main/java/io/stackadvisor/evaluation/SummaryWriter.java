package io.stackadvisor.evaluation;

import io.stackadvisor.engine.facts.Flag;
import io.stackadvisor.engine.facts.Side;
import io.stackadvisor.evaluation.DecisionReading.Counted;
import io.stackadvisor.knowledge.Claim;
import io.stackadvisor.knowledge.ClaimCatalogue;
import io.stackadvisor.knowledge.Conflict;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** The plain-language rationale a product manager reads first. */
final class SummaryWriter {
    private static final int REASONS = 3;

    String write(DecisionReading r, ClaimCatalogue catalogue) {
        String confidence = r.confidence();
        StringBuilder text = new StringBuilder();
        switch (r.verdict()) {
            case HYBRID -> text.append("Build a hybrid system (").append(confidence).append(" confidence): ")
                    .append("Node.js for ").append(anchors(r, Side.NODEJS, catalogue))
                    .append("; Python for ").append(anchors(r, Side.PYTHON, catalogue))
                    .append(". Scores: Node.js ").append(r.nodeScore()).append(", Python ").append(r.pythonScore()).append('.');
            case NODEJS, PYTHON -> {
                Side winner = Side.valueOf(r.verdict().name());
                text.append(name(winner)).append(" (").append(confidence).append(" confidence), ")
                        .append(r.score(winner)).append(" to ").append(r.score(winner.opposite()));
                if (r.flags().contains(Flag.TIE_BROKEN_BY_TEAM)) {
                    text.append(": the scores tied and the team's strong stack decided");
                }
                text.append(". Strongest reasons: ").append(reasons(r, winner, catalogue)).append('.');
                String against = reasons(r, winner.opposite(), catalogue);
                if (!against.isEmpty()) text.append(" For ").append(name(winner.opposite())).append(": ").append(against).append('.');
            }
            case UNDETERMINED -> {
                text.append("No recommendation: ");
                if (r.nodeScore() == 0 && r.pythonScore() == 0) {
                    text.append("nothing in the profile favours Node.js or Python.");
                } else {
                    text.append("Node.js and Python tie at ").append(r.nodeScore())
                            .append(" and the team is not strong in exactly one of them.");
                }
                if (r.holds("GEN-02")) {
                    text.append(" Tell us what the backend must do (workloads), the expected concurrent connections and the team's skills.");
                }
            }
        }
        List<String> disagreements = r.flags().stream().map(catalogue::conflict)
                .flatMap(Optional::stream).map(Conflict::disagreement).toList();
        if (!disagreements.isEmpty()) {
            text.append(" Be aware: ").append(disagreements.get(0));
            if (disagreements.size() > 1) {
                text.append(" The articles disagree on ").append(disagreements.size() - 1).append(" more point(s) that apply here.");
            }
        }
        if (r.flags().contains(Flag.OUT_OF_SEED_SCOPE)) {
            text.append(" A sub-millisecond target is beyond what the source articles cover: verify with a benchmark.");
        }
        return text.toString();
    }

    private static String anchors(DecisionReading r, Side side, ClaimCatalogue catalogue) {
        return r.anchors(side).stream()
                .map(id -> catalogue.claim(id).map(Claim::responsibility).orElse(null))
                .filter(Objects::nonNull)
                .distinct().collect(Collectors.joining(", "));
    }

    private static String reasons(DecisionReading r, Side side, ClaimCatalogue catalogue) {
        return r.counted().stream().filter(c -> c.side() == side)
                .sorted(Comparator.comparingInt(Counted::points).reversed().thenComparing(Counted::claim))
                .limit(REASONS)
                .map(c -> catalogue.claim(c.claim()).map(Claim::statement).orElse(c.claim()) + " (" + c.claim() + ")")
                .collect(Collectors.joining("; "));
    }

    private static String name(Side side) {
        return side == Side.NODEJS ? "Node.js" : "Python";
    }
}
