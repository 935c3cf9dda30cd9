package jp.hyoka.server.graphql;

import graphql.schema.DataFetchingEnvironment;
import jp.hyoka.server.security.Caller;

import java.util.Optional;
import java.util.Set;

/**
 * A root query field whose answer follows from one version of what it reads, so that {@link ResponseCache} may keep
 * the answer and serve it again while that version is current. A feature offers one only for the fields beneath it
 * whose values follow from that version alone (or from data fixed for the life of the process: the forms); a field
 * computed from anything else (other tables, other documents, the time, the caller's identity) must not be named,
 * and an operation that selects one is executed every time.
 */
public interface VersionedRoot {

    /** The root field, e.g. {@code assessment}. */
    String field();

    /** Its one argument, naming what it reads (e.g. {@code id}). */
    String idArgument();

    /**
     * Schema coordinates ({@code Type.field}) beneath the root whose values are determined by the version read; every
     * field of an operation must be one of them (or {@code __typename}) for its answer to be kept.
     */
    Set<String> determinedFields();

    /**
     * The current version of what {@code id} names, as {@code caller} may see it (read under its municipality's
     * scope: another municipality's document is not seen); empty when the caller sees none.
     */
    Optional<Version> version(Caller caller, String id);

    /**
     * A version: the revision the root's fetcher reports ({@link #served}), and the row's own version (PostgreSQL's
     * {@code xmin}: any rewrite of the row, a read-model rebuild's included, changes it even at the same revision).
     */
    record Version(long revision, long rowVersion) {
    }

    /** For the root field's fetcher: the revision of what it read and returned (the answer is kept only under it). */
    static void served(DataFetchingEnvironment environment, long revision) {
        environment.getGraphQlContext().put(ResponseCache.SERVED_REVISION, revision);
    }
}
