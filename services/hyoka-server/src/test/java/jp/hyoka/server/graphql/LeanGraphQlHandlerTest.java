package jp.hyoka.server.graphql;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.micronaut.security.config.SecurityConfiguration;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpContent;
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
import io.netty.handler.timeout.IdleStateEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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
        byte[] lastBody;
        Throwable failWith;
        /** A defect in taking a head. */
        RuntimeException acceptFails;
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
            if (acceptFails != null) {
                throw acceptFails;
            }
            return new Accepted(head, null, head.headers().getInt(HttpHeaderNames.CONTENT_LENGTH), System.nanoTime());
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
            lastBody = body;
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
        return head(BODY.length);
    }

    private static HttpRequest head(int contentLength) {
        HttpRequest head = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/graphql");
        head.headers().set(HttpHeaderNames.CONTENT_LENGTH, contentLength);
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

    /** Micronaut's inbound handler as far as idleness goes: it closes the connection on ALL_IDLE. */
    private static final class ClosesWhenIdle extends ChannelInboundHandlerAdapter {
        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof IdleStateEvent idle && idle.state() == io.netty.handler.timeout.IdleState.ALL_IDLE) {
                ctx.close();
            }
        }
    }

    @Test
    void givenAHeadWhoseBodyStopsArriving_whenTheConnectionIsIdle_thenItClosesAndNothingIsServed() {
        EmbeddedChannel idle = new EmbeddedChannel(new LeanGraphQlHandler("/graphql", () -> path), new ClosesWhenIdle());
        try {
            idle.writeInbound(head());
            idle.pipeline().fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);
            idle.runPendingTasks();

            assertThat(idle.isOpen()).as("closed on the idle timeout, not held for the body").isFalse();
            assertThat(path.served).isZero();
        } finally {
            idle.finishAndReleaseAll();
        }
    }

    @Test
    void givenNoBodyArriving_whenTheConnectionIsIdle_thenMicronautsHandlerHearsOfIt() {
        EmbeddedChannel idle = new EmbeddedChannel(new LeanGraphQlHandler("/graphql", () -> path), new ClosesWhenIdle());
        try {
            idle.writeInbound(head(), body());
            path.answer();
            idle.runPendingTasks();
            idle.<FullHttpResponse>readOutbound().release();

            idle.pipeline().fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);
            idle.runPendingTasks();

            assertThat(idle.isOpen()).isFalse();
            assertThat(path.served).isEqualTo(1);
        } finally {
            idle.finishAndReleaseAll();
        }
    }

    @Test
    void givenACloseHeldForABodyStillArriving_whenTheIdleTimeoutPassesWithoutIt_thenTheConnectionClosesUnserved() {
        channel.freezeTime();
        channel.writeInbound(head());
        // Through the pipeline: EmbeddedChannel's own close() cancels scheduled tasks, which is what is tested here.
        io.netty.channel.ChannelFuture closed = channel.pipeline().close();
        channel.advanceTimeBy(path.heldCloseLimit().toMillis() - 1, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isOpen()).as("still waiting for the body").isTrue();

        channel.advanceTimeBy(2, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();

        assertThat(channel.isOpen()).isFalse();
        assertThat(closed.isSuccess()).as("the held close's caller hears").isTrue();
        assertThat(path.served).isZero();
    }

    @Test
    void givenAHeadDeclaringALargeBody_whenItsBytesArriveInParts_thenTheBufferFollowsWhatArrivedAndAllIsServed() {
        int declared = 2 * 1024 * 1024;
        byte[] sent = new byte[declared];
        Arrays.fill(sent, (byte) 'x');
        channel.writeInbound(head(declared));
        LeanGraphQlHandler handler = channel.pipeline().get(LeanGraphQlHandler.class);
        assertThat(handler.bodyBufferSize()).as("a head alone").isLessThanOrEqualTo(LeanGraphQlHandler.FIRST_BODY_BUFFER);

        int part = 100 * 1024;
        channel.writeInbound(new DefaultHttpContent(Unpooled.wrappedBuffer(sent, 0, part)));
        assertThat(handler.bodyBufferSize()).as("after 100 KiB").isBetween(part, 2 * part);

        channel.writeInbound(new DefaultLastHttpContent(Unpooled.wrappedBuffer(sent, part, declared - part)));
        assertThat(path.served).isEqualTo(1);
        assertThat(path.lastBody).isEqualTo(sent);
    }

    @Test
    void givenMicronautOwesAResponse_whenALeanRequestArrives_thenItGoesToMicronautAndTheNextOneAfterItsAnswersIsLean() {
        channel.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/other"));
        LastHttpContent body = body();
        channel.writeInbound(head(), body);
        assertThat(path.served).as("handed over behind Micronaut's request").isZero();
        assertThat(channel.inboundMessages()).hasSize(3);           // the GET, then the POST's head and body

        channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
        channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
        sendLeanRequest();
        assertThat(path.served).as("Micronaut owes nothing: served here").isEqualTo(1);
    }

    @Test
    void givenALeanAnswerSayingCloseStillBeingWritten_whenARequestArrivesBeforeTheClose_thenItIsDroppedUnserved() {
        ChannelPromise[] writing = new ChannelPromise[1];
        channel.pipeline().addFirst(new ChannelOutboundHandlerAdapter() {
            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                writing[0] = promise;                      // the socket has not taken the answer yet
                ctx.write(msg, ctx.voidPromise());
            }
        });
        sendLeanRequest();
        path.answer(HttpResponse.ok("{}".getBytes(StandardCharsets.UTF_8)).header(HttpHeaderNames.CONNECTION, "close"));
        channel.runPendingTasks();
        assertThat(channel.isOpen()).as("the close waits for the answer's write").isTrue();

        LastHttpContent body = body();
        channel.writeInbound(head(), body);

        assertThat(path.served).isEqualTo(1);
        assertThat((Object) channel.readInbound()).as("nor handed to Micronaut").isNull();
        assertThat(body.refCnt()).isZero();
        writing[0].setSuccess();
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void givenACloseHeldForARequestBeingServed_whenTheLimitPassesUnanswered_thenTheConnectionClosesAndCallerHears() {
        channel.freezeTime();
        sendLeanRequest();
        io.netty.channel.ChannelFuture closed = channel.pipeline().close();
        channel.advanceTimeBy(path.heldCloseLimit().toMillis() - 1, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isOpen()).as("still serving").isTrue();

        channel.advanceTimeBy(2, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();

        assertThat(channel.isOpen()).as("a worker that hangs does not hold the close for ever").isFalse();
        assertThat(closed.isSuccess()).isTrue();
    }

    @Test
    void givenACloseHeldForARequestBeingServed_whenItIsAnswered_thenTheConnectionClosesAndNoLimitTimerIsLeft() {
        channel.freezeTime();
        sendLeanRequest();
        io.netty.channel.ChannelFuture closed = channel.pipeline().close();
        path.answer();
        channel.runPendingTasks();
        channel.<FullHttpResponse>readOutbound().release();

        assertThat(closed.isSuccess()).isTrue();
        assertThat(channel.runScheduledPendingTasks()).as("no timer kept for minutes once the close is done")
                .isEqualTo(-1);
    }

    @Test
    void givenTakingTheHeadFails_whenALeanRequestArrives_thenMicronautGetsTheHeadAndBody() {
        path.acceptFails = new IllegalStateException("a defect in accept");
        sendLeanRequest();

        assertThat(path.served).isZero();
        assertThat(channel.inboundMessages()).as("the head and the body, handed over").hasSize(2);
        assertThat((Object) channel.readInbound()).isInstanceOf(HttpRequest.class);
        assertThat((Object) channel.readInbound()).isInstanceOf(LastHttpContent.class);
    }

    @Test
    void givenAnIdleTimeoutOfLessThanASecondOrAFraction_whenTheHeldCloseLimitIsSet_thenWholeSecondsAsMicronautsIdleness() {
        assertThat(new Path(idleTimeout(Duration.ofMillis(500))).heldCloseLimit()).as("idleness off below 1 s")
                .isEqualTo(Duration.ofMinutes(HttpServerConfiguration.DEFAULT_IDLE_TIME_MINUTES));
        assertThat(new Path(idleTimeout(Duration.ofMillis(2_500))).heldCloseLimit()).isEqualTo(Duration.ofSeconds(2));
        assertThat(new Path(idleTimeout(Duration.ofSeconds(-1))).heldCloseLimit())
                .isEqualTo(Duration.ofMinutes(HttpServerConfiguration.DEFAULT_IDLE_TIME_MINUTES));
    }

    private static HttpServerConfiguration idleTimeout(Duration idle) {
        HttpServerConfiguration server = new HttpServerConfiguration();
        server.setIdleTimeout(idle);
        return server;
    }

    @Test
    void givenTwoRequestSizeLimits_whenThePathIsMade_thenTheSmallerBoundsTheBody() {
        HttpServerConfiguration bufferSmaller = new HttpServerConfiguration();
        bufferSmaller.setMaxRequestSize(1_000);
        bufferSmaller.setMaxRequestBufferSize(500);
        HttpServerConfiguration requestSmaller = new HttpServerConfiguration();
        requestSmaller.setMaxRequestSize(300);
        requestSmaller.setMaxRequestBufferSize(2_000);

        assertThat(new Path(bufferSmaller).maxRequestSize()).isEqualTo(500);
        assertThat(new Path(requestSmaller).maxRequestSize()).isEqualTo(300);
    }
}
