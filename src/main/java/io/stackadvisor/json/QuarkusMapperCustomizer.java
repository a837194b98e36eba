package io.stackadvisor.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** Applies {@link JsonMappers#configure} to the ObjectMapper Quarkus builds and injects everywhere. */
@Singleton
public class QuarkusMapperCustomizer implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
        JsonMappers.configure(mapper);
    }
}
