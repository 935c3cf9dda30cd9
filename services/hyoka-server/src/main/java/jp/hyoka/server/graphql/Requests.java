package jp.hyoka.server.graphql;

import graphql.schema.DataFetchingEnvironment;
import jp.hyoka.server.database.PageRequest;
import jp.hyoka.server.security.Caller;
import jp.hyoka.server.security.CallerResolver;
import jp.hyoka.server.security.PlatformOperator;

import java.util.Set;

/** Per-request facts every fetcher needs: who is calling (roles are checked by the schema's @access). */
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

    /** The roles of whoever calls: a municipality's caller's token roles, or the platform operator's role. */
    public static Set<String> roles(DataFetchingEnvironment environment) {
        CallerResolver.Resolution resolution = resolution(environment);
        if (resolution.asPlatformOperator().isPresent()) {
            return Set.of(PlatformOperator.ROLE);
        }
        return resolution.asCaller().map(Caller::roles)
                .orElseThrow(() -> new ApiException(ApiException.UNAUTHENTICATED, resolution.problem()));
    }

    /** Either kind of signed-in caller, for the few fields both may use (me). */
    static CallerResolver.Resolution signedIn(DataFetchingEnvironment environment) {
        CallerResolver.Resolution resolution = resolution(environment);
        if (resolution.asCaller().isEmpty() && resolution.asPlatformOperator().isEmpty()) {
            throw new ApiException(ApiException.UNAUTHENTICATED, resolution.problem());
        }
        return resolution;
    }

    private static CallerResolver.Resolution resolution(DataFetchingEnvironment environment) {
        CallerResolver.Resolution resolution = environment.getGraphQlContext().get(CallerContext.KEY);
        return resolution == null ? CallerResolver.Resolution.refused("Not signed in.") : resolution;
    }

    /**
     * The page a connection field asks for (Relay cursor spec): {@code first}/{@code after} forward or
     * {@code last}/{@code before} backward, {@code defaultSize} rows when neither size is given; mixing the
     * directions or a size outside 1..100 is BAD_USER_INPUT.
     */
    public static PageRequest page(DataFetchingEnvironment environment, int defaultSize) {
        Integer first = environment.getArgument("first");
        Integer last = environment.getArgument("last");
        String after = environment.getArgument("after");
        String before = environment.getArgument("before");
        boolean backward = last != null || before != null;
        if (backward && (first != null || after != null)) {
            throw new ApiException(ApiException.BAD_USER_INPUT,
                    "Page forward (first, after) or backward (last, before), not both.");
        }
        Integer size = backward ? last : first;
        int checked = size == null ? defaultSize : size;
        if (checked < 1 || checked > MAX_PAGE_SIZE) {
            throw new ApiException(ApiException.BAD_USER_INPUT,
                    (backward ? "last" : "first") + " must be between 1 and " + MAX_PAGE_SIZE + ".");
        }
        return new PageRequest(checked, backward ? before : after, backward);
    }

    public static int pageSize(DataFetchingEnvironment environment) {
        Integer first = environment.getArgument("first");
        if (first == null || first < 1 || first > MAX_PAGE_SIZE) {
            throw new ApiException(ApiException.BAD_USER_INPUT, "first must be between 1 and " + MAX_PAGE_SIZE + ".");
        }
        return first;
    }
}
