package io.stackadvisor.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * A stable position in the newest-first order: the (evaluatedAt, id) of the last row seen. New
 * evaluations arriving meanwhile never shift a page, unlike an offset.
 */
public record Cursor(Instant evaluatedAt, UUID id) {

    /** The position just after a row. */
    public static Cursor after(EvaluationSummary row) {
        return new Cursor(row.evaluatedAt(), row.id());
    }

    public String encode() {
        String raw = evaluatedAt.toEpochMilli() + "_" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Null for a string that is not a cursor this service issued. */
    public static Cursor decode(String token) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int sep = raw.indexOf('_');
            return new Cursor(Instant.ofEpochMilli(Long.parseLong(raw.substring(0, sep))), UUID.fromString(raw.substring(sep + 1)));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
