package io.stackadvisor.knowledge;

/** A verbatim quote and the seed article it comes from. */
public record Source(String document, String quote) {
}
