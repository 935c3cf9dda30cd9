package jp.hyoka.server.search;

import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.Assessment;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.database.Cursors;
import jp.hyoka.server.database.Page;
import jp.hyoka.server.database.PageRequest;
import jp.hyoka.server.database.TenantQueries;
import jp.hyoka.server.database.TenantScopedReads;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The matching answers of the caller's municipality, best first, a page at a time. The matching is V17's
 * {@code hyoka_search_answers} (why a function: see there); the ranking, the keyset and the count are here, read as
 * the municipality's reader like every other query ({@link TenantScopedReads}).
 *
 * <p>Score: 1 for a match in the affair name, plus the share of the text the query's occurrences cover (0 to 1), so
 * affair names come first, then texts that are mostly the query (a system's name) before long texts that mention it
 * once. Ties go by assessment, item and entry path, which makes the order total and the keyset exact.
 */
@Singleton
public class SearchQueries {

    /** One matching answer: where it is, its searchable text and its score. */
    record Hit(UUID assessmentId, String itemId, String entryPath, String text, double score) {

        boolean inAffairName() {
            return Assessment.AFFAIR_NAME.value().equals(itemId);
        }

        String cursor() {
            return score + "|" + assessmentId + "|" + itemId + "|" + entryPath;
        }
    }

    record Hits(Page<Hit> page, long totalCount) {
    }

    private record Position(double score, UUID assessmentId, String itemId, String entryPath) {
    }

    /** Forward (best first, after the cursor) or backward (worst first, before it; turned back by {@link Page#read}). */
    private static final String SQL_TEMPLATE = """
            WITH hits AS MATERIALIZED (
                SELECT m.assessment_id, m.item_id, m.entry_path, m.text,
                       CASE WHEN m.item_id = ? THEN 1.0 ELSE 0.0 END::float8
                       + (length(m.text) - length(replace(lower(m.text), lower(?), '')))::float8
                         / greatest(length(m.text), 1) AS score
                FROM hyoka_search_answers(?) m
            ), page AS (
                SELECT * FROM hits
                WHERE ?::float8 IS NULL OR score %1$s ?::float8
                   OR (score = ?::float8 AND (assessment_id, item_id, entry_path) %2$s (?::uuid, ?::text, ?::text))
                ORDER BY score %3$s, assessment_id %4$s, item_id %4$s, entry_path %4$s
                LIMIT ?
            )
            SELECT page.*, total.count AS total_count
            FROM (SELECT count(*) AS count FROM hits) total LEFT JOIN page ON true
            ORDER BY page.score %3$s, page.assessment_id %4$s, page.item_id %4$s, page.entry_path %4$s""";
    private static final String FORWARD = SQL_TEMPLATE.formatted("<", ">", "DESC", "ASC");
    private static final String BACKWARD = SQL_TEMPLATE.formatted(">", "<", "ASC", "DESC");

    private final TenantQueries queries;

    public SearchQueries(TenantScopedReads reads) {
        this.queries = new TenantQueries(reads);
    }

    /**
     * @param page first/after (a cursor of a previous page, or null for the first page) or last/before (null: the
     *             last page)
     * @throws IllegalArgumentException when the cursor is not one of searchAssessments
     */
    Hits search(MunicipalityCode tenant, SearchQuery query, PageRequest page) {
        int first = page.size();
        Optional<Position> position = Optional.ofNullable(page.cursor()).map(SearchQueries::position);
        long[] total = {0};
        List<Optional<Hit>> rows = queries.query(tenant, page.backward() ? BACKWARD : FORWARD, statement -> {
            statement.setString(1, Assessment.AFFAIR_NAME.value());
            statement.setString(2, query.text());
            statement.setString(3, query.containsPattern());
            Double score = position.map(Position::score).orElse(null);
            statement.setObject(4, score);
            statement.setObject(5, score);
            statement.setObject(6, score);
            statement.setObject(7, position.map(Position::assessmentId).orElse(null));
            statement.setString(8, position.map(Position::itemId).orElse(null));
            statement.setString(9, position.map(Position::entryPath).orElse(null));
            statement.setInt(10, first + 1);
        }, row -> {
            total[0] = row.getLong("total_count");
            String itemId = row.getString("item_id");
            return itemId == null ? Optional.empty() : Optional.of(new Hit(row.getObject("assessment_id", UUID.class),
                    itemId, row.getString("entry_path"), row.getString("text"), row.getDouble("score")));
        });
        List<Hit> hits = rows.stream().flatMap(Optional::stream).toList();
        return new Hits(Page.read(hits, page, Hit::cursor), total[0]);
    }

    private static Position position(String cursor) {
        String[] parts = Cursors.decode(cursor).orElse("").split("\\|", 4);
        try {
            if (parts.length == 4) {
                double score = Double.parseDouble(parts[0]);
                if (Double.isFinite(score)) {
                    return new Position(score, UUID.fromString(parts[1]), parts[2], parts[3]);
                }
            }
        } catch (IllegalArgumentException e) {
            // NumberFormatException included: reported below as every other unreadable cursor
        }
        throw new IllegalArgumentException("after/before is not a cursor of searchAssessments.");
    }
}
