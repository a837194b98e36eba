package io.stackadvisor.evaluation;

import io.stackadvisor.engine.facts.Side;
import io.stackadvisor.evaluation.EvaluationView.Architecture;
import io.stackadvisor.evaluation.EvaluationView.Component;
import io.stackadvisor.knowledge.Claim;
import io.stackadvisor.knowledge.ClaimCatalogue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Describes the hybrid system HYB-02 recommends: which runtime owns which part. The parts are the
 * active anchors of each side; their wording, the frameworks (FW-01/FW-02) and the ways to connect
 * the two (HYB-02/HYB-04) come from the claim catalogue.
 */
final class ArchitectureAssembler {

    Architecture assemble(DecisionReading reading, ClaimCatalogue catalogue) {
        if (!reading.advice().contains("HYB-02")) {
            return null;
        }
        Component gateway = component("api-gateway", Side.NODEJS, "API gateway and user-facing services",
                "FW-01", reading, catalogue);
        Component services = component("ml-services", Side.PYTHON, "ML, data and compute services behind the gateway",
                "FW-02", reading, catalogue);
        Set<String> communication = new LinkedHashSet<>();
        for (String advice : reading.advice()) {
            catalogue.claim(advice).map(Claim::communication).ifPresent(communication::addAll);
        }
        return new Architecture(List.of(gateway, services), List.copyOf(communication));
    }

    private static Component component(String role, Side side, String baseResponsibility, String frameworksClaim,
                                       DecisionReading reading, ClaimCatalogue catalogue) {
        Set<String> responsibilities = new LinkedHashSet<>();
        responsibilities.add(baseResponsibility);
        for (String anchor : reading.anchors(side)) {
            catalogue.claim(anchor).map(Claim::responsibility).ifPresent(responsibilities::add);
        }
        List<String> frameworks = catalogue.claim(frameworksClaim).map(Claim::frameworks).orElse(List.of());
        return new Component(role, side.name(), new ArrayList<>(responsibilities), frameworks);
    }
}
