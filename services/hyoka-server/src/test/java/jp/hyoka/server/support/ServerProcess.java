package jp.hyoka.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import jp.hyoka.server.database.LeftoverPostmaster;
import jp.hyoka.server.database.PostmasterPidFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real server ({@code jp.hyoka.server.HyokaServer}) in a JVM of its own, for tests that kill it, restart it or
 * run two of it. It is started as a deployment starts it, through the launcher {@code infra/scripts/server.sh}: the
 * server's jar and {@code target/lib} (both made in the package phase, before failsafe runs), the JVM options of
 * {@code jvm.options} and the class-data archive, which the first start of a test JVM makes (if the build changed
 * the jars) by a training start on a database of its own; with the development issuer on a fixed test secret and no
 * demo data.
 *
 * <pre>{@code
 * ServerProcess.Config config = ServerProcess.embedded(dataDir);    // or external(url, user, password)
 * try (ServerProcess server = config.start()) {                     // returns once HTTP answers
 *     server.onboard("141305", "川崎市");
 *     GraphQlClient editor = server.client(ServerProcess.token("k-editor", "川崎 一郎", "141305", "editor"));
 *     ...
 *     server.kill();                                               // SIGKILL; stop() is SIGTERM
 *     // embedded: server.postmaster() is its PostgreSQL, server.embeddedJdbcUrl() reaches it
 * }
 * try (ServerProcess again = config.start()) { ... }               // same data, a new free port
 * }</pre>
 *
 * Tokens are signed by the test with {@link #SECRET}, which every started server is given as
 * {@code hyoka.dev-issuer.secret}, so they are valid on every node and across restarts. The server's output goes to
 * {@link #log()} under {@code target/server-processes}. A process still alive when the test JVM exits is killed.
 */
public final class ServerProcess implements AutoCloseable {

    /** The development issuer's key of every server started here (base64 of 32 bytes). */
    public static final String SECRET = Base64.getEncoder().encodeToString(sha256("hyoka test dev-issuer secret"));

    /** The module's target directory: where this class was compiled to ({@code target/test-classes}), one up. */
    private static final Path TARGET = target();
    private static final Path MODULE = TARGET.getParent();
    private static final Path LIB = TARGET.resolve("lib");
    /** The launcher a deployment starts the server with (infra/scripts/server.sh). */
    private static final Path LAUNCHER = MODULE.getParent().getParent().resolve("infra/scripts/server.sh");
    private static boolean archiveMade;
    private static final Path LOGS = TARGET.resolve("server-processes");
    private static final AtomicInteger STARTED = new AtomicInteger();
    private static final Set<Process> ALIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ALIVE.forEach(Process::destroyForcibly)));
    }

    private final Process process;
    private final int port;
    private final Path log;
    private final Path dataDir;

    private ServerProcess(Process process, int port, Path log, Path dataDir) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.dataDir = dataDir;
    }

    /** A server on the embedded PostgreSQL with its cluster in {@code dataDir} (kept across restarts). */
    public static Config embedded(Path dataDir) {
        Config config = new Config().property("hyoka.database.embedded.data-dir", dataDir.toAbsolutePath().toString());
        config.dataDir = dataDir.toAbsolutePath();
        return config;
    }

    /** A server on an external PostgreSQL, e.g. {@code TestDatabase.newDatabase()}. */
    public static Config external(String jdbcUrl, String user, String password) {
        return new Config().property("hyoka.database.url", jdbcUrl)
                .property("hyoka.database.username", user)
                .property("hyoka.database.password", password);
    }

    /** How to start a server; {@link #start()} may be called again for a restart or a second node. */
    public static final class Config {
        private final Map<String, String> properties = new LinkedHashMap<>();
        /** Besides jvm.options, which the launcher gives every start. */
        private final List<String> jvmOptions = new ArrayList<>(List.of("-Ddisable-axoniq-console-message=true"));
        private int port;
        private String name = "server";
        private Duration startTimeout = Duration.ofSeconds(90);
        private Path dataDir;

        private Config() {
            property("hyoka.dev-issuer.enabled", "true");
            property("hyoka.dev-issuer.secret", SECRET);
            property("hyoka.demo.enabled", "false");
            // The tests' editors outpace a municipality's rate on purpose (load, races, outages); RateLimitIT
            // tests the limit itself.
            property("hyoka.limits.requests-per-second", "0");
            property("hyoka.limits.public-requests-per-second-per-address", "0");
            property("hyoka.deadlines.announce-every", "0s");
            property("hyoka.limits.cost.restore-rate", "0");
        }

        /** A {@code -Dkey=value} for the server (application.yml keys, e.g. {@code hyoka.read-your-writes.timeout}). */
        public Config property(String key, String value) {
            properties.put(key, value);
            return this;
        }

        /** A JVM option such as {@code -Xmx256m} (after jvm.options: it wins over the same option there). */
        public Config jvmOption(String option) {
            jvmOptions.add(option);
            return this;
        }

        /** The HTTP port; 0 (the default) picks a free one at each start. */
        public Config port(int port) {
            this.port = port;
            return this;
        }

        /** Names the log files ({@code target/server-processes/<name>-<n>.log}). */
        public Config name(String name) {
            this.name = name;
            return this;
        }

        /** How long {@link #start()} waits for HTTP to answer (default 90 s). */
        public Config startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        /** Starts the server and returns once its HTTP port answers; fails with the log's tail if it does not. */
        public ServerProcess start() {
            ServerProcess server = spawn();
            server.awaitHttp(startTimeout);
            return server;
        }

        /** Starts the server's process and returns at once, while it starts (its HTTP port does not answer yet). */
        public ServerProcess spawn() {
            if (!Files.isDirectory(LIB)) {
                throw new IllegalStateException(LIB + " is missing: it is filled in Maven's package phase "
                        + "(run the test with mvn verify)");
            }
            int httpPort = port == 0 ? freePort() : port;
            try {
                makeArchive();
                Files.createDirectories(LOGS);
                Path log = LOGS.resolve(name + "-" + STARTED.incrementAndGet() + ".log");
                List<String> command = launcher(jvmOptions, properties);
                command.add("-Dmicronaut.server.port=" + httpPort);
                ProcessBuilder builder = launcherProcess(command).redirectErrorStream(true)
                        .redirectOutput(log.toFile());
                // The archive is made once per test JVM, on a database of its own (makeArchive): a start never
                // trains on the test's database (the launcher trains only when asked).
                ServerProcess server = new ServerProcess(builder.start(), httpPort, log, dataDir);
                ALIVE.add(server.process);
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the server process", e);
            }
        }
    }

    /**
     * The class-data archive of this build, made once per test JVM by the launcher's training start on a fresh
     * database (nothing when it is fresh already); a start without it if it cannot be made (the start still works).
     */
    public static synchronized void makeArchive() throws IOException {
        if (archiveMade) {
            return;
        }
        archiveMade = true;
        Config training = external(TestDatabase.newDatabase(), TestDatabase.user(), TestDatabase.password());
        Files.createDirectories(LOGS);
        Process process = launcherProcess(launcher(training.jvmOptions, training.properties, "--archive"))
                .redirectErrorStream(true).redirectOutput(LOGS.resolve("archive-training.log").toFile()).start();
        try {
            // Longer than the launcher's own bound (300 s to the training's first answer, 180 s of grace after TERM).
            if (!process.waitFor(9, TimeUnit.MINUTES)) {
                killWithDescendants(process);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killWithDescendants(process);
        }
    }

    /** The launcher and the training JVM it started (which would outlive it, holding its database). */
    private static void killWithDescendants(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    /** The launcher's command line: {@code infra/scripts/server.sh [mode] JVM options -Dproperties}. */
    private static List<String> launcher(List<String> jvmOptions, Map<String, String> properties, String... mode) {
        List<String> command = new ArrayList<>(List.of("bash", LAUNCHER.toString()));
        command.addAll(List.of(mode));
        command.addAll(jvmOptions);
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        return command;
    }

    /** The launcher run with this JVM's java and none of the caller's HYOKA_ settings. */
    private static ProcessBuilder launcherProcess(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(variable -> variable.startsWith("HYOKA_"));
        builder.environment().put("JAVA", ProcessHandle.current().info().command().orElse("java"));
        return builder;
    }

    /** The options of jvm.options (what the launcher gives every start), for a process started beside it. */
    public static List<String> deploymentJvmOptions() {
        try {
            return Files.readAllLines(MODULE.resolve("jvm.options")).stream()
                    .map(line -> line.replaceFirst("#.*", "").strip()).filter(line -> !line.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    public URI uri() {
        return URI.create("http://localhost:" + port);
    }

    /** The embedded PostgreSQL's postmaster (from {@code postmaster.pid} in the data dir), while it runs. */
    public Optional<ProcessHandle> postmaster() {
        return dataDir == null ? Optional.empty() : LeftoverPostmaster.running(dataDir);
    }

    /** A JDBC URL (user postgres, no password) of the embedded PostgreSQL's {@code postgres} database. */
    public String embeddedJdbcUrl() {
        return PostmasterPidFile.read(dataDir).orElseThrow(() -> new IllegalStateException("no postmaster.pid in "
                + dataDir)).jdbcUrl("postgres");
    }

    /** The server's stdout and stderr. */
    public Path log() {
        return log;
    }

    public String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The log once it holds every one of {@code lines} (at most {@code timeout}): a line written just after the
     * moment a test observes (a watchdog logs its restart after the database already answers) is waited for.
     */
    public String logTextOnceItHas(Duration timeout, String... lines) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String text = logText();
        while (!java.util.Arrays.stream(lines).allMatch(text::contains) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            text = logText();
        }
        return text;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook runs, an embedded PostgreSQL is left running. Returns once the JVM is gone. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** SIGTERM: the server shuts down cleanly (its embedded PostgreSQL too). Returns the exit code. */
    public int stop() {
        process.destroy();
        return awaitExit(Duration.ofSeconds(60));
    }

    /** Kills the process if it still runs. */
    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    /** A GraphQL client of this server with the given token ({@code null}: anonymous). */
    public GraphQlClient client(String token) {
        return new GraphQlClient(uri(), token);
    }

    /** A token of the development issuer for a user of a municipality, valid on every server started here. */
    public static String token(String userId, String displayName, String municipalityCode, String... roles) {
        return sign(new JWTClaimsSet.Builder().claim("hyoka_tenant", municipalityCode), userId, displayName, roles);
    }

    /** A platform operator's token (no municipality): onboarding, read-model rebuilds. */
    public static String operatorToken() {
        return sign(new JWTClaimsSet.Builder(), "test-platform-operator", "運用 担当者", "platform-operator");
    }

    /** Registers a municipality through the API; one already registered is left as it is. */
    public void onboard(String municipalityCode, String name) {
        JsonNode outcome = client(operatorToken()).data("onboardMunicipality", """
                mutation($code: String!, $name: String!) {
                  onboardMunicipality(input: {municipalityCode: $code, name: $name,
                                              administratorEmail: "admin@example.jp", administratorName: "管理 者"}) {
                    __typename
                  }
                }""", Map.of("code", municipalityCode, "name", name));
        String type = outcome.path("__typename").asText();
        if (!type.equals("MunicipalityOnboarded") && !type.equals("MunicipalityAlreadyOnboarded")) {
            throw new AssertionError("onboarding " + municipalityCode + " failed: " + outcome);
        }
    }

    private static String sign(JWTClaimsSet.Builder claims, String userId, String displayName, String... roles) {
        Instant now = Instant.now();
        JWTClaimsSet set = claims.issuer("hyoka-dev").subject(userId).claim("name", displayName)
                .claim("roles", List.of(roles)).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(2)))).build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), set);
            jwt.sign(new MACSigner(Base64.getDecoder().decode(SECRET)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitHttp(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest probe = HttpRequest.newBuilder(uri().resolve("/graphiql")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited during start (" + process.exitValue() + "):\n"
                        + tail());
            }
            try {
                // Any answer of Micronaut's: the context is up. A 503 is the start-up probes' (StartingProbes): the
                // port answers while the server still starts.
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() != 503) {
                    return;
                }
                pause();
            } catch (IOException notYet) {
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        kill();
        throw new IllegalStateException("the server did not answer HTTP within " + timeout + ":\n" + tail());
    }

    private int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("server process " + pid() + " did not exit within " + timeout);
            }
            ALIVE.remove(process);
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The last lines of the log, for failure messages. */
    public String tail() {
        List<String> lines = logText().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static void pause() {
        try {
            Thread.sleep(100);                              // the poll interval of a deadline-bounded wait
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path target() {
        try {
            Path compiledTo = Path.of(ServerProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return compiledTo.toAbsolutePath().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
