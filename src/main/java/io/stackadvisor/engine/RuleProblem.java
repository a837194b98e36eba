package io.stackadvisor.engine;

/** A problem found while loading rules, with the file and line a knowledge engineer should open. */
public record RuleProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
