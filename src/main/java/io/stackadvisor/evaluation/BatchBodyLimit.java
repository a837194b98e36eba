package io.stackadvisor.evaluation;

import io.quarkus.runtime.configuration.MemorySize;
import io.stackadvisor.problem.BodyLimit;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** A batch body may be larger than the single evaluation's 64 KB: stack-advisor.batch.max-bytes. */
public class BatchBodyLimit {
    @Produces
    @Singleton
    BodyLimit batchBodyLimit(@ConfigProperty(name = "stack-advisor.batch.max-bytes", defaultValue = "16M") MemorySize max) {
        return new BodyLimit(BatchEvaluationResource.PATH, max.asLongValue());
    }
}
