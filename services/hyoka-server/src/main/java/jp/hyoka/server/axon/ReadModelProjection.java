package jp.hyoka.server.axon;

/**
 * A projection fed by the one read-model processor. Features contribute theirs as beans; {@link AxonFactory}
 * registers every one in {@link #order()}, and a rebuild runs fresh copies of the same list ({@link #writingThrough}).
 * Adding a projection adds a bean; neither the Axon configuration nor the rebuild names it.
 */
public interface ReadModelProjection {

    /**
     * The processor's name, stored in the token table: never to be changed. One processor feeds every read model,
     * so all reach a revision in the same transaction and a client never sees a document newer than its history.
     */
    String PROCESSING_GROUP = "assessment-read-models";

    /** Position among the projections (lower sees each event first). */
    int order();

    /** A new instance of the same class writing through {@code connections} (a rebuild's shadow tables). */
    ReadModelProjection writingThrough(AxonConnections connections);
}
