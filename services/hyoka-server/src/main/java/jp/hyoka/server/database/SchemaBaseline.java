package jp.hyoka.server.database;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.baseline.BaselineJavaMigration;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
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
 * <p>
 * There is one baseline per version (B&lt;n&gt; = V1 … V&lt;n&gt;), not only the newest: Flyway matches an applied
 * baseline by its version, so a database made by B17 must still find a B17 once a V18 exists, or it would refuse to
 * start ("applied migration not resolved locally"); Flyway applies the newest to an empty database. Versions are whole
 * numbers: a dotted one (V18.1) would sort below a later baseline and never run on new databases, so it is refused.
 */
public final class SchemaBaseline extends BaselineJavaMigration {

    static final String FOLDER = "db/migration/";
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.*\\.sql");

    private final MigrationVersion version;
    private final String script;
    private final int checksum;

    private SchemaBaseline(int version, List<String> scripts) {
        this.version = MigrationVersion.fromVersion(Integer.toString(version));
        StringBuilder text = new StringBuilder();
        scripts.forEach(script -> text.append(script).append("\n;\n"));
        this.script = text.toString();
        CRC32 crc = new CRC32();
        crc.update(script.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        this.checksum = (int) crc.getValue();
    }

    /** A baseline per versioned migration on the class path: B&lt;n&gt; is V1 to V&lt;n&gt;. */
    static List<SchemaBaseline> ofClasspath() {
        List<String> files = ClasspathFolder.files(FOLDER, ".sql").stream().filter(file -> file.startsWith("V"))
                .sorted(Comparator.comparingInt(SchemaBaseline::number)).toList();
        if (files.isEmpty()) {
            throw new IllegalStateException("no migrations in " + FOLDER);
        }
        return upTo(files, files.size());
    }

    /** The newest schema version this build migrates to: the highest {@code V<n>} on its class path. */
    public static int newestVersion() {
        return ClasspathFolder.files(FOLDER, ".sql").stream().filter(file -> file.startsWith("V"))
                .mapToInt(SchemaBaseline::number).max()
                .orElseThrow(() -> new IllegalStateException("no migrations in " + FOLDER));
    }

    /** The baselines of the first {@code count} versioned files (sorted by version). */
    static List<SchemaBaseline> upTo(List<String> files, int count) {
        List<String> scripts = files.subList(0, count).stream().map(file -> ClasspathFolder.text(FOLDER + file))
                .toList();
        List<SchemaBaseline> baselines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            baselines.add(new SchemaBaseline(number(files.get(i)), scripts.subList(0, i + 1)));
        }
        return baselines;
    }

    /** Flyway as the server runs it: the versioned migrations, and the newest baseline for an empty database. */
    public static FluentConfiguration flyway(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:" + FOLDER)
                .javaMigrations(ofClasspath().toArray(new SchemaBaseline[0]));
    }

    static int number(String file) {
        Matcher matcher = VERSIONED.matcher(file);
        if (!matcher.matches()) {
            throw new IllegalStateException("not a whole-number versioned migration (V<n>__name.sql): " + file
                    + " — the schema baseline needs whole versions");
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
