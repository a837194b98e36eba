package io.stackadvisor.ui;

import io.stackadvisor.evaluation.EvaluationView;
import java.util.List;

/** One evaluation told as a story for a product manager (the trace page). */
public record EvaluationStory(String id, String title, String evaluatedAt, String rulesetVersion, String verdict,
                              String confidence, int nodejs, int python, String summary,
                              EvaluationView.Architecture architecture, List<FlagStory> flags,
                              List<EvaluationView.AdviceView> advice, List<Step> steps, List<Row> profile) {

    public record FlagStory(String code, String title, String explanation) {
    }

    public record Step(int step, String phase, String rule, String claim, String statement, String side,
                       List<String> because, String effect, List<Quote> quotes) {
    }

    public record Quote(String quote, String article) {
    }

    public record Row(String field, String value) {
    }
}
