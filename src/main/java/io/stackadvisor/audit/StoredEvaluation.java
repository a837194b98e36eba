package io.stackadvisor.audit;

/**
 * An evaluation as the audit log holds it: a compact record (everything written since records became
 * compact), or the full document a record written before that change kept, served as it is.
 */
public sealed interface StoredEvaluation {
    /** The compact record; the document is rendered from it and its ruleset version. */
    record Compact(EvaluationRecord record) implements StoredEvaluation {
    }

    /** A document stored whole by an earlier release. */
    record Legacy(String document) implements StoredEvaluation {
    }
}
