package jp.hyoka.server.graphql;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a {@link LeanGraphQlHandler} into every HTTP/1 connection's pipeline, right in front of Micronaut's own inbound
 * handler (after the HTTP codec), through Micronaut's pipeline customisation. The lean path itself
 * ({@link LeanGraphQlPath}) is made at the first {@code POST} to the GraphQL path, not here (this listener runs while
 * the HTTP server bean is being created) nor at the first connection (a server's first page, row 9's first 200, must
 * not wait for it); if it turns out off, the handlers hand everything to Micronaut.
 */
@Singleton
class LeanGraphQlPipeline implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    static final String HANDLER = "hyoka-lean-graphql";
    private static final Logger LOG = LoggerFactory.getLogger(LeanGraphQlPipeline.class);

    private final BeanProvider<LeanGraphQlPath> path;
    private final String graphQlPath;
    /** The lean path once looked up; {@link #OFF} when it is off or could not be made (then Micronaut serves all). */
    private volatile Object lean;
    private static final Object OFF = new Object();

    LeanGraphQlPipeline(BeanProvider<LeanGraphQlPath> path, @Value("${graphql.path:/graphql}") String graphQlPath) {
        this.path = path;
        this.graphQlPath = graphQlPath;
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(null));
        return event.getBean();
    }

    /** The lean path, made at the first request for the GraphQL path (not at start-up, nor for other paths). */
    LeanGraphQlPath lean() {
        Object known = lean;
        if (known == null) {
            try {
                LeanGraphQlPath made = path.get();
                known = made.enabled() ? made : OFF;
            } catch (Throwable e) {
                // Any failure, an Error too (a class missing, a static initialiser failing): made once, never retried
                // on the event loop at every POST, and Micronaut serves as if the lean path did not exist.
                LOG.error("The lean path for POST /graphql could not be made; Micronaut's routing serves every request",
                        e);
                known = OFF;
            }
            lean = known;
        }
        return known == OFF ? null : (LeanGraphQlPath) known;
    }

    private final class Customizer implements NettyServerCustomizer {
        private final Channel channel;

        Customizer(Channel channel) {
            this.channel = channel;
        }

        @Override
        public NettyServerCustomizer specializeForChannel(Channel connection, ChannelRole role) {
            return role == ChannelRole.CONNECTION ? new Customizer(connection) : this;
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel == null) {
                return;
            }
            ChannelPipeline pipeline = channel.pipeline();
            // HTTP/1 only: an HTTP/2 or HTTP/3 stream pipeline has no HTTP/1 codec; those requests stay Micronaut's.
            if (pipeline.get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) == null
                    || pipeline.get(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND) == null) {
                return;
            }
            if (lean != OFF) {
                pipeline.addBefore(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND, HANDLER,
                        new LeanGraphQlHandler(graphQlPath, LeanGraphQlPipeline.this::lean));
            }
        }
    }
}
