package io.stackadvisor.profile;

import com.fasterxml.jackson.databind.JsonNode;

/** A profile that passed validation: the JSON exactly as received, and its typed form. */
public record ValidatedProfile(JsonNode json, ProjectProfile profile) {
}
