package jp.hyoka.server.graphql;

import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.OperationDefinition;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Prices each operation once graphql-java has parsed and validated it and chosen the operation ({@link QueryCost}),
 * and asks the caller's {@link CostBudget} before a single field runs: MAX_COST_EXCEEDED or THROTTLED (with
 * {@code retryAfterSeconds}) refuse the whole operation, nothing is done. The request's {@link Ticket} (in the
 * GraphQL context, put there by the endpoint) carries the price to {@code extensions.cost}.
 */
final class CostLimits extends SimplePerformantInstrumentation {

    static final String KEY = "hyoka.cost";
    static final String MAX_COST_EXCEEDED = "MAX_COST_EXCEEDED";
    static final String THROTTLED = "THROTTLED";

    /** The arguments QueryCost reads the page size and the number of ids from. */
    private static final Set<String> PRICED_ARGUMENTS = Set.of("first", "last", "ids");

    private final CostBudget budget;
    /**
     * What is known of the operations of parsed documents: the requested cost of one whose price no variable can
     * change (none in {@code first}, {@code last}, {@code ids}, no {@code @skip}/{@code @include};
     * DocumentLimits.Passed), priced once, not walked again per request (9 % of a few-field read's worker time,
     * infra/docs/read-path.md); and that the variables can change it, so that such an operation (a paged query with
     * {@code $first}) is priced per request without asking again whether it must be.
     */
    private final PerOperation<Priced> prices = new PerOperation<>();

    /** An operation's price as first computed, and whether it holds for every request ({@code fixed}). */
    private record Priced(int price, boolean fixed) {
    }

    CostLimits(CostBudget budget) {
        this.budget = budget;
    }

    /** One request's cost: whose budget pays, what was requested, whether it ran or when to retry. */
    static final class Ticket {
        private final String budgetKey;
        private volatile int requested;
        private volatile boolean mutation;
        private volatile boolean granted;
        private volatile Integer retryAfterSeconds;

        Ticket(String budgetKey) {
            this.budgetKey = budgetKey;
        }

        /** The operation's requested cost, once priced. */
        int requested() {
            return requested;
        }

        /**
         * For a query whose price is known without graphql-java (a kept answer's, {@link KeptAnswers}): takes it from
         * the budget as {@link CostLimits} would. Not granted (over the maximum, throttled): nothing is taken, the
         * ticket is unchanged, and the request goes on through graphql-java, where CostLimits refuses it as always.
         */
        boolean takeKnownQuery(CostBudget budget, int price) {
            if (!(budget.take(budgetKey, price) instanceof CostBudget.Granted)) {
                return false;
            }
            requested = price;
            mutation = false;
            granted = true;
            return true;
        }

        /** Seconds to wait before the same request fits the budget, if it was THROTTLED. */
        Integer retryAfterSeconds() {
            return retryAfterSeconds;
        }

        /**
         * Settles the budget (what a granted operation did not use goes back) and reports in Shopify's shape:
         * {@code requestedQueryCost}, {@code actualQueryCost} (objects returned; 0 if nothing ran),
         * {@code throttleStatus} (absent when the budget is off).
         */
        Map<String, Object> settle(CostBudget budget, Object data) {
            int actual = granted ? QueryCost.actual(data, mutation) : 0;
            if (granted) {
                budget.settle(budgetKey, requested, actual);
            }
            Map<String, Object> cost = new LinkedHashMap<>();
            cost.put("requestedQueryCost", requested);
            cost.put("actualQueryCost", actual);
            budget.status(budgetKey).ifPresent(status -> cost.put("throttleStatus", status.toSpecification()));
            return cost;
        }
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        Ticket ticket = execution.getGraphQLContext().get(KEY);
        if (ticket == null) {
            return SimpleInstrumentationContext.noOp();
        }
        OperationDefinition operation = execution.getOperationDefinition();
        ticket.mutation = operation.getOperation() == OperationDefinition.Operation.MUTATION;
        ticket.requested = price(execution);
        CostBudget.Decision decision = budget.take(ticket.budgetKey, ticket.requested);
        if (decision instanceof CostBudget.OverMaximum over) {
            throw DocumentLimits.refusal(MAX_COST_EXCEEDED, "The operation costs " + ticket.requested
                    + " points; at most " + over.maximumQueryCost() + " are served at once. Nothing was done; ask "
                    + "for smaller pages (first/last) or in several requests.",
                    Map.of("maximumQueryCost", over.maximumQueryCost()));
        }
        if (decision instanceof CostBudget.Throttled throttled) {
            ticket.retryAfterSeconds = throttled.retryAfterSeconds();
            throw DocumentLimits.refusal(THROTTLED, "The operation costs " + ticket.requested + " points, more "
                    + "than this budget has left; nothing was done. Retry after the time given.",
                    Map.of("retryable", true, "retryAfterSeconds", throttled.retryAfterSeconds()));
        }
        ticket.granted = true;
        return SimpleInstrumentationContext.noOp();
    }

    private int price(ExecutionContext execution) {
        Priced known = prices.get(execution);
        if (known != null && known.fixed()) {
            return known.price();
        }
        int price = QueryCost.requested(execution.getGraphQLSchema(), execution.getDocument(),
                execution.getOperationDefinition().getName(), execution.getCoercedVariables());
        if (known == null) {
            prices.remember(execution, new Priced(price, !DocumentLimits.Passed.dependsOnVariables(
                    execution.getDocument(), execution.getGraphQLSchema(), PRICED_ARGUMENTS)));
        }
        return price;
    }
}
