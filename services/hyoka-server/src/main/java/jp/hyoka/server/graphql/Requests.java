package jp.hyoka.server.graphql;

import graphql.schema.DataFetchingEnvironment;
import jp.hyoka.server.security.Caller;
import jp.hyoka.server.security.CallerResolver;
import jp.hyoka.server.security.PlatformOperator;

/** Per-request facts every fetcher needs: who is calling, and whether they may do this. */
public final class Requests {

    public static final int MAX_PAGE_SIZE = 100;

    private Requests() {
    }

    /** The caller acting for a municipality; everything that reads or changes a municipality's data starts here. */
    public static Caller caller(DataFetchingEnvironment environment) {
        CallerResolver.Resolution resolution = resolution(environment);
        if (resolution.asPlatformOperator().isPresent()) {
            throw new ApiException(ApiException.FORBIDDEN,
                    "A platform operator acts for no municipality; municipalities' data is out of reach.");
        }
        return resolution.asCaller()
                .orElseThrow(() -> new ApiException(ApiException.UNAUTHENTICATED, resolution.problem()));
    }

    /** The platform operator; operations on the installation itself (not on a municipality's data) start here. */
    public static PlatformOperator platformOperator(DataFetchingEnvironment environment) {
        CallerResolver.Resolution resolution = resolution(environment);
        if (resolution.asCaller().isPresent()) {
            throw new ApiException(ApiException.FORBIDDEN, "This needs the role '" + PlatformOperator.ROLE + "'.");
        }
        return resolution.asPlatformOperator()
                .orElseThrow(() -> new ApiException(ApiException.UNAUTHENTICATED, resolution.problem()));
    }

    private static CallerResolver.Resolution resolution(DataFetchingEnvironment environment) {
        CallerResolver.Resolution resolution = environment.getGraphQlContext().get(CallerContext.KEY);
        return resolution == null ? CallerResolver.Resolution.refused("Not signed in.") : resolution;
    }

    public static Caller callerWithRole(DataFetchingEnvironment environment, String role) {
        Caller caller = caller(environment);
        if (!caller.hasRole(role)) {
            throw new ApiException(ApiException.FORBIDDEN, "This needs the role '" + role + "'.");
        }
        return caller;
    }

    public static int pageSize(DataFetchingEnvironment environment) {
        Integer first = environment.getArgument("first");
        if (first == null || first < 1 || first > MAX_PAGE_SIZE) {
            throw new ApiException(ApiException.BAD_USER_INPUT, "first must be between 1 and " + MAX_PAGE_SIZE + ".");
        }
        return first;
    }
}
