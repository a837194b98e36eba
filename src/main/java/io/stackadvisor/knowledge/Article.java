package io.stackadvisor.knowledge;

/** A source article the claims quote. */
public record Article(String key, String document, String title, String publisher, String date) {
}
