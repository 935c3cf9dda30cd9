package jp.hyoka.server.database;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.baseline.BaselineJavaMigration;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * A new installation's schema in one step: Flyway's baseline migration at the newest version, whose script is every
 * versioned migration (db/migration/V&lt;n&gt;__*.sql) in order, sent to PostgreSQL as one multi-statement query in one
 * transaction — one round trip and one commit, where applying them one by one costs ~110 statements' round trips,
 * 17 commits and Flyway's bookkeeping per migration (infra/docs/startup.md). An existing database is upgraded by the
 * versioned migrations after its version, as before: Flyway applies a baseline only to an empty schema history. Made
 * of the versioned scripts themselves, so the two paths cannot drift apart (SchemaBaselineIT compares the catalogs).
 */
public final class SchemaBaseline extends BaselineJavaMigration {

    static final String FOLDER = "db/migration/";
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.*\\.sql");

    private final MigrationVersion version;
    private final String script;
    private final int checksum;

    private SchemaBaseline(List<String> files) {
        if (files.isEmpty()) {
            throw new IllegalStateException("no migrations in " + FOLDER);
        }
        this.version = MigrationVersion.fromVersion(Integer.toString(number(files.get(files.size() - 1))));
        StringBuilder text = new StringBuilder();
        files.forEach(file -> text.append(ClasspathFolder.text(FOLDER + file)).append("\n;\n"));
        this.script = text.toString();
        CRC32 crc = new CRC32();
        crc.update(script.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        this.checksum = (int) crc.getValue();
    }

    /** The baseline of the versioned migrations on the class path. */
    static SchemaBaseline ofClasspath() {
        return new SchemaBaseline(ClasspathFolder.files(FOLDER, ".sql").stream()
                .filter(file -> VERSIONED.matcher(file).matches())
                .sorted(Comparator.comparingInt(SchemaBaseline::number)).toList());
    }

    /** Flyway as the server runs it: the versioned migrations, and this baseline for an empty database. */
    public static FluentConfiguration flyway(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:" + FOLDER)
                .javaMigrations(ofClasspath());
    }

    private static int number(String file) {
        Matcher matcher = VERSIONED.matcher(file);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a versioned migration: " + file);
        }
        return Integer.parseInt(matcher.group(1));
    }

    /** The version and description are this baseline's, not its class name's (Flyway's default). */
    @Override
    protected void init() {
    }

    @Override
    public MigrationVersion getVersion() {
        return version;
    }

    @Override
    public String getDescription() {
        return "schema baseline (V1 to V" + version + " in one step)";
    }

    @Override
    public Integer getChecksum() {
        return checksum;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute(script);
        }
    }
}
