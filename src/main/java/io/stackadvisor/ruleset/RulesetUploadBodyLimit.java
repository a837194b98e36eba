package io.stackadvisor.ruleset;

import io.quarkus.runtime.configuration.MemorySize;
import io.stackadvisor.problem.BodyLimit;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** An uploaded rules folder (about 170 KB zipped today) may be larger than an evaluation's 64 KB. */
public class RulesetUploadBodyLimit {
    @Produces
    @Singleton
    BodyLimit rulesetUploadBodyLimit(@ConfigProperty(name = "stack-advisor.rules.upload-max-bytes", defaultValue = "16M") MemorySize max) {
        return new BodyLimit("/api/v1/rulesets", max.asLongValue());
    }
}
