package jp.hyoka.server.bench;

import io.micronaut.context.ApplicationContext;
import jp.hyoka.domain.assessment.ComponentUseMode;
import jp.hyoka.domain.components.ComponentId;
import jp.hyoka.domain.components.PublishedComponent;
import jp.hyoka.domain.components.command.PublishComponentVersion;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.components.ComponentDocuments;
import jp.hyoka.server.database.TenantScopedReads;
import jp.hyoka.server.security.Tenants;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The product side of the fan-out benchmark, on a server context in this JVM: municipalities whose documents use a
 * shared component (real event-sourced assessments, made by the domain's commands sent in parallel through the
 * command gateway: start, add a 特定個人情報ファイル, insert the component locked or adapted), then publications of new
 * versions, each timed from its commit to the commit of its fan-out and to the moment the last municipality reads
 * its proposals through the tenant-scoped read (row-level security).
 */
final class FanOutWorkload {

    static final String COMPONENT = "bench.intermediate-server-platform.storage-location";
    private static final Duration CATCH_UP = Duration.ofMinutes(30);
    private static final String USAGE_VIEW = """
            SELECT u.tenant_code, u.mode, coalesce(p.status, 'NONE'), count(*) AS uses, count(p.use_id) AS proposals
            FROM rm_component_use u
            LEFT JOIN rm_component_proposal p ON p.assessment_id = u.assessment_id AND p.use_id = u.use_id
                AND p.to_version = ?
            WHERE u.component_id = ?
            GROUP BY u.tenant_code, u.mode, p.status""";

    /** One publication: proposals it raised; nanoseconds from its commit to the fan-out's commit and to readable. */
    record Publication(int version, int proposals, long toFanOutNanos, long toReadableNanos) {
    }

    record Seeding(int municipalities, int documents, long nanos) {
    }

    private final ComponentDocuments documents;
    private final CommandGateway commands;
    private final CommitClock clock = new CommitClock();
    private final DataSource dataSource;
    private final TenantScopedReads reads;
    private final Tenants tenants;
    private final List<MunicipalityCode> municipalities = new ArrayList<>();
    private int documentsPerMunicipality;
    private PublishedComponent v1;

    FanOutWorkload(ApplicationContext context) {
        this.documents = new ComponentDocuments(context);
        this.commands = context.getBean(CommandGateway.class);
        this.dataSource = context.getBean(DataSource.class);
        this.reads = context.getBean(TenantScopedReads.class);
        this.tenants = context.getBean(Tenants.class);
        context.getBean(Configuration.class).commandBus().registerHandlerInterceptor(clock);
    }

    /**
     * Registers and publishes the component's version 1, then {@code count} municipalities with {@code perMunicipality}
     * documents each (locked and adapted in turn), {@code seeders} municipalities at a time; returns once the read
     * models show every use.
     */
    Seeding seed(int count, int perMunicipality, int seeders, Consumer<String> progress) throws Exception {
        documentsPerMunicipality = perMunicipality;
        v1 = ComponentDocuments.published(documents.registerAndPublish(COMPONENT), 1);
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(seeders);
        AtomicInteger done = new AtomicInteger();
        List<CompletableFuture<Void>> work = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            MunicipalityCode tenant = ComponentDocuments.municipality(n);
            municipalities.add(tenant);
            work.add(CompletableFuture.runAsync(() -> {
                tenants.register(tenant, "ベンチ団体 " + tenant.value());
                for (int d = 0; d < perMunicipality; d++) {
                    documents.document(tenant, v1, d % 2 == 0 ? ComponentUseMode.LOCKED : ComponentUseMode.ADAPTED);
                }
                int finished = done.incrementAndGet();
                if (finished % 100 == 0) {
                    progress.accept(String.format("seeded %d of %d municipalities (%.0f s)", finished, count,
                            (System.nanoTime() - start) / 1e9));
                }
            }, pool));
        }
        try {
            CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).get(CATCH_UP.toMinutes(), TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }
        long uses = (long) count * perMunicipality;
        awaitScalar("SELECT count(*) FROM rm_component_use WHERE component_id = ?", uses);
        return new Seeding(count, (int) uses, System.nanoTime() - start);
    }

    /** Drafts, submits and publishes {@code version}, timing the fan-out it sets off. */
    Publication publish(int version) throws Exception {
        documents.draftAndSubmit(COMPONENT, version);
        MunicipalityCode last = lastMunicipality();
        long[] marks = new long[2];
        CompletableFuture<Void> fanOut = CompletableFuture.runAsync(() -> marks[0] = awaitFanOut(version));
        CompletableFuture<Void> readable = CompletableFuture.runAsync(() -> marks[1] = awaitReadable(last, version));
        clock.reset();
        commands.sendAndWait(new PublishComponentVersion(new ComponentId(COMPONENT), version,
                ComponentDocuments.OPERATOR, Instant.now()));
        long committed = clock.committed();
        CompletableFuture.allOf(fanOut, readable).get(CATCH_UP.toMinutes(), TimeUnit.MINUTES);
        int proposals = (int) scalar("SELECT proposals FROM rm_component_fan_out WHERE component_id = ? "
                + "AND version = " + version);
        return new Publication(version, proposals, marks[0] - committed, marks[1] - committed);
    }

    /** The usage view's query as raw SQL (across municipalities, login role), timed; the rows it returns. */
    ComponentFanOutBenchmark.Latency usageView(int version, int runs) throws Exception {
        int[] rows = new int[1];
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(USAGE_VIEW)) {
            query.setInt(1, version);
            query.setString(2, COMPONENT);
            return ComponentFanOutBenchmark.Latency.measure(runs, () -> {
                rows[0] = 0;
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        rows[0]++;
                    }
                }
                return rows[0];
            });
        }
    }

    /** Drafts {@code version} of the component and leaves it a draft (for the dry run). */
    void draft(int version) {
        documents.draft(COMPONENT, version);
    }

    /** The municipality seeded last (the one whose read of its proposals is timed). */
    MunicipalityCode lastMunicipality() {
        return municipalities.get(municipalities.size() - 1);
    }

    /** When the fan-out's summary row is committed (polled every millisecond). */
    private long awaitFanOut(int version) {
        String sql = "SELECT count(*) FROM rm_component_fan_out WHERE component_id = ? AND version = " + version;
        return pollUntil(() -> scalar(sql) > 0, Duration.ofMillis(1));
    }

    /** When the last municipality reads a pending proposal of {@code version} for each of its documents. */
    private long awaitReadable(MunicipalityCode tenant, int version) {
        return pollUntil(() -> reads.read(tenant, connection -> {
            try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM rm_component_proposal "
                    + "WHERE component_id = ? AND to_version = ? AND status = 'PENDING'")) {
                count.setString(1, COMPONENT);
                count.setInt(2, version);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        }) >= documentsPerMunicipality, Duration.ofMillis(1));
    }

    private interface Check {
        boolean holds() throws SQLException;
    }

    /** The moment {@code check} first holds, looked at every {@code pause}. */
    private static long pollUntil(Check check, Duration pause) {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        try {
            while (!check.holds()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("not within " + CATCH_UP);
                }
                LockSupport.parkNanos(pause.toNanos());
            }
            return System.nanoTime();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitScalar(String sql, long expected) {
        pollUntil(() -> scalar(sql) >= expected, Duration.ofMillis(200));
    }

    private long scalar(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, COMPONENT);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }
}
