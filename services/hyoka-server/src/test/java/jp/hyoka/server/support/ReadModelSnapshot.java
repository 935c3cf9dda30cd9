package jp.hyoka.server.support;

import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.database.TenantScopedReads;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * What the read-model tables hold and how the catalog describes them, for comparing before and after a rebuild:
 * every row with all its columns (as PostgreSQL prints the row), ordered; and per table its columns, constraints,
 * indexes, triggers, owner, grants, row-level security and policies, under their names.
 */
public final class ReadModelSnapshot {

    private ReadModelSnapshot() {
    }

    /** Table → its rows, each printed whole ({@code (141305,…)}), in order. */
    public static Map<String, List<String>> rows(DataSource dataSource, List<String> tables) throws SQLException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : tables) {
                rows.put(table, strings(statement, "SELECT t::text FROM public." + table + " t ORDER BY 1"));
            }
        }
        return rows;
    }

    /** Table → the catalog's description of it. */
    public static Map<String, List<String>> catalog(DataSource dataSource, List<String> tables) throws SQLException {
        Map<String, List<String>> catalog = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            for (String table : tables) {
                List<String> facts = new ArrayList<>();
                for (String sql : List.of("""
                        SELECT 'column ' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                               || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
                               || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
                        FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                        WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum""", """
                        SELECT 'constraint ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
                        WHERE conrelid = ?::regclass ORDER BY 1""", """
                        SELECT 'index ' || pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid = ?::regclass
                        ORDER BY 1""", """
                        SELECT 'trigger ' || pg_get_triggerdef(oid) FROM pg_trigger
                        WHERE tgrelid = ?::regclass AND NOT tgisinternal ORDER BY 1""", """
                        SELECT 'table owner ' || pg_get_userbyid(relowner) || ' rls ' || relrowsecurity
                               || ' forced ' || relforcerowsecurity FROM pg_class WHERE oid = ?::regclass""", """
                        SELECT 'grant ' || grantee || ' ' || privilege_type || ' ' || is_grantable
                        FROM information_schema.role_table_grants
                        WHERE table_schema || '.' || table_name = ? ORDER BY 1""", """
                        SELECT 'policy ' || policyname || ' ' || permissive || ' ' || cmd || ' ' || roles::text
                               || ' using ' || coalesce(qual, '-') || ' check ' || coalesce(with_check, '-')
                        FROM pg_policies WHERE schemaname || '.' || tablename = ? ORDER BY 1""")) {
                    try (PreparedStatement select = connection.prepareStatement(sql)) {
                        select.setString(1, "public." + table);
                        try (ResultSet result = select.executeQuery()) {
                            while (result.next()) {
                                facts.add(result.getString(1));
                            }
                        }
                    }
                }
                catalog.put(table, facts);
            }
        }
        return catalog;
    }

    /** Every rm_* table in public, sorted. */
    public static List<String> readModelTables(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            return strings(statement, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                    + "AND tablename LIKE 'rm\\_%' ORDER BY 1");
        }
    }

    /** The municipalities whose rows a read scoped to {@code tenant} sees in {@code table}, with no filter of its own. */
    public static Set<String> tenantsSeen(TenantScopedReads reads, MunicipalityCode tenant, String table) {
        return reads.read(tenant, connection -> {
            Set<String> tenants = new HashSet<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT DISTINCT tenant_code FROM " + table);
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    tenants.add(rows.getString(1));
                }
            }
            return tenants;
        });
    }

    public static long count(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static List<String> strings(Statement statement, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
