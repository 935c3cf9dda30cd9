package jp.hyoka.server.rebuild;

/** The rebuild's GraphQL operations as the rebuild ITs send them (schema/graphql/rebuild.graphqls). */
final class RebuildOperations {

    static final String STATUS_FIELDS = "processor state switchOver tables eventsProcessed position "
            + "headPosition percent startedAt caughtUpAt switchedAt pauseMillis error";
    static final String RESULT = "{ __typename ... on RebuildStatus { " + STATUS_FIELDS + " } "
            + "... on Problem { code message } }";
    static final String REBUILD = "mutation($switchOver: SwitchOver) { rebuildReadModels(switchOver: "
            + "$switchOver) " + RESULT + " }";
    static final String SWITCH = "mutation { switchReadModels " + RESULT + " }";
    static final String STATUS = "{ readModelRebuild { " + STATUS_FIELDS + " } }";

    private RebuildOperations() {
    }
}
