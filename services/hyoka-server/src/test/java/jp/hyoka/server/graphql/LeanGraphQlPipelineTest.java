package jp.hyoka.server.graphql;

import io.micronaut.context.BeanProvider;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LeanGraphQlPipeline#lean}: any failure while making the lean path, an Error too, turns it off for good, so
 * that Micronaut serves every request and the event loop does not retry at every POST.
 */
class LeanGraphQlPipelineTest {

    @Test
    void givenMakingTheLeanPathThrowsAnError_whenItIsAskedForTwice_thenItIsOffAndMadeOnlyOnce() {
        AtomicInteger attempts = new AtomicInteger();
        BeanProvider<LeanGraphQlPath> failing = () -> {
            attempts.incrementAndGet();
            throw new NoClassDefFoundError("a class missing at run time");
        };
        LeanGraphQlPipeline pipeline = new LeanGraphQlPipeline(failing, "/graphql");

        assertThat(pipeline.lean()).isNull();
        assertThat(pipeline.lean()).isNull();
        assertThat(attempts).hasValue(1);
    }
}
