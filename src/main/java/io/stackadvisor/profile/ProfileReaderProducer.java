package io.stackadvisor.profile;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** One profile reader for the service, on Quarkus's ObjectMapper. */
public class ProfileReaderProducer {
    @Produces
    @Singleton
    ProfileReader profileReader(ObjectMapper json) {
        return new ProfileReader(json);
    }
}
