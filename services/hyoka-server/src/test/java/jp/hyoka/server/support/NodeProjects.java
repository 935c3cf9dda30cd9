package jp.hyoka.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The test-only npm projects under {@code src/test} (the graphql-ws client, the schema linter): each is installed
 * once per machine from its committed package-lock.json ({@code npm ci}) when its marker package is missing.
 *
 * <p>npm's output goes to a log file and its input is empty, never the test JVM's own: surefire talks to its forked
 * JVM over that JVM's stdin and stdout, and an npm sharing them (inheritIO) wrote into the channel and left stdin
 * non-blocking ("[SUREFIRE] std/in stream corrupted": the build failed on a fresh clone, every test green).
 */
public final class NodeProjects {

    private NodeProjects() {
    }

    /** Runs {@code npm ci} in {@code directory} unless {@code node_modules/<markerPackage>} already exists. */
    public static synchronized void installOnce(Path directory, String markerPackage) {
        if (Files.isDirectory(directory.resolve("node_modules").resolve(markerPackage))) {
            return;
        }
        try {
            Path log = Files.createTempFile("npm-ci-", ".log");
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(directory.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                throw new IllegalStateException("npm ci in " + directory + " failed:\n" + Files.readString(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
