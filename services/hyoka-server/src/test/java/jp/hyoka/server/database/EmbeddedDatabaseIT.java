package jp.hyoka.server.database;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded default keeps its data in a directory, durably, so a restarted server finds everything it stored;
 * and what a killed server leaves behind there (its postmaster, a stale pid file) does not stop the next start.
 */
class EmbeddedDatabaseIT {

    @TempDir
    Path dataDir;

    @AfterEach
    void noPostgresLeftRunning() {
        LeftoverPostmaster.clear(dataDir);
    }

    @Test
    void givenDataWrittenToAPersistentCluster_whenRestarted_thenTheDataIsStillThere_andEveryCommitIsFlushed()
            throws Exception {
        try (EmbeddedDatabase first = EmbeddedDatabase.persistent(dataDir)) {
            execute(first, "CREATE TABLE kept (note TEXT)", "INSERT INTO kept VALUES ('評価書')");
        }

        try (EmbeddedDatabase second = EmbeddedDatabase.persistent(dataDir)) {
            assertThat(query(second, "SELECT note FROM kept")).isEqualTo("評価書");
            // zonky's -F and synchronous_commit=off are overridden: a commit returns once it is on disk.
            assertThat(query(second, "SHOW fsync")).isEqualTo("on");
            assertThat(query(second, "SHOW synchronous_commit")).isEqualTo("on");
            assertThat(query(second, "SHOW full_page_writes")).isEqualTo("on");
        }
    }

    @Test
    void givenTheThrowAwayCluster_thenItSkipsFsyncForSpeed() {
        try (EmbeddedDatabase ephemeral = EmbeddedDatabase.ephemeral()) {
            assertThat(query(ephemeral, "SHOW fsync")).isEqualTo("off");
            assertThat(query(ephemeral, "SHOW synchronous_commit")).isEqualTo("off");
        }
    }

    @Test
    void givenAPostmasterLeftRunningByAKilledServer_whenStarted_thenItIsStoppedAndTheDataIsThere()
            throws Exception {
        Path postgres;
        try (EmbeddedDatabase first = EmbeddedDatabase.persistent(dataDir)) {
            execute(first, "CREATE TABLE kept (note TEXT)", "INSERT INTO kept VALUES ('残った')");
            postgres = Path.of(LeftoverPostmaster.running(dataDir).orElseThrow().info().command().orElseThrow());
        }
        // What a server killed with SIGKILL leaves: its postmaster, a daemon with no owner, still serving the data.
        ProcessHandle orphan = startDetachedPostmaster(postgres, dataDir);

        try (EmbeddedDatabase second = EmbeddedDatabase.persistent(dataDir)) {
            assertThat(orphan.isAlive()).isFalse();
            assertThat(query(second, "SELECT note FROM kept")).isEqualTo("残った");
            assertThat(LeftoverPostmaster.running(dataDir)).map(ProcessHandle::pid).isNotEqualTo(orphan.pid());
        }
        assertThat(LeftoverPostmaster.processesOf(dataDir)).isEmpty();
    }

    @Test
    void givenAStalePidFileNamingAnotherLiveProcess_whenStarted_thenTheFileIsRemovedAndTheClusterStarts()
            throws Exception {
        try (EmbeddedDatabase first = EmbeddedDatabase.persistent(dataDir)) {
            execute(first, "CREATE TABLE kept (note TEXT)", "INSERT INTO kept VALUES ('古い')");
        }
        // The killed postmaster's pid now belongs to some other process: PostgreSQL alone would refuse to start.
        Process other = new ProcessBuilder("sleep", "60").start();
        try {
            Files.writeString(dataDir.resolve(PostmasterPidFile.NAME), other.pid() + "\n" + dataDir + "\n0\n5432\n");

            assertThat(LeftoverPostmaster.clear(dataDir)).isEqualTo(LeftoverPostmaster.Outcome.STALE_PID_FILE_REMOVED);
            Files.writeString(dataDir.resolve(PostmasterPidFile.NAME), other.pid() + "\n" + dataDir + "\n0\n5432\n");
            try (EmbeddedDatabase second = EmbeddedDatabase.persistent(dataDir)) {
                assertThat(query(second, "SELECT note FROM kept")).isEqualTo("古い");
                assertThat(other.isAlive()).isTrue();
            }
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void givenAClusterRunningInThisProcess_whenStartedAgainOnItsDirectory_thenRefusedAndTheRunningOneKeepsServing() {
        try (EmbeddedDatabase running = EmbeddedDatabase.persistent(dataDir)) {
            assertThatThrownBy(() -> EmbeddedDatabase.persistent(dataDir)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already running");
            assertThat(query(running, "SELECT 'まだ動いている'")).isEqualTo("まだ動いている");
        }
    }

    /**
     * Several application contexts in one JVM (tests, tools): a database's exit hook hears only the context that
     * started it. Another context's running server and its stop must not make it wait (up to 90 s) for a stop that
     * its own context, never started or never closed, will not make.
     */
    @Test
    void givenAnotherContextsServerRanAndStops_whenTheJvmExits_thenThisDatabaseIsStoppedAtOnce() throws Exception {
        ServerLife otherContext = new ServerLife();
        try (EmbeddedDatabase theirs = EmbeddedDatabase.ephemeral(otherContext);
             EmbeddedDatabase ours = EmbeddedDatabase.ephemeral(new ServerLife())) {
            otherContext.serverRunning();
            otherContext.stopping();

            CompletableFuture<Void> exit = CompletableFuture.runAsync(ours::closeOnExit);

            exit.get(20, TimeUnit.SECONDS);
            assertThatThrownBy(() -> query(ours, "SELECT 1")).as("stopped").isNotNull();
            assertThat(query(theirs, "SELECT 'まだ動いている'")).isEqualTo("まだ動いている");
        }
    }

    @Test
    void givenItsOwnContextsServerRunsAndStops_whenTheJvmExits_thenTheHookLeavesTheStopToTheContext()
            throws Exception {
        ServerLife context = new ServerLife();
        try (EmbeddedDatabase database = EmbeddedDatabase.ephemeral(context)) {
            context.serverRunning();
            context.stopping();

            CompletableFuture<Void> exit = CompletableFuture.runAsync(database::closeOnExit);

            Thread.sleep(1_000);
            assertThat(exit).as("waits for the context to close the database").isNotDone();
            assertThat(query(database, "SELECT 'まだ動いている'")).isEqualTo("まだ動いている");
            database.close();                                     // the context's stop, after processors and pool
            exit.get(20, TimeUnit.SECONDS);
        }
    }

    /** pg_ctl starts PostgreSQL as a daemon, exactly as zonky does, but with no JVM that will ever stop it. */
    private static ProcessHandle startDetachedPostmaster(Path postgres, Path dataDir) throws Exception {
        Path pgCtl = postgres.resolveSibling("pg_ctl");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        if (System.getProperty("user.name").equals("root")) {
            command.addAll(List.of("unshare", "-U"));       // PostgreSQL refuses root; zonky does the same
        }
        command.addAll(List.of(pgCtl.toString(), "-D", dataDir.toString(), "-o", "-p " + port,
                "-l", dataDir.resolve("detached.log").toString(), "-w", "-t", "60", "start"));
        Process start = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(start.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(start.exitValue()).isZero();
        return LeftoverPostmaster.running(dataDir).orElseThrow();
    }

    private static void execute(EmbeddedDatabase database, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl("postgres"), "postgres", "");
             Statement statement = connection.createStatement()) {
            for (String sql : List.of(statements)) {
                statement.execute(sql);
            }
        }
    }

    private static String query(EmbeddedDatabase database, String sql) {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl("postgres"), "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
