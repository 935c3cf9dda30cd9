package jp.hyoka.server.graphql;

import graphql.schema.DataFetchingEnvironment;
import jp.hyoka.server.security.Caller;
import jp.hyoka.server.security.CallerResolver;

/** Per-request facts every fetcher needs: who is calling (roles are checked by the schema's @access). */
public final class Requests {

    public static final int MAX_PAGE_SIZE = 100;

    private Requests() {
    }

    public static Caller caller(DataFetchingEnvironment environment) {
        CallerResolver.Resolution resolution = environment.getGraphQlContext().get(CallerContext.KEY);
        if (resolution == null) {
            throw new ApiException(ApiException.UNAUTHENTICATED, "Not signed in.");
        }
        return resolution.asCaller()
                .orElseThrow(() -> new ApiException(ApiException.UNAUTHENTICATED, resolution.problem()));
    }

    public static int pageSize(DataFetchingEnvironment environment) {
        Integer first = environment.getArgument("first");
        if (first == null || first < 1 || first > MAX_PAGE_SIZE) {
            throw new ApiException(ApiException.BAD_USER_INPUT, "first must be between 1 and " + MAX_PAGE_SIZE + ".");
        }
        return first;
    }
}
