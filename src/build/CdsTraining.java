import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes the JVM's class-data archive of the packaged service (AppCDS, {@code target/quarkus-app/app-cds.jsa})
 * from one real run: the service starts on an embedded H2 database in a scratch folder, answers what a first
 * caller asks (evaluations, a record read back, the audit search, the manager's pages), and stops cleanly,
 * which is when the JVM writes every class it loaded, lambdas included, into the archive. A later
 * {@code java -XX:SharedArchiveFile=target/quarkus-app/app-cds.jsa -jar target/quarkus-app/quarkus-run.jar}
 * maps them instead of loading, verifying and spinning them again.
 *
 * <p>Run by the build ({@code package}) with the {@code java} that runs the service: an archive only serves
 * the JVM build and the jars it was written with; another JVM logs one line about it and starts without it.
 * Usage: {@code java src/build/CdsTraining.java <repository root>}.
 */
public class CdsTraining {
    private static final String JAR = "target/quarkus-app/quarkus-run.jar";
    private static final String ARCHIVE = "target/quarkus-app/app-cds.jsa";
    /** The training run's own folder: its database and its log. */
    private static final String SCRATCH = "target/cds-training";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    /** Profiles that reach each verdict (Node.js, Python, hybrid, undetermined). */
    private static final List<String> PROFILES = List.of(
            "{\"name\":\"training\",\"workloads\":[\"realtime-messaging\"],\"expectedConcurrentConnections\":20000,\"team\":{\"javascript\":\"strong\"}}",
            "{\"workloads\":[\"data-pipeline\",\"ml-training\"],\"team\":{\"python\":\"strong\"},\"domain\":\"ai-ml-product\"}",
            "{\"workloads\":[\"rest-api\",\"recommendations\",\"ml-inference\"],\"domain\":\"ecommerce\",\"expectedConcurrentConnections\":8000}",
            "{}");

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path scratch = root.resolve(SCRATCH);
        deleteTree(scratch);
        Files.createDirectories(scratch);
        Files.deleteIfExists(root.resolve(ARCHIVE));
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        // The jar is named exactly as the README's start command names it: the JVM checks the class path.
        Process service = new ProcessBuilder(java, "-XX:ArchiveClassesAtExit=" + ARCHIVE, "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.datasource.\"h2\".jdbc.url=jdbc:h2:file:./" + SCRATCH + "/data;"
                        + "DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0", "-jar", JAR)
                .directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(scratch.resolve("service.log").toFile()).start();
        try {
            awaitReady(service, port);
            train(port);
        } finally {
            service.destroy(); // SIGTERM: a clean stop, at which the JVM writes the archive
            if (!service.waitFor(120, TimeUnit.SECONDS)) service.destroyForcibly();
        }
        Path archive = root.resolve(ARCHIVE);
        // 143: stopped by the SIGTERM above, after the shutdown hooks ran (the archive is written in one of them)
        if ((service.exitValue() != 0 && service.exitValue() != 143) || !Files.isRegularFile(archive)) {
            throw new IllegalStateException("no class-data archive was written; see " + scratch.resolve("service.log"));
        }
        System.out.printf("Class-data archive %s: %d MB, from a run of the packaged service%n", ARCHIVE, Files.size(archive) >> 20);
    }

    /** The requests of a first caller and a first reader, a few times each so their paths are all loaded. */
    private static void train(int port) throws IOException, InterruptedException {
        String id = null;
        for (int round = 0; round < 5; round++) {
            for (String profile : PROFILES) {
                HttpResponse<String> full = send(post(port, profile), 201);
                Matcher matcher = ID.matcher(full.body());
                if (matcher.find()) id = matcher.group(1);
                send(post(port, profile).header("Prefer", "return=minimal"), 201);
            }
        }
        for (String path : List.of("/api/v1/evaluations/" + id, "/api/v1/evaluations?claim=RT-01&limit=5", "/ui/evaluations",
                "/ui/evaluations/" + id, "/ui/rules", "/ui/dashboard", "/q/health/ready")) {
            send(HttpRequest.newBuilder(uri(port, path)).GET(), 200);
        }
    }

    private static HttpRequest.Builder post(int port, String body) {
        return HttpRequest.newBuilder(uri(port, "/api/v1/evaluations")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, int expected) throws IOException, InterruptedException {
        HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> answer = HTTP.send(built, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != expected) {
            throw new IllegalStateException(built.method() + " " + built.uri() + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer;
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static void awaitReady(Process service, int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) throw new IllegalStateException("the service exited during its training run");
            try {
                HttpRequest ready = HttpRequest.newBuilder(uri(port, "/q/health/ready")).timeout(Duration.ofSeconds(5)).GET().build();
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return;
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the service did not become ready for its training run");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) return;
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(path);
        }
    }
}
