package jp.hyoka.server.graphql;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.micronaut.security.config.SecurityConfiguration;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LeanGraphQlHandler}'s connection handling, on Netty's embedded channel: the lean path behind it answers when
 * the test says ({@link Path}), so that what the handler does between a request and its answer can be seen.
 */
class LeanGraphQlHandlerTest {

    private static final byte[] BODY = "{\"query\":\"{ me { userId } }\"}".getBytes(StandardCharsets.UTF_8);

    private final Path path = new Path();
    private final EmbeddedChannel channel = new EmbeddedChannel(new LeanGraphQlHandler("/graphql", () -> path));

    @AfterEach
    void finish() {
        channel.finishAndReleaseAll();
    }

    /** A lean path that serves every POST /graphql and answers each when {@link #answer} is called. */
    private static final class Path extends LeanGraphQlPath {
        final ArrayDeque<CompletableFuture<MutableHttpResponse<byte[]>>> pending = new ArrayDeque<>();
        int served;
        Throwable failWith;
        /** The path's own 500 fails too (a defect in building the answer). */
        boolean failedToo;

        Path() {
            this(new HttpServerConfiguration());
        }

        Path(HttpServerConfiguration server) {
            super(null, null, server, null, new LeanGraphQlChecks(null, null) {
                @Override
                boolean webMetricsFilter(String path) {
                    return false;
                }

                @Override
                Optional<String> refusal(HttpServerConfiguration server, SecurityConfiguration security, String p) {
                    return Optional.empty();
                }
            }, Optional.empty(), Optional.empty(), "/graphql", true);
        }

        @Override
        Accepted accept(HttpRequest head) {
            return new Accepted(head, null, BODY.length, System.nanoTime());
        }

        @Override
        MutableHttpResponse<byte[]> failed(Throwable failure) {
            if (failedToo) {
                throw new IllegalStateException("a defect building the 500");
            }
            return super.failed(failure);
        }

        @Override
        CompletableFuture<MutableHttpResponse<byte[]>> serve(Accepted request, byte[] body) {
            served++;
            if (failWith instanceof Error error) {
                throw error;
            }
            CompletableFuture<MutableHttpResponse<byte[]>> answer = new CompletableFuture<>();
            pending.add(answer);
            return answer;
        }

        void answer() {
            answer(HttpResponse.ok("{\"data\":{}}".getBytes(StandardCharsets.UTF_8)));
        }

        void answer(MutableHttpResponse<byte[]> response) {
            pending.poll().complete(response);
        }
    }

    private static HttpRequest head() {
        HttpRequest head = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/graphql");
        head.headers().set(HttpHeaderNames.CONTENT_LENGTH, BODY.length);
        return head;
    }

    private static LastHttpContent body() {
        return new DefaultLastHttpContent(Unpooled.wrappedBuffer(BODY));
    }

    private void sendLeanRequest() {
        channel.writeInbound(head(), body());
    }

    private FullHttpResponse written() {
        channel.runPendingTasks();
        return channel.readOutbound();
    }

    @Test
    void givenAResponseLeavingTheChannelUnwritable_whenMoreRequestsArrive_thenNoneIsServedUntilItDrains() {
        sendLeanRequest();
        channel.unsafe().outboundBuffer().setUserDefinedWritability(1, false);
        path.answer();
        assertThat(written().status()).isEqualTo(HttpResponseStatus.OK);

        sendLeanRequest();
        assertThat(path.served).as("served while the channel is full").isEqualTo(1);

        channel.unsafe().outboundBuffer().setUserDefinedWritability(1, true);
        channel.runPendingTasks();
        assertThat(path.served).as("served once it drained").isEqualTo(2);
    }

    @Test
    void givenMicronautAnsweredConnectionClose_whenALeanRequestFollowsBeforeTheClose_thenItIsNeitherServedNorPassedOn() {
        channel.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/other"));
        assertThat((Object) channel.readInbound()).as("handed to Micronaut").isNotNull();
        FullHttpResponse closing = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        closing.headers().set(HttpHeaderNames.CONNECTION, "close");
        channel.writeOutbound(closing);
        channel.<FullHttpResponse>readOutbound().release();

        LastHttpContent body = body();
        channel.writeInbound(head(), body);

        assertThat(path.served).isZero();
        assertThat((Object) channel.readInbound()).isNull();
        assertThat(body.refCnt()).isZero();
    }

    @Test
    void givenALeanResponseSayingClose_whenARequestWasPipelinedBehindIt_thenItIsNeverServed() {
        sendLeanRequest();
        channel.close();                                   // graceful shutdown's close, held for the answer
        assertThat(channel.isOpen()).isTrue();
        sendLeanRequest();                                 // pipelined behind
        path.answer();
        FullHttpResponse answer = written();
        assertThat(answer.headers().get(HttpHeaderNames.CONNECTION)).isEqualTo("close");
        assertThat(path.served).isEqualTo(1);
    }

    @Test
    void givenAClose_whenARequestsBodyIsStillArriving_thenItWaitsForTheBodyAndTheAnswerWhichSaysClose() {
        channel.writeInbound(head());
        channel.close();
        assertThat(channel.isOpen()).as("the close waits for the body").isTrue();

        channel.writeInbound(body());
        assertThat(path.served).isEqualTo(1);
        path.answer();
        FullHttpResponse answer = written();

        assertThat(answer.status()).isEqualTo(HttpResponseStatus.OK);
        assertThat(answer.headers().get(HttpHeaderNames.CONNECTION)).isEqualTo("close");
        channel.runPendingTasks();
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void givenTheLeanPathThrowsAnError_whenServing_thenTheEndpointsInternal500AndTheConnectionServesOn() {
        path.failWith = new AssertionError("a defect");
        sendLeanRequest();
        FullHttpResponse failed = written();
        assertThat(failed.status()).isEqualTo(HttpResponseStatus.INTERNAL_SERVER_ERROR);
        assertThat(failed.content().toString(StandardCharsets.UTF_8)).contains("INTERNAL");
        assertThat(failed.headers().contains(HttpHeaderNames.CONNECTION)).isFalse();
        assertThat(channel.isOpen()).isTrue();

        path.failWith = null;
        sendLeanRequest();
        path.answer();
        assertThat(written().status()).isEqualTo(HttpResponseStatus.OK);
    }

    @Test
    void givenABodyShorterThanItsContentLength_whenItEnds_thenNothingServedAndTheConnectionCloses() {
        channel.writeInbound(head(), new DefaultLastHttpContent(Unpooled.wrappedBuffer(BODY, 0, BODY.length - 3)));
        assertThat(path.served).isZero();
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void givenKeepAliveOnServerErrorOff_whenTheEndpointAnswers503_thenTheAnswerSaysCloseAndTheConnectionCloses() {
        NettyHttpServerConfiguration server = new NettyHttpServerConfiguration();
        server.setKeepAliveOnServerError(false);
        Path closingPath = new Path(server);
        EmbeddedChannel closingChannel = new EmbeddedChannel(new LeanGraphQlHandler("/graphql", () -> closingPath));
        try {
            closingChannel.writeInbound(head(), body());
            closingPath.answer(HttpResponse.<byte[]>status(HttpStatus.SERVICE_UNAVAILABLE).body(new byte[0]));
            closingChannel.runPendingTasks();
            FullHttpResponse answer = closingChannel.readOutbound();

            assertThat(answer.status()).isEqualTo(HttpResponseStatus.SERVICE_UNAVAILABLE);
            assertThat(answer.headers().get(HttpHeaderNames.CONNECTION)).isEqualTo("close");
            assertThat(closingChannel.isOpen()).isFalse();
            answer.release();
        } finally {
            closingChannel.finishAndReleaseAll();
        }
    }

    @Test
    void givenKeepAliveOnServerErrorAsByDefault_whenTheEndpointAnswers503_thenTheConnectionServesOn() {
        sendLeanRequest();
        path.answer(HttpResponse.<byte[]>status(HttpStatus.SERVICE_UNAVAILABLE).body(new byte[0]));
        FullHttpResponse answer = written();
        assertThat(answer.status()).isEqualTo(HttpResponseStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.headers().contains(HttpHeaderNames.CONNECTION)).isFalse();
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void givenAnAnswerThatCannotBeWritten_whenItCompletes_thenTheConnectionClosesAndNothingBehindItIsServed() {
        sendLeanRequest();
        sendLeanRequest();                                 // pipelined behind
        path.failedToo = true;
        path.pending.poll().complete(null);                // neither an answer nor a failure: the path's 500, which fails
        channel.runPendingTasks();

        assertThat(path.served).isEqualTo(1);
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void givenAHeldClose_whenTheClientGoesFirst_thenTheClosesPromiseIsDone() {
        sendLeanRequest();
        io.netty.channel.ChannelFuture closed = channel.close();
        assertThat(closed.isDone()).as("held for the answer").isFalse();

        channel.unsafe().close(channel.voidPromise());     // the transport's own close: the peer went away
        channel.runPendingTasks();

        assertThat(closed.isSuccess()).isTrue();
    }
}
