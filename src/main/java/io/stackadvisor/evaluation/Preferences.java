package io.stackadvisor.evaluation;

import java.util.Locale;

/** The Prefer request header (RFC 7240): only return=minimal changes an answer here. */
final class Preferences {
    private Preferences() {
    }

    /** True when any Prefer header value asks for return=minimal (tokens are case-insensitive). */
    static boolean returnMinimal(String prefer) {
        if (prefer == null) return false;
        for (String preference : prefer.split(",")) {
            String token = preference.split(";")[0].strip().toLowerCase(Locale.ROOT).replace(" ", "");
            if (token.equals("return=minimal") || token.equals("return=\"minimal\"")) return true;
        }
        return false;
    }
}
