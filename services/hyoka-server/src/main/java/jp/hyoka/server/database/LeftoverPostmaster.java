package jp.hyoka.server.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What a server killed without warning leaves in the embedded data directory, cleared before the next start: its
 * postmaster, still running (it is a daemon of its own and outlives the JVM), or a {@code postmaster.pid} naming a
 * process that is gone or is something else now. Either would make the next start fail until a person intervened.
 * <p>
 * A postmaster is only stopped when it is PostgreSQL serving this very directory: its executable is
 * {@code postgres} and its working directory (PostgreSQL changes into its data directory; read from
 * {@code /proc} on Linux) or else its command line names the directory. It is asked for a fast shutdown (SIGINT:
 * open transactions are rolled back, committed ones are on disk), then for an immediate one (SIGQUIT: crash
 * recovery at the next start). Its children (backends orphaned by a killed postmaster exit by themselves) are
 * waited for before a stale pid file is removed, because PostgreSQL uses that file to detect them.
 */
public final class LeftoverPostmaster {

    /** What was found and done. */
    public enum Outcome { NOTHING_LEFT, STOPPED, STALE_PID_FILE_REMOVED }

    private static final Logger LOG = LoggerFactory.getLogger(LeftoverPostmaster.class);
    private static final Duration FAST_SHUTDOWN = Duration.ofSeconds(30);
    private static final Duration IMMEDIATE_SHUTDOWN = Duration.ofSeconds(15);
    private static final Duration ORPHANS_EXIT = Duration.ofSeconds(15);

    private LeftoverPostmaster() {
    }

    /**
     * Clears what a killed server left in {@code dataDir}, logging what it did. Only for a directory no live server
     * uses: {@link EmbeddedDatabase#persistent} checks that first.
     */
    public static Outcome clear(Path dataDir) {
        Path directory = realPath(dataDir);
        Optional<PostmasterPidFile> pidFile = PostmasterPidFile.read(directory);
        if (pidFile.isEmpty()) {
            return Outcome.NOTHING_LEFT;
        }
        Optional<ProcessHandle> postmaster = running(directory);
        if (postmaster.isPresent()) {
            long pid = postmaster.get().pid();
            LOG.warn("The embedded PostgreSQL of a server that did not stop (pid {}) still runs on {}: stopping it "
                    + "(fast shutdown)", pid, directory);
            long started = System.nanoTime();
            stop(postmaster.get());
            awaitOrphans(directory);
            LOG.warn("Stopped the left-over PostgreSQL (pid {}) in {} ms", pid,
                    (System.nanoTime() - started) / 1_000_000);
            if (Files.exists(pidFile.get().file())) {
                delete(pidFile.get());
            }
            return Outcome.STOPPED;
        }
        Optional<ProcessHandle> named = process(pidFile.get());
        if (named.isPresent() && !identifiablyNotPostgres(named.get())) {
            // The pid file is PostgreSQL's own guard against two servers on one directory: keep it unless sure.
            throw new IllegalStateException("the " + PostmasterPidFile.NAME + " in " + directory + " names process "
                    + pidFile.get().pid() + ", which is alive but cannot be shown to be another program; if no "
                    + "PostgreSQL uses this directory, delete the file and start again");
        }
        awaitOrphans(directory);
        LOG.warn("Removing the stale {} in {}: its pid {} is {}", PostmasterPidFile.NAME, directory,
                pidFile.get().pid(), process(pidFile.get()).isPresent() ? "another process now" : "gone");
        delete(pidFile.get());
        return Outcome.STALE_PID_FILE_REMOVED;
    }

    /** The postmaster named by the pid file of {@code dataDir}, if it runs and serves that directory. */
    public static Optional<ProcessHandle> running(Path dataDir) {
        Path directory = realPath(dataDir);
        return PostmasterPidFile.read(directory)
                .flatMap(LeftoverPostmaster::process)
                .filter(process -> serves(process, directory));
    }

    private static Optional<ProcessHandle> process(PostmasterPidFile pidFile) {
        return pidFile.pid() > 0 ? ProcessHandle.of(pidFile.pid()) : Optional.empty();
    }

    /** Every PostgreSQL process (postmaster, backends, background workers) with {@code dataDir} as its directory. */
    public static List<ProcessHandle> processesOf(Path dataDir) {
        Path directory = realPath(dataDir);
        return ProcessHandle.allProcesses().filter(process -> serves(process, directory)).toList();
    }

    private static void stop(ProcessHandle postmaster) {
        signal(postmaster, "INT");
        if (exited(postmaster, FAST_SHUTDOWN)) {
            return;
        }
        LOG.warn("PostgreSQL (pid {}) did not stop within {}: immediate shutdown", postmaster.pid(), FAST_SHUTDOWN);
        signal(postmaster, "QUIT");
        if (!exited(postmaster, IMMEDIATE_SHUTDOWN)) {
            throw new IllegalStateException("the left-over PostgreSQL (pid " + postmaster.pid() + ") does not stop; "
                    + "stop it and start again");
        }
    }

    /** Backends of a killed postmaster notice its death and exit; those that do not are killed. */
    private static void awaitOrphans(Path directory) {
        for (ProcessHandle orphan : processesOf(directory)) {
            if (!exited(orphan, ORPHANS_EXIT)) {
                LOG.warn("Killing PostgreSQL process {} left without its postmaster", orphan.pid());
                orphan.destroyForcibly();
                exited(orphan, ORPHANS_EXIT);
            }
        }
    }

    /** A process whose program is known and is not PostgreSQL (a pid reused after the old server died). */
    private static boolean identifiablyNotPostgres(ProcessHandle process) {
        return process.info().command().map(command -> !Path.of(command).getFileName().toString().equals("postgres"))
                .orElse(false);
    }

    private static boolean serves(ProcessHandle process, Path directory) {
        ProcessHandle.Info info = process.info();
        boolean postgres = info.command().map(command -> Path.of(command).getFileName().toString())
                .filter(name -> name.equals("postgres")).isPresent();
        if (!postgres) {
            return false;
        }
        Path cwd = Path.of("/proc", Long.toString(process.pid()), "cwd");
        try {
            return Files.isSameFile(Files.readSymbolicLink(cwd), directory);
        } catch (IOException | UnsupportedOperationException notLinux) {
            return info.commandLine().filter(line -> line.contains(directory.toString())).isPresent();
        }
    }

    private static void signal(ProcessHandle process, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(process.pid()))
                    .redirectErrorStream(true).start();
            kill.getInputStream().transferTo(OutputStream.nullOutputStream());
            kill.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException("could not signal PostgreSQL (pid " + process.pid() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean exited(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void delete(PostmasterPidFile pidFile) {
        try {
            Files.deleteIfExists(pidFile.file());
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + pidFile.file(), e);
        }
    }

    private static Path realPath(Path dataDir) {
        try {
            return dataDir.toRealPath();
        } catch (IOException e) {
            return dataDir.toAbsolutePath().normalize();
        }
    }
}
