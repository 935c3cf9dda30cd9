package jp.hyoka.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The test-only npm projects under {@code src/test} (the graphql-ws client, the schema linter): each is installed
 * once per machine from its committed package-lock.json ({@code npm ci}) when its marker package is missing.
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
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(directory.toFile())
                    .inheritIO().start();
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                throw new IllegalStateException("npm ci in " + directory + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
