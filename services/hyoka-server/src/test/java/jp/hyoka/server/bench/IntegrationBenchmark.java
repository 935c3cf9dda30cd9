package jp.hyoka.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import jp.hyoka.domain.assessment.command.StartAssessment;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.assessment.AssessmentCommands;
import jp.hyoka.server.components.ComponentDocuments;
import jp.hyoka.server.integration.KafkaSettings;
import jp.hyoka.server.integration.OutboxRelay;
import jp.hyoka.server.security.Tenants;
import jp.hyoka.server.support.TestDatabase;
import jp.hyoka.server.support.TestKafka;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Issue 17's speed section, on one PostgreSQL in one run, round by round interleaved (odd rounds the ceiling first),
 * medians of the rounds:
 * <ol>
 *   <li><b>Relay throughput</b> (BENCHMARKS.md row 10): {@code --rows} outbox rows of realistic size (~{@code
 *   --payload-bytes} of JSON, {@code --keys} message keys over 20 municipalities' topics) seeded with plain JDBC; the
 *   product's {@link OutboxRelay} (its own code: advisory lock, idempotent producer, acks=all, batches of {@code
 *   --batch-size}, by default the product's 2,000), running — started in the warm-up and kept between rounds, as a
 *   server keeps its relay — drains that backlog, timed from the commit that queues the rows until it has marked the
 *   last one published (so its poll of 10 ms is in the time; its start is not); the broker is
 *   {@code --bootstrap} (e.g. infra/kafka's) or else the tests' ({@link TestKafka}). Ceiling: "ordered read +
 *   Jackson deserialisation" — the same rows read by position with a cursor (raw JDBC, fetch size 1000, every column
 *   the relay reads) and each payload parsed by Jackson. Target ≥ 50 %.</li>
 *   <li><b>The outbox row's cost per command</b> (rows 1 and 2): {@code StartAssessment} (its event is told outside:
 *   assessment.started) through the command gateway, sendAndWait, 1 client ({@code --latency-commands}, p50) and
 *   {@code --clients} clients ({@code --commands-per-client} each, commands/s), in alternating blocks with the
 *   product's outbox writer and with it writing nothing ({@link SwitchableOutbox}, test sources only), in the same
 *   server context;
 *   beside them the ceilings "single-row durable INSERT" (1 client: p50; 16 clients: rows/s; ~1 KB jsonb).</li>
 * </ol>
 * Never asserts a time.
 *
 * <pre>infra/scripts/bench-integration.sh [--rows 50000] [--keys 300] [--rounds 3] [--bootstrap host:port]</pre>
 */
public final class IntegrationBenchmark {

    static final double RELAY_TARGET = 0.50;
    static final double COMMANDS_TARGET = 0.30;
    static final double LATENCY_TARGET = 3.0;
    private static final int MUNICIPALITIES = 20;
    private static final int FETCH_SIZE = 1000;
    /** Blocks of commands per side and round, alternating with and without the outbox row. */
    private static final int BLOCKS = 5;
    private static final Duration RELAY_PATIENCE = Duration.ofMinutes(15);
    private static final Actor EDITOR = new Actor("bench-integration", "連携 計測");
    private static final ObjectMapper JSON = new ObjectMapper();

    record Options(int rows, int keys, int payloadBytes, int batchSize, int rounds, int latencyCommands, int clients,
                   int commandsPerClient, boolean durable, String bootstrap) {
        static Options parse(String... args) {
            Map<String, String> given = new HashMap<>(Map.of("--rows", "50000", "--keys", "300",
                    "--payload-bytes", "768", "--batch-size", "2000", "--rounds", "3", "--latency-commands", "1000",
                    "--clients", "16", "--commands-per-client", "60", "--durable", "on", "--bootstrap", ""));
            for (int i = 0; i + 1 < args.length; i += 2) {
                if (!given.containsKey(args[i])) {
                    throw new IllegalArgumentException("unknown option " + args[i] + " (" + given.keySet() + ")");
                }
                given.put(args[i], args[i + 1]);
            }
            return new Options(Integer.parseInt(given.get("--rows")), Integer.parseInt(given.get("--keys")),
                    Integer.parseInt(given.get("--payload-bytes")), Integer.parseInt(given.get("--batch-size")),
                    Integer.parseInt(given.get("--rounds")), Integer.parseInt(given.get("--latency-commands")),
                    Integer.parseInt(given.get("--clients")), Integer.parseInt(given.get("--commands-per-client")),
                    given.get("--durable").equals("on"), given.get("--bootstrap"));
        }
    }

    /** One relay round: the relay's and the ceiling's rates (rows/s), back to back; what the relay marked. */
    record RelayRound(double relayPerSecond, double ceilingPerSecond, long published, long waitingAfter) {
        double ratio() {
            return relayPerSecond / ceilingPerSecond;
        }
    }

    /** One round of commands: with and without the outbox row, and the INSERT ceilings, back to back. */
    record CommandRound(Commands with, Commands without, double insertP50Ms, double insertsPerSecond) {
    }

    /** p50 (1 client) and commands/s ({@code clients}); outbox rows the commands wrote, per command. */
    record Commands(double p50Ms, double perSecond, double outboxRowsPerCommand) {
    }

    record Report(Options options, String database, String broker, double averagePayloadBytes,
                  List<RelayRound> relay, List<CommandRound> commands) {

        double relayPerSecond() {
            return median(relay.stream().mapToDouble(RelayRound::relayPerSecond).toArray());
        }

        double readCeiling() {
            return median(relay.stream().mapToDouble(RelayRound::ceilingPerSecond).toArray());
        }

        double relayRatio() {
            return median(relay.stream().mapToDouble(RelayRound::ratio).toArray());
        }

        double p50(boolean outbox) {
            return median(commands.stream().mapToDouble(r -> (outbox ? r.with() : r.without()).p50Ms()).toArray());
        }

        double perSecond(boolean outbox) {
            return median(commands.stream().mapToDouble(r -> (outbox ? r.with() : r.without()).perSecond())
                    .toArray());
        }

        double insertP50Ms() {
            return median(commands.stream().mapToDouble(CommandRound::insertP50Ms).toArray());
        }

        double insertsPerSecond() {
            return median(commands.stream().mapToDouble(CommandRound::insertsPerSecond).toArray());
        }

        /** Median of the rounds' (with − without) / with: the outbox row's share of a command's p50. */
        double outboxShareOfP50() {
            return median(commands.stream().mapToDouble(r -> (r.with().p50Ms() - r.without().p50Ms())
                    / r.with().p50Ms()).toArray());
        }

        /** Median of the rounds' 1 − with/without: the commands/s the outbox row costs. */
        double outboxThroughputLoss() {
            return median(commands.stream().mapToDouble(r -> 1 - r.with().perSecond() / r.without().perSecond())
                    .toArray());
        }

        double latencyRatio() {
            return median(commands.stream().mapToDouble(r -> r.with().p50Ms() / r.insertP50Ms()).toArray());
        }

        double throughputRatio() {
            return median(commands.stream().mapToDouble(r -> r.with().perSecond() / r.insertsPerSecond()).toArray());
        }

        double rowsPerCommand(boolean outbox) {
            return median(commands.stream().mapToDouble(r -> (outbox ? r.with() : r.without())
                    .outboxRowsPerCommand()).toArray());
        }

        String render() {
            StringBuilder text = new StringBuilder("# Integration events: relay throughput, outbox cost per command\n\n")
                    .append(String.format(Locale.ROOT, "%s; broker %s%n%n", database, broker))
                    .append(String.format(Locale.ROOT, "Relay: %,d rows (payload %.0f bytes stored on average, %d "
                                    + "keys, %d topics), batch size %d; ceiling: the same rows read by position with a "
                                    + "cursor + Jackson%n%n", options.rows(), averagePayloadBytes, options.keys(),
                            MUNICIPALITIES, options.batchSize()))
                    .append("| round | relay rows/s | ceiling rows/s | ratio |\n|---|---|---|---|\n");
            for (int i = 0; i < relay.size(); i++) {
                RelayRound round = relay.get(i);
                text.append(String.format(Locale.ROOT, "| %d | %,.0f | %,.0f | %.2f |%n", i + 1,
                        round.relayPerSecond(), round.ceilingPerSecond(), round.ratio()));
            }
            text.append(String.format(Locale.ROOT, "%nCommands: StartAssessment (told outside: assessment.started) "
                            + "through the command gateway; p50 of %d at 1 client, commands/s at %d clients × %d; "
                            + "with the outbox row and without it, in %d alternating blocks each%n%n", options.latencyCommands(), options.clients(),
                    options.commandsPerClient(), BLOCKS))
                    .append("| round | p50 with (ms) | p50 without (ms) | INSERT p50 (ms) | cmd/s with | cmd/s without "
                            + "| INSERT/s (" + options.clients() + " clients) |\n|---|---|---|---|---|---|---|\n");
            for (int i = 0; i < commands.size(); i++) {
                CommandRound round = commands.get(i);
                text.append(String.format(Locale.ROOT, "| %d | %.2f | %.2f | %.2f | %,.0f | %,.0f | %,.0f |%n", i + 1,
                        round.with().p50Ms(), round.without().p50Ms(), round.insertP50Ms(), round.with().perSecond(),
                        round.without().perSecond(), round.insertsPerSecond()));
            }
            text.append(String.format(Locale.ROOT, "%nRESULT rows=%d keys=%d rounds=%d durable=%s "
                            + "relayRowsPerSec=%.0f readCeilingRowsPerSec=%.0f relayRatio=%.2f relayTarget=%.2f "
                            + "relayVerdict=%s commandP50WithMs=%.2f commandP50WithoutMs=%.2f insertP50Ms=%.2f "
                            + "latencyRatio=%.2f latencyTarget=%.1f commandsPerSecWith=%.0f commandsPerSecWithout=%.0f "
                            + "insertsPerSec=%.0f throughputRatio=%.2f throughputTarget=%.2f outboxShareOfP50=%.3f "
                            + "outboxThroughputLoss=%.3f outboxRowsPerCommandWith=%.2f outboxRowsPerCommandWithout=%.2f%n",
                    options.rows(), options.keys(), relay.size(), options.durable() ? "on" : "off", relayPerSecond(),
                    readCeiling(), relayRatio(), RELAY_TARGET, relayRatio() >= RELAY_TARGET ? "PASS" : "BELOW",
                    p50(true), p50(false), insertP50Ms(), latencyRatio(), LATENCY_TARGET, perSecond(true),
                    perSecond(false), insertsPerSecond(), throughputRatio(), COMMANDS_TARGET, outboxShareOfP50(),
                    outboxThroughputLoss(), rowsPerCommand(true), rowsPerCommand(false)));
            return text.toString();
        }
    }

    private IntegrationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        System.setProperty(TestDatabase.DURABLE_PROPERTY, Boolean.toString(options.durable()));
        System.out.print(run(options, line -> System.out.println("… " + line)).render());
        System.exit(0);
    }

    static Report run(Options options, Consumer<String> progress) throws Exception {
        BenchDatabase bench = BenchDatabase.create(options.durable());
        String database = bench.description();
        progress.accept("database: " + database);
        String broker = options.bootstrap().isEmpty() ? TestKafka.bootstrapServers() : options.bootstrap();
        progress.accept("broker: " + broker);
        try (EmbeddedServer server = bench.startServer(Map.of(SwitchableOutbox.PROPERTY, "true",
                // the context's own relay stays idle: the benchmark starts the relay it times
                "hyoka.kafka.bootstrap-servers", ""));
             RelayWorkload relay = new RelayWorkload(server.getApplicationContext().getBean(HikariDataSource.class),
                     new Database(bench.url(), bench.user(), bench.password()), broker, options)) {
            ApplicationContext context = server.getApplicationContext();
            Database db = relay.db;
            CommandWorkload commands = new CommandWorkload(context, db, options);

            // Warm-up, not counted: the relay starts (lock, clients, topics created and described) and stays running,
            // as a server's relay does; the JIT compiles.
            relay.seed(Math.min(options.rows(), 5_000));
            relay.readCeiling();
            double cold = relay.relay();
            progress.accept(String.format(Locale.ROOT, "warm-up: the relay started and drained %,d rows at %,.0f "
                    + "rows/s (its start included)", relay.seeded(), cold));

            List<RelayRound> relayRounds = new ArrayList<>();
            for (int round = 1; round <= options.rounds(); round++) {
                boolean ceilingFirst = round % 2 == 1;
                relay.seed(options.rows());
                double ceiling = ceilingFirst ? relay.readCeiling() : 0;
                double published = relay.relay();
                if (!ceilingFirst) {
                    db.vacuum();
                    ceiling = relay.readCeiling();
                }
                RelayRound relayRound = new RelayRound(published, ceiling, relay.lastPublished(), db.waiting());
                relayRounds.add(relayRound);
                progress.accept(String.format(Locale.ROOT, "round %d: relay %,.0f rows/s, ceiling %,.0f rows/s, "
                        + "ratio %.2f", round, published, ceiling, relayRound.ratio()));
            }
            double payloadBytes = relay.averagePayloadBytes();
            // The commands' rounds after the relay has stopped: their outbox rows stay queued, as before, instead of
            // being published by the relay while the commands are timed.
            relay.close();
            commands.warmUp();
            List<CommandRound> commandRounds = new ArrayList<>();
            for (int round = 1; round <= options.rounds(); round++) {
                boolean ceilingFirst = round % 2 == 1;
                CommandRound commandRound = commands.round(ceilingFirst);
                commandRounds.add(commandRound);
                progress.accept(String.format(Locale.ROOT, "round %d: command p50 %.2f ms with the outbox row, %.2f "
                                + "without, INSERT %.2f; %,.0f/s with, %,.0f/s without, INSERT %,.0f/s", round,
                        commandRound.with().p50Ms(), commandRound.without().p50Ms(), commandRound.insertP50Ms(),
                        commandRound.with().perSecond(), commandRound.without().perSecond(),
                        commandRound.insertsPerSecond()));
            }
            return new Report(options, database, broker, payloadBytes, relayRounds, commandRounds);
        }
    }

    /** Raw JDBC on the benchmark's database: the outbox's housekeeping and the INSERT ceilings' scratch table. */
    static final class Database {
        static final String SCRATCH = "bench_insert_ceiling";
        private final String url;
        private final Properties credentials = new Properties();

        Database(String url, String user, String password) {
            this.url = url;
            credentials.setProperty("user", user);
            if (password != null && !password.isEmpty()) {
                credentials.setProperty("password", password);
            }
            credentials.setProperty("reWriteBatchedInserts", "true");
        }

        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, credentials);
        }

        void execute(String sql) throws SQLException {
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }

        long scalar(String sql) throws SQLException {
            try (Connection connection = connect(); Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery(sql)) {
                row.next();
                return row.getLong(1);
            }
        }

        long waiting() throws SQLException {
            return scalar("SELECT count(*) FROM integration_outbox_queue");
        }

        /**
         * Vacuums the outbox and writes the dirty pages out (untimed): among a data set the vacuum of a table holding
         * 10⁶ rows of history dirties pages that would otherwise be written back during the next timed round, beside
         * the relay's durable commits (the ceiling, a read, would not feel it); both passes do the same.
         */
        void vacuum() throws SQLException {
            execute("VACUUM ANALYZE integration_outbox");
            execute("VACUUM ANALYZE integration_outbox_queue");
            try {
                execute("CHECKPOINT");
            } catch (SQLException notAllowed) {
                // a HYOKA_JDBC_URL user without pg_checkpoint: the pages are then written back when PostgreSQL chooses
            }
        }
    }

    /**
     * The relay side: seeded backlogs, the product's relay draining them, the ordered read + Jackson ceiling. The
     * relay is started once and kept running between rounds, as a server keeps its relay (started with the server,
     * holding the lock and its Kafka clients until it stops); each round's backlog appears to it at once (its queue
     * entries in one commit) and is timed from that commit until the relay has marked its last row published.
     */
    static final class RelayWorkload implements AutoCloseable {
        private final HikariDataSource dataSource;
        final Database db;
        private final String broker;
        private final Options options;
        private final List<String> payloads = new ArrayList<>();
        private int seeded;
        private long lastPublished;
        private OutboxRelay running;
        /**
         * The outbox's last position before the benchmark: 0 alone; among a data set (the at-scale pass), its
         * relayed history, which stays (the relay's burst and the ceiling's read come after it).
         */
        private final long history;

        RelayWorkload(HikariDataSource dataSource, Database db, String broker, Options options) throws SQLException {
            this.dataSource = dataSource;
            this.db = db;
            this.broker = broker;
            this.options = options;
            this.history = db.scalar("SELECT coalesce(max(position), 0) FROM integration_outbox");
        }

        /**
         * Empties the outbox (but its history) and fills it with {@code rows} rows (JDBC batches of 1000, untimed),
         * not yet queued for the relay: {@link #relay()} queues them.
         */
        void seed(int rows) throws SQLException {
            if (history == 0) {
                db.execute("TRUNCATE integration_outbox, integration_outbox_queue");
            } else {
                db.execute("DELETE FROM integration_outbox WHERE position > " + history);
                db.execute("TRUNCATE integration_outbox_queue");
            }
            Instant occurred = Instant.parse("2026-12-06T08:00:00.123Z");
            try (Connection connection = db.connect(); PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO integration_outbox (event_id, domain_event_id, topic, message_key, type, source,
                        subject, dataschema, tenant_code, occurred_at, payload)
                    VALUES (?, ?, ?, ?, 'jp.hyoka.assessment.version-published.v1', ?, ?,
                        'https://hyoka.jp/schema/events/assessment-version-published.v1.json', ?, ?, ?::jsonb)""")) {
                connection.setAutoCommit(false);
                for (int row = 0; row < rows; row++) {
                    int key = row % options.keys();
                    MunicipalityCode tenant = ComponentDocuments.municipality(key % MUNICIPALITIES);
                    String assessment = new UUID(0x0190f3c27d0a7b3eL, key).toString();
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, UUID.randomUUID().toString());
                    insert.setString(3, "hyoka.bench.municipality." + tenant.value());
                    insert.setString(4, tenant.value() + ":" + assessment);
                    insert.setString(5, "/hyoka/" + tenant.value());
                    insert.setString(6, "assessments/" + assessment);
                    insert.setString(7, tenant.value());
                    insert.setTimestamp(8, Timestamp.from(occurred.plusMillis(row)));
                    insert.setString(9, payload(row, tenant, assessment));
                    insert.addBatch();
                    if ((row + 1) % 1000 == 0) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
                insert.executeBatch();
                connection.commit();
            }
            db.vacuum();
            seeded = rows;
        }

        /** A version-published payload of about {@code --payload-bytes} UTF-8 bytes: its changes (変更箇所). */
        private String payload(int row, MunicipalityCode tenant, String assessment) {
            StringBuilder json = new StringBuilder(String.format(Locale.ROOT, "{\"tenant\":\"%s\",\"assessmentId\":"
                    + "\"%s\",\"version\":%d,\"publishedOn\":\"2026-12-06\",\"form\":{\"kind\":\"FULL\",\"version\":"
                    + "\"2025\"},\"changes\":[", tenant.value(), assessment, 1 + row / options.keys()));
            for (int change = 0; json.toString().getBytes(StandardCharsets.UTF_8).length < options.payloadBytes() - 100; change++) {
                json.append(change == 0 ? "" : ",").append(String.format(Locale.ROOT, "{\"itemId\":\"file.%d.storage"
                        + ".location\",\"title\":\"保管場所 %d\",\"kind\":\"CHANGED\",\"summary\":\"中間サーバーの設置場所を更新\"}",
                        change, change));
            }
            return json.append("]}").toString();
        }

        /**
         * Queues the seeded rows in one commit and times the product's relay until it has marked the last of them
         * published; rows/s. The first call starts the relay after that commit (its start timed with the drain: the
         * warm-up); later calls find it running, idle, looking for rows every 10 ms.
         */
        double relay() throws Exception {
            long before = running == null ? 0 : running.publishedHere();
            long start;
            try (Connection connection = db.connect(); Statement queue = connection.createStatement()) {
                connection.setAutoCommit(false);
                queue.executeUpdate("INSERT INTO integration_outbox_queue (position) SELECT position "
                        + "FROM integration_outbox WHERE position > " + history);
                start = System.nanoTime();
                connection.commit();
            }
            if (running == null) {
                running = new OutboxRelay(dataSource, new KafkaSettings(broker, options.batchSize(),
                        Duration.ofMillis(10), Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(10)));
                running.start();
            }
            long deadline = start + RELAY_PATIENCE.toNanos();
            while (running.publishedHere() - before < seeded) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the relay published " + (running.publishedHere() - before)
                            + " of " + seeded + " rows in " + RELAY_PATIENCE + " (failures: " + running.failures()
                            + ")");
                }
                Thread.sleep(1);
            }
            long elapsed = System.nanoTime() - start;
            lastPublished = running.publishedHere() - before;
            return seeded / (elapsed / 1e9);
        }

        /** Stops the running relay (it gives its lock up); the command rounds run without it. */
        @Override
        public void close() {
            if (running != null) {
                running.stop();
                running = null;
            }
        }

        int seeded() {
            return seeded;
        }

        long lastPublished() {
            return lastPublished;
        }

        /** The ceiling: the outbox read in position order with a cursor, every column, payloads parsed; rows/s. */
        double readCeiling() throws Exception {
            long checksum = 0;
            int rows = 0;
            long start = System.nanoTime();
            try (Connection connection = db.connect()) {
                connection.setAutoCommit(false);
                try (PreparedStatement select = connection.prepareStatement("SELECT position, event_id, topic, "
                        + "message_key, type, source, subject, dataschema, tenant_code, occurred_at, payload::text "
                        + "FROM integration_outbox WHERE position > " + history + " ORDER BY position")) {
                    select.setFetchSize(FETCH_SIZE);
                    try (ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            checksum += row.getLong(1) + row.getObject(2, UUID.class).hashCode()
                                    + row.getString(3).length() + row.getString(4).length() + row.getString(5).length()
                                    + row.getString(6).length() + row.getString(7).length()
                                    + row.getString(8).length() + row.getString(9).length()
                                    + row.getTimestamp(10).getNanos();
                            JsonNode payload = JSON.readTree(row.getString(11));
                            checksum += payload.size();
                            rows++;
                        }
                    }
                }
                connection.commit();
            }
            long elapsed = System.nanoTime() - start;
            if (rows != seeded || checksum == 0) {
                throw new IllegalStateException("the ceiling read " + rows + " of " + seeded + " rows");
            }
            return rows / (elapsed / 1e9);
        }

        double averagePayloadBytes() throws SQLException {
            return db.scalar("SELECT avg(pg_column_size(payload))::bigint FROM integration_outbox");
        }
    }

    /** The command side: StartAssessment with and without its outbox row; single-row INSERT ceilings. */
    static final class CommandWorkload {
        private final CommandGateway gateway;
        private final AssessmentCommands ids;
        private final SwitchableOutbox outbox;
        private final Database db;
        private final Options options;
        private final List<MunicipalityCode> tenants = new ArrayList<>();
        private final String insertPayload = JdbcBatchCeiling.template(1024);

        CommandWorkload(ApplicationContext context, Database db, Options options) throws SQLException {
            this.gateway = context.getBean(CommandGateway.class);
            this.ids = context.getBean(AssessmentCommands.class);
            this.outbox = context.getBean(SwitchableOutbox.class);
            this.db = db;
            this.options = options;
            Tenants registry = context.getBean(Tenants.class);
            for (int client = 0; client < Math.max(1, options.clients()); client++) {
                MunicipalityCode tenant = ComponentDocuments.municipality(100 + client);
                registry.register(tenant, "連携ベンチ団体 " + tenant.value());
                tenants.add(tenant);
            }
            db.execute("CREATE TABLE IF NOT EXISTS " + Database.SCRATCH
                    + " (id BIGSERIAL PRIMARY KEY, payload JSONB NOT NULL)");
        }

        void warmUp() throws Exception {
            interleaved(true);
            insertLatency(Math.min(100, options.latencyCommands()));
            insertThroughput();
        }

        /** The commands, then the INSERT ceilings; or (ceilingFirst false) the other way round. */
        CommandRound round(boolean ceilingFirst) throws Exception {
            double insertP50 = 0;
            double inserts = 0;
            if (ceilingFirst) {
                insertP50 = insertLatency(options.latencyCommands());
                inserts = insertThroughput();
            }
            Commands[] measured = interleaved(ceilingFirst);
            if (!ceilingFirst) {
                insertP50 = insertLatency(options.latencyCommands());
                inserts = insertThroughput();
            }
            return new CommandRound(measured[0], measured[1], insertP50, inserts);
        }

        /**
         * The commands with and without their outbox row in alternating blocks ({@link #BLOCKS} of each: a share of
         * the 1-client commands, then a burst of the parallel clients), so that both sides see the same background
         * (the read models' processors catching up, the table growing); @return with, without
         */
        private Commands[] interleaved(boolean withFirst) throws Exception {
            List<double[]> millis = List.of(new double[BLOCKS * perBlock(options.latencyCommands())],
                    new double[BLOCKS * perBlock(options.latencyCommands())]);
            long[] nanos = new long[2];
            long[] rows = new long[2];
            int[] blocks = new int[2];
            int burst = perBlock(options.commandsPerClient());
            for (int block = 0; block < 2 * BLOCKS; block++) {
                boolean writing = (block % 2 == 0) == withFirst;
                int side = writing ? 0 : 1;
                outbox.writing(writing);
                long before = outboxRows();
                int offset = blocks[side]++ * perBlock(options.latencyCommands());
                for (int i = 0; i < perBlock(options.latencyCommands()); i++) {
                    long start = System.nanoTime();
                    start(tenants.get(0));
                    millis.get(side)[offset + i] = (System.nanoTime() - start) / 1e6;
                }
                nanos[side] += parallel(burst, client -> start(tenants.get(client)));
                rows[side] += outboxRows() - before;
            }
            outbox.writing(true);
            int sent = BLOCKS * (perBlock(options.latencyCommands()) + options.clients() * burst);
            Commands[] sides = new Commands[2];
            for (int side = 0; side < 2; side++) {
                sides[side] = new Commands(median(millis.get(side)),
                        BLOCKS * options.clients() * burst / (nanos[side] / 1e9), (double) rows[side] / sent);
            }
            return sides;
        }

        private static int perBlock(int total) {
            return Math.max(1, total / BLOCKS);
        }

        private long outboxRows() throws SQLException {
            return db.scalar("SELECT count(*) FROM integration_outbox");
        }

        private void start(MunicipalityCode tenant) {
            gateway.sendAndWait(new StartAssessment(ids.nextAssessmentId(), tenant, FormKind.KEY_ITEMS,
                    "連携ベンチの事務", EDITOR, Instant.now(), ComponentDocuments.KEY_ITEMS_2025.version()));
        }

        private double insertLatency(int count) throws SQLException {
            double[] millis = new double[count];
            try (Connection connection = db.connect(); PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + Database.SCRATCH + " (payload) VALUES (?::jsonb)")) {
                for (int i = 0; i < count; i++) {
                    insert.setString(1, insertPayload.replace("#ROW#", Integer.toString(i)));
                    long start = System.nanoTime();
                    insert.executeUpdate();
                    millis[i] = (System.nanoTime() - start) / 1e6;
                }
            }
            return median(millis);
        }

        private double insertThroughput() throws Exception {
            List<Connection> connections = new ArrayList<>();
            try {
                for (int client = 0; client < options.clients(); client++) {
                    connections.add(db.connect());
                }
                long nanos = parallel(options.commandsPerClient(), client -> {
                    try (PreparedStatement insert = connections.get(client).prepareStatement(
                            "INSERT INTO " + Database.SCRATCH + " (payload) VALUES (?::jsonb)")) {
                        insert.setString(1, insertPayload.replace("#ROW#", Integer.toString(client)));
                        insert.executeUpdate();
                    }
                });
                return options.clients() * options.commandsPerClient() / (nanos / 1e9);
            } finally {
                for (Connection connection : connections) {
                    connection.close();
                }
            }
        }

        interface Call {
            void run(int client) throws Exception;
        }

        /** Nanoseconds {@code --clients} threads take to call {@code call} {@code times} times each. */
        private long parallel(int times, Call call) throws Exception {
            List<Callable<Void>> work = new ArrayList<>();
            for (int client = 0; client < options.clients(); client++) {
                int me = client;
                work.add(() -> {
                    for (int i = 0; i < times; i++) {
                        call.run(me);
                    }
                    return null;
                });
            }
            return JdbcBatchCeiling.timeAll(work);
        }
    }

    static double median(double[] values) {
        return values.length == 0 ? Double.NaN : TwoNodesBenchmark.median(values);
    }
}
