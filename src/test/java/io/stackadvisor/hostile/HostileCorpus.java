package io.stackadvisor.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A generated corpus of malformed and abusive requests to POST /api/v1/evaluations: every one must
 * be answered with a clear 4xx problem, never a 5xx.
 */
final class HostileCorpus {
    record Request(String label, String contentType, byte[] body) {
        @Override
        public String toString() {
            return label;
        }
    }

    static final String VALID = "{\"name\": \"checkout\", \"workloads\": [\"rest-api\", \"recommendations\"], "
            + "\"expectedConcurrentConnections\": 8000, \"latencyTargetMs\": 40, \"memoryBudgetMb\": 4096, "
            + "\"instanceMemoryMb\": 512, \"team\": {\"javascript\": \"strong\", \"python\": \"basic\", \"seniority\": \"mixed\"}, "
            + "\"frontend\": {\"language\": \"typescript\", \"type\": \"ssr\"}, \"singleLanguageStack\": true, "
            + "\"mobileClients\": false, \"projectStage\": \"mvp\", \"timelineWeeks\": 10, \"organizationType\": \"startup\", "
            + "\"domain\": \"ecommerce\", \"architectureStyle\": \"microservices\", \"deploymentTargets\": [\"containers\"], "
            + "\"priorities\": [\"performance\"]}";

    /** Field → a JSON value of the right type, to know which wrong types to send. */
    static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("name", "\"x\""), Map.entry("workloads", "[]"), Map.entry("expectedConcurrentConnections", "1"),
            Map.entry("latencyTargetMs", "1.5"), Map.entry("memoryBudgetMb", "1"), Map.entry("instanceMemoryMb", "1"),
            Map.entry("team", "{}"), Map.entry("frontend", "{}"), Map.entry("singleLanguageStack", "true"),
            Map.entry("mobileClients", "true"), Map.entry("projectStage", "\"mvp\""), Map.entry("timelineWeeks", "1"),
            Map.entry("organizationType", "\"smb\""), Map.entry("domain", "\"saas\""), Map.entry("architectureStyle", "\"monolith\""),
            Map.entry("deploymentTargets", "[]"), Map.entry("priorities", "[]"));

    private HostileCorpus() {
    }

    static List<Request> all() {
        List<Request> corpus = new ArrayList<>();
        String json = "application/json";
        for (int cut = 1; cut < VALID.length() - 1; cut += 5) {
            corpus.add(new Request("truncated after " + cut + " chars", json, bytes(VALID.substring(0, cut))));
        }
        List<String> wrong = List.of("\"text\"", "12", "-3", "1.5", "true", "null", "[]", "[1]", "{}", "{\"a\": 1}");
        FIELDS.forEach((field, right) -> {
            for (String value : wrong) {
                if (valid(field, right, value)) continue;
                corpus.add(new Request("wrong type " + field + "=" + value, json, bytes("{\"" + field + "\": " + value + "}")));
            }
        });
        for (String number : List.of("1e309", "-1e309", "99999999999999999999999999999999", "1e400", "0.0000000001e-400",
                "-1", "2147483648", "9223372036854775808", "1" + "0".repeat(99), "1" + "0".repeat(500), "NaN", "Infinity", "0x10", "01")) {
            corpus.add(new Request("number " + abbreviate(number), json, bytes("{\"expectedConcurrentConnections\": " + number + "}")));
        }
        for (int depth : List.of(20, 100, 1000, 10000, 100000)) {
            corpus.add(new Request("array nesting " + depth, json, bytes("{\"workloads\": " + "[".repeat(depth) + "]".repeat(depth) + "}")));
            corpus.add(new Request("object nesting " + depth, json, bytes("{\"team\": " + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}")));
        }
        for (int size : List.of(70_000, 200_000, 1_000_000)) {
            corpus.add(new Request("oversized body " + size, json, bytes("{\"name\": \"" + "x".repeat(size) + "\"}")));
        }
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "application/octet-stream", "image/png", "text/html")) {
            corpus.add(new Request("content type " + type, type, bytes(VALID)));
        }
        byte[][] invalidUtf8 = {{(byte) 0xC3, 0x28}, {(byte) 0xA0, (byte) 0xA1}, {(byte) 0xE2, 0x28, (byte) 0xA1},
                {(byte) 0xF0, 0x28, (byte) 0x8C, (byte) 0xBC}, {(byte) 0xFF}, {(byte) 0xFE, (byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF},
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80}};
        for (int i = 0; i < invalidUtf8.length; i++) {
            byte[] prefix = bytes("{\"name\": \"");
            byte[] suffix = bytes("\"}");
            byte[] body = new byte[prefix.length + invalidUtf8[i].length + suffix.length];
            System.arraycopy(prefix, 0, body, 0, prefix.length);
            System.arraycopy(invalidUtf8[i], 0, body, prefix.length, invalidUtf8[i].length);
            System.arraycopy(suffix, 0, body, prefix.length + invalidUtf8[i].length, suffix.length);
            corpus.add(new Request("invalid UTF-8 #" + i, json, body));
        }
        for (String field : List.of("workload", "Workloads", "work_loads", "connections", "latency", "team_skills", "lang",
                "expectedconcurrentconnections", "__proto__", "constructor", "$where", "", " ", "name ", "\\u0000")) {
            corpus.add(new Request("unknown field '" + field + "'", json, bytes("{\"" + field + "\": 1}")));
        }
        corpus.add(new Request("unknown nested team field", json, bytes("{\"team\": {\"go\": \"strong\"}}")));
        corpus.add(new Request("unknown nested frontend field", json, bytes("{\"frontend\": {\"framework\": \"react\"}}")));
        for (int length : List.of(201, 10_000, 60_000)) {
            corpus.add(new Request("name of " + length + " chars", json, bytes("{\"name\": \"" + "n".repeat(length) + "\"}")));
            corpus.add(new Request("enum value of " + length + " chars", json, bytes("{\"domain\": \"" + "d".repeat(length) + "\"}")));
        }
        for (int items : List.of(27, 1000, 10000)) {
            corpus.add(new Request(items + " workload items", json, bytes("{\"workloads\": [" + "\"rest-api\",".repeat(items - 1) + "\"rest-api\"]}")));
        }
        corpus.add(new Request("duplicate list entries", json, bytes("{\"priorities\": [\"security\", \"security\"]}")));
        corpus.add(new Request("duplicate keys", json, bytes("{\"domain\": \"saas\", \"domain\": \"saas\"}")));
        for (String body : List.of("", " ", "null", "true", "42", "\"text\"", "[]", "[{}]", "{", "}", "{}}", "{} extra", "{'domain': 'saas'}",
                "{domain: \"saas\"}", "{\"domain\": \"saas\",}", "{\"workloads\": [\"rest-api\",]}", "/* comment */ {}", "\u0000",
                "{\"domain\": \"saas\"}\u0000", "{\"name\": \"a\\u0000b\"}\n\n{}")) {
            corpus.add(new Request("body " + abbreviate(body.isEmpty() ? "<empty>" : body), json, bytes(body)));
        }
        return corpus;
    }

    /** The few of the probe values that are valid for a field (every other one must be refused). */
    private static boolean valid(String field, String right, String value) {
        if (field.equals("name")) return value.equals("\"text\"");
        if (field.equals("latencyTargetMs")) return value.equals("12") || value.equals("1.5");
        if (right.equals("1")) return value.equals("12");
        if (right.equals("true")) return value.equals("true");
        if (right.equals("[]")) return value.equals("[]");
        if (right.equals("{}")) return value.equals("{}");
        return false;
    }

    private static String abbreviate(String text) {
        return text.length() > 24 ? text.substring(0, 21) + "..." : text;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
