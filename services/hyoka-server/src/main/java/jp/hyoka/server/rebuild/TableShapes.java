package jp.hyoka.server.rebuild;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How the catalog describes the read-model tables of one schema, compared before a switch: each column with its type,
 * nullability and default or generation expression, and the names of the table's constraints, indexes, triggers and
 * policies. A copy is made like the live table at the rebuild's start ({@link ShadowSchema}); a migration that changes
 * the live table afterwards (a newer node's, during a rolling upgrade) would be lost by the swap, so the switch
 * compares the two first ({@link ShadowSchema#swapIn}). Names only: what a migration changes under a name the copy
 * also has is caught by Flyway's history ({@link Migrations}), which the switch checks as well.
 */
final class TableShapes {

    /** One row per fact, each starting with its kind; names quoted as SQL quotes them. */
    private static final String FACTS = """
            SELECT c.relname, 'column ' || quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod)
                   || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
                   || coalesce(CASE WHEN a.attgenerated = 's' THEN ' generated always as ' ELSE ' default ' END
                               || pg_get_expr(d.adbin, d.adrelid), '')
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                 LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE n.nspname = ? AND c.relname::text = ANY (?) AND a.attnum > 0 AND NOT a.attisdropped
            UNION ALL
            SELECT c.relname, 'constraint ' || quote_ident(k.conname)
            FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ? AND c.relname::text = ANY (?)
            UNION ALL
            SELECT c.relname, 'index ' || quote_ident(i.relname)
            FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid
                 JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ? AND c.relname::text = ANY (?)
            UNION ALL
            SELECT c.relname, 'trigger ' || quote_ident(t.tgname)
            FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ? AND c.relname::text = ANY (?) AND NOT t.tgisinternal
            UNION ALL
            SELECT c.relname, 'policy ' || quote_ident(p.polname)
            FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ? AND c.relname::text = ANY (?)""";

    private TableShapes() {
    }

    /** Table → its facts, for the {@code tables} of {@code schema} (a table that is not there has none). */
    static Map<String, Set<String>> of(Connection connection, String schema, List<String> tables)
            throws SQLException {
        Map<String, Set<String>> shapes = new TreeMap<>();
        tables.forEach(table -> shapes.put(table, new TreeSet<>()));
        try (PreparedStatement select = connection.prepareStatement(FACTS)) {
            for (int kind = 0; kind < 5; kind++) {
                select.setString(2 * kind + 1, schema);
                select.setArray(2 * kind + 2, connection.createArrayOf("text", tables.toArray()));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    shapes.get(rows.getString(1)).add(rows.getString(2));
                }
            }
        }
        return shapes;
    }

    /**
     * What the live tables have that their copies lack and the other way round, one line per fact, table by table
     * ({@code rm_answer: live has column reviewed_by text, the copy does not}); empty when they match.
     */
    static List<String> differences(Map<String, Set<String>> live, Map<String, Set<String>> copies) {
        List<String> differences = new ArrayList<>();
        live.forEach((table, facts) -> {
            Set<String> copy = copies.getOrDefault(table, Set.of());
            if (copy.isEmpty() && !facts.isEmpty()) {
                differences.add(table + ": the copy is missing");
                return;
            }
            facts.stream().filter(fact -> !copy.contains(fact))
                    .forEach(fact -> differences.add(table + ": live has " + fact + ", the copy does not"));
            copy.stream().filter(fact -> !facts.contains(fact))
                    .forEach(fact -> differences.add(table + ": the copy has " + fact + ", live does not"));
        });
        return differences;
    }
}
