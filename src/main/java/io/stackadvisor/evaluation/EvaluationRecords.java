package io.stackadvisor.evaluation;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import io.stackadvisor.audit.EvaluationRecord;
import io.stackadvisor.engine.EngineResult;
import io.stackadvisor.engine.Ruleset;
import io.stackadvisor.engine.TraceStep;
import io.stackadvisor.engine.facts.Advice;
import io.stackadvisor.engine.facts.Flag;
import io.stackadvisor.profile.ValidatedProfile;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The audit record of one evaluation: what the engine decided, in the terms the audit log keeps. */
final class EvaluationRecords {
    /**
     * Version 7 ids (RFC 9562: a millisecond timestamp, then 74 random bits) sort by creation time, so each
     * commit adds to the last pages of the id indexes instead of rewriting random ones.
     */
    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();

    private EvaluationRecords() {
    }

    static UUID newId() {
        return IDS.generate();
    }

    /** A new record, with a new id and without a digest (the document is rendered from the record). */
    static EvaluationRecord of(Instant evaluatedAt, Ruleset ruleset, ValidatedProfile profile, EngineResult result,
                               boolean explained) {
        return new EvaluationRecord(newId(), evaluatedAt, ruleset.version(), result.verdict().name(),
                result.confidence().name().toLowerCase(), result.nodeScore(), result.pythonScore(), profile.profile().name(),
                profile.json().toString(), steps(result), flags(result), advice(result), explained, claimsFired(result), null);
    }

    private static List<EvaluationRecord.Step> steps(EngineResult result) {
        return result.trace().stream()
                .map(step -> new EvaluationRecord.Step(step.rule().name(), step.matched(), step.effect())).toList();
    }

    private static List<String> flags(EngineResult result) {
        return result.flags().stream().map(Flag::code).distinct().toList();
    }

    private static List<String> advice(EngineResult result) {
        return result.advice().stream().map(Advice::claim).toList();
    }

    private static Set<String> claimsFired(EngineResult result) {
        Set<String> claims = new LinkedHashSet<>();
        for (TraceStep step : result.trace()) {
            if (step.rule().encodesClaim()) claims.add(step.rule().claim());
        }
        return claims;
    }

    static EvaluationRecord withDigest(EvaluationRecord r, byte[] digest) {
        return new EvaluationRecord(r.id(), r.evaluatedAt(), r.rulesetVersion(), r.verdict(), r.confidence(), r.nodeScore(),
                r.pythonScore(), r.profileName(), r.profile(), r.steps(), r.flags(), r.advice(), r.explained(),
                r.claimsFired(), digest);
    }

    static byte[] sha256(byte[] document) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(document);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
