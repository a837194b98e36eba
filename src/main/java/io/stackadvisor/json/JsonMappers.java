package io.stackadvisor.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON configuration. Inside the service it is applied to Quarkus's ObjectMapper (see
 * {@link QuarkusMapperCustomizer}); where Quarkus does not run (the rules check, benchmarks) a mapper
 * with Quarkus's defaults plus the same settings is built here.
 */
public final class JsonMappers {
    private static final ObjectMapper STANDALONE = configure(new ObjectMapper()
            .registerModule(new Jdk8Module())
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS));

    private JsonMappers() {
    }

    /** This service's settings on top of whatever the mapper had (Quarkus's defaults inside the service). */
    public static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /** For code running outside Quarkus only; inside the service, inject Quarkus's ObjectMapper. */
    public static ObjectMapper standalone() {
        return STANDALONE;
    }
}
