package jp.hyoka.server.axon;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

/**
 * Tells Axon that an append failed on PostgreSQL's unique key (SQLState 23505), so that it reports a
 * {@link org.axonframework.modelling.command.ConcurrencyException} instead of a generic store failure.
 *
 * <p>Why: two nodes load an assessment at the same revision and both pass the revision check; the second append
 * then hits the (aggregate, sequence) key. Axon's own resolvers compare vendor error codes or look for
 * {@link java.sql.SQLIntegrityConstraintViolationException}; the PostgreSQL driver gives neither (vendor code 0,
 * a {@code PSQLException} inside a {@link BatchUpdateException}), so the conflict surfaced as an internal error.
 */
public final class DuplicateKeyResolver implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && chainHasUniqueViolation(sql)) {
                return true;
            }
        }
        return false;
    }

    /** A batch's own exception carries the first failing statement's error in its "next" chain. */
    private static boolean chainHasUniqueViolation(SQLException exception) {
        for (SQLException next = exception; next != null; next = next.getNextException()) {
            if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
