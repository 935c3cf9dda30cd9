package jp.hyoka.server.graphql;

import graphql.GraphQL;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import static graphql.Scalars.GraphQLString;
import static graphql.schema.GraphQLFieldDefinition.newFieldDefinition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The schema built beside the start: waited for before the port opens, its failure the start's. */
class SchemaBuildTest {

    @Test
    void givenABuildStillRunning_whenTheStartAwaitsIt_thenItReturnsOnlyOnceTheSchemaIsBuilt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        SchemaBuild build = SchemaBuild.start(() -> {
            await(release);
            return tinyGraphQl();
        });
        Thread waiter = new Thread(build::awaitFinished);
        waiter.start();

        waiter.join(200);
        assertThat(waiter.isAlive()).as("waits while the build runs").isTrue();

        release.countDown();
        waiter.join(Duration.ofSeconds(10).toMillis());
        assertThat(waiter.isAlive()).isFalse();
        assertThat(build.graphQL().getGraphQLSchema().getQueryType().getName()).isEqualTo("Query");
    }

    @Test
    void givenABuildThatFails_whenTheStartAwaitsIt_thenItGetsTheBuildsError() {
        SchemaBuild build = SchemaBuild.start(() -> {
            throw new IllegalStateException("FieldAccess missing on Query.secret");
        });

        assertThatThrownBy(build::awaitFinished).isInstanceOf(IllegalStateException.class)
                .hasMessage("FieldAccess missing on Query.secret");
        assertThatThrownBy(build::graphQL).hasMessage("FieldAccess missing on Query.secret");
    }

    @Test
    void givenAnErrorInTheBuild_whenTheStartAwaitsIt_thenTheErrorReachesItInsteadOfAWaitForever() {
        SchemaBuild build = SchemaBuild.start(() -> {
            throw new StackOverflowError("deep schema");
        });

        assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThatThrownBy(build::awaitFinished).isInstanceOf(StackOverflowError.class));
    }

    @Test
    void givenABuildThatNeverEnds_whenTheStartWaitsPastItsLimit_thenTheStartFailsWithTheBuildThreadsStack() {
        CountDownLatch never = new CountDownLatch(1);
        SchemaBuild build = SchemaBuild.start(() -> {
            await(never);
            return tinyGraphQl();
        });

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(
                () -> build.awaitFinished(Duration.ofMillis(200)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has not finished after PT0.2S")
                .cause().hasMessageContaining("hyoka-schema-build")
                .satisfies(cause -> assertThat(cause.getStackTrace()).anyMatch(
                        frame -> frame.getClassName().equals(CountDownLatch.class.getName()))));
        never.countDown();
    }

    private static GraphQL tinyGraphQl() {
        return GraphQL.newGraphQL(GraphQLSchema.newSchema().query(GraphQLObjectType.newObject().name("Query")
                .field(newFieldDefinition().name("hello").type(GraphQLString))).build()).build();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
