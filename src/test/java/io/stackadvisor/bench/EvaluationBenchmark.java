package io.stackadvisor.bench;

import io.stackadvisor.testing.RealRules;
import io.stackadvisor.engine.DecisionEngine;
import io.stackadvisor.engine.EngineResult;
import io.stackadvisor.engine.Ruleset;
import io.stackadvisor.engine.RulesetCompiler;
import io.stackadvisor.engine.TraceStep;
import io.stackadvisor.engine.facts.Profile;
import io.stackadvisor.profile.ProfileReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * In-process cost of one evaluation with the full ruleset: a new session, all phases, results read
 * back, with and without the trace. {@code baseline} parses and validates the same profile only, so
 * the rule engine's cost can be read as a ratio to work every request does anyway.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class EvaluationBenchmark {
    static final Map<String, String> PROFILES = Map.of(
            "chat", "{\"workloads\":[\"realtime-messaging\"],\"expectedConcurrentConnections\":20000,"
                    + "\"team\":{\"javascript\":\"strong\",\"python\":\"basic\",\"seniority\":\"mixed\"},"
                    + "\"frontend\":{\"language\":\"typescript\",\"type\":\"spa\"}}",
            "hybrid", "{\"workloads\":[\"rest-api\",\"recommendations\",\"ml-inference\",\"cms-enterprise\"],"
                    + "\"domain\":\"ecommerce\",\"architectureStyle\":\"microservices\",\"expectedConcurrentConnections\":8000,"
                    + "\"frontend\":{\"language\":\"typescript\",\"type\":\"ssr\"}}",
            "empty", "{}");

    @Param({"chat", "hybrid", "empty"})
    String profile;

    /** pooled: the service's session pool; fresh: a new session per evaluation, the baseline it replaced. */
    @Param({"pooled", "fresh"})
    String sessions;

    Ruleset ruleset;
    Profile fact;
    byte[] body;
    final DecisionEngine engine = new DecisionEngine();
    final ProfileReader reader = RealRules.READER;
    final io.stackadvisor.explain.ExplanationService explanations = new io.stackadvisor.explain.ExplanationService(RealRules.READER);
    com.fasterxml.jackson.databind.JsonNode json;

    @Setup
    public void setUp() throws Exception {
        ruleset = RealRules.compiler().compile(Path.of("rules"));
        if (sessions.equals("fresh")) ruleset = io.stackadvisor.testing.NewSessionPerEvaluation.of(ruleset);
        body = PROFILES.get(profile).getBytes(StandardCharsets.UTF_8);
        fact = new Profile(reader.read(body).profile());
        json = reader.read(body).json();
    }

    /** Every step's matched values and effect are built (the trace builds them when first asked for). */
    @Benchmark
    public EngineResult evaluateWithTrace() {
        EngineResult result = engine.evaluate(ruleset, fact, true);
        fullTrace(result);
        return result;
    }

    static int fullTrace(EngineResult result) {
        int size = 0;
        for (TraceStep step : result.trace()) {
            size += step.matched().size() + (step.effect() == null ? 0 : step.effect().size());
        }
        return size;
    }

    @Benchmark
    public EngineResult evaluateWithoutTrace() {
        return engine.evaluate(ruleset, fact, false);
    }

    /** The what-would-change search (singles, then bounded pairs) and why-not for one profile. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public Object explainWhatWouldChange() {
        return explanations.explain(ruleset, json);
    }

    @Benchmark
    public Object baselineValidateProfile() {
        return reader.read(body);
    }
}
