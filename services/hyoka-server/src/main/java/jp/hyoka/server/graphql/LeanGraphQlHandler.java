package jp.hyoka.server.graphql;

import io.micronaut.http.MutableHttpResponse;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One HTTP/1 connection's lean path, between Netty's HTTP codec and Micronaut's inbound handler
 * ({@link LeanGraphQlPipeline}). A request {@link LeanGraphQlPath#accept} takes is read here (its body buffered,
 * within the server's size limit) and served by {@link LeanGraphQlPath#serve}: the event loop only reads and writes,
 * the work runs on the GraphQL workers as on Micronaut's path. Every other message goes on to Micronaut as it came.
 * <p>
 * HTTP/1.1 answers a connection's requests in order, so:
 * <ul>
 * <li>a request that could be served here goes to Micronaut anyway while Micronaut still owes a response on this
 * connection ({@link #owedByMicronaut}: counted from the requests handed over and the responses written);</li>
 * <li>while a request is being served here, Micronaut's reads are held and whatever the client already sent behind it
 * waits here ({@link #waiting}), then is handled in order once the response is written;</li>
 * <li>a close Micronaut asks for meanwhile (graceful shutdown closes idle connections) waits for the request being
 * read or served here, whose response then says {@code connection: close}; but no longer than the server's idle
 * timeout ({@link LeanGraphQlPath#heldCloseLimit}), after which the connection closes unanswered;</li>
 * <li>a connection idle (Micronaut's {@code idle-timeout}) while a body is still arriving here closes at once, the
 * request unserved, as Micronaut closes an idle connection whatever it is reading;</li>
 * <li>a body is held as it arrives, never at its declared length before it came (a head alone pins a few KiB);</li>
 * <li>once a response saying {@code connection: close} is written (here or by Micronaut), no further request is
 * served here: what the client sent behind it is dropped (RFC 9112 §9.6), a pipelined mutation never runs;</li>
 * <li>write backpressure as Micronaut's: once a response written here leaves the channel unwritable (a client that
 * sends but does not read), reads are held and what waits stays waiting until the channel drains.</li>
 * </ul>
 * Once Micronaut switches the connection's protocol (a WebSocket's 101), everything passes.
 */
final class LeanGraphQlHandler extends ChannelDuplexHandler {

    private static final int SWITCHING_PROTOCOLS = 101;
    /** A body's first buffer; it doubles as bytes arrive, up to the declared Content-Length. */
    static final int FIRST_BODY_BUFFER = 8 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(LeanGraphQlHandler.class);

    /** The GraphQL path; requests for it are the only ones that need the lean path, made at the first of them. */
    private final String graphQlPath;
    private final Supplier<LeanGraphQlPath> lean;
    /** Micronaut switched protocols (a WebSocket's 101): from now on nothing here is an HTTP/1 request. */
    private boolean upgraded;
    /** Inside a request handed to Micronaut: its contents follow it there. */
    private boolean handingOver;
    private int owedByMicronaut;
    /** The request being read here, and its body so far; null between requests. */
    private LeanGraphQlPath.Accepted reading;
    private LeanGraphQlPath readingFor;
    private byte[] body;
    private int received;
    private int contentLength;
    /** A request read here is being served and its response not yet written. */
    private boolean serving;
    /** A response written here left the channel unwritable: nothing more is read or served until it drains. */
    private boolean paused;
    /** A response saying {@code connection: close} was written: nothing the client sends after it is served. */
    private boolean closing;
    private final ArrayDeque<Object> waiting = new ArrayDeque<>();
    private boolean readHeld;
    private ChannelPromise closeHeld;

    LeanGraphQlHandler(String graphQlPath, Supplier<LeanGraphQlPath> lean) {
        this.graphQlPath = graphQlPath;
        this.lean = lean;
    }

    /** Whether messages must wait here (and reads be held): a response is owed here or the channel is full. */
    private boolean holding() {
        return serving || paused || !waiting.isEmpty();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (upgraded) {
            ctx.fireChannelRead(msg);
        } else if (holding()) {
            waiting.add(msg);
        } else {
            route(ctx, msg);
        }
    }

    /** Returns whether the message went on to Micronaut. */
    private boolean route(ChannelHandlerContext ctx, Object msg) {
        if (closing && !handingOver) {
            // After "connection: close": a request behind it is neither served here nor handed on (RFC 9112 §9.6).
            ReferenceCountUtil.release(msg);
            forgetReading();
            return false;
        }
        if (reading != null) {
            if (msg instanceof HttpContent content) {
                readBody(ctx, content);
                return false;
            }
            ctx.fireChannelRead(msg);
            return true;
        }
        if (handingOver) {
            handingOver = !(msg instanceof LastHttpContent);
            ctx.fireChannelRead(msg);
            return true;
        }
        if (msg instanceof HttpRequest head) {
            LeanGraphQlPath path = null;
            LeanGraphQlPath.Accepted accepted = null;
            try {
                path = owedByMicronaut == 0 && !(msg instanceof LastHttpContent)
                        && head.method() == HttpMethod.POST && graphQlPath.equals(head.uri()) ? lean.get() : null;
                accepted = path == null ? null : path.accept(head);
            } catch (RuntimeException e) {
                // A defect here must not lose the head (its body would reach Micronaut's handler alone): Micronaut
                // serves the request as if the lean path did not exist.
                LOG.warn("The lean path could not take a POST {}; Micronaut serves it", graphQlPath, e);
                accepted = null;
            }
            if (accepted != null) {
                reading = accepted;
                readingFor = path;
                contentLength = accepted.contentLength();
                body = new byte[Math.min(contentLength, FIRST_BODY_BUFFER)];
                received = 0;
                return false;
            }
            owedByMicronaut++;
            handingOver = !(msg instanceof LastHttpContent);
        }
        ctx.fireChannelRead(msg);
        return true;
    }

    /** A part of the body being read here; a body that fails to decode or ends short is never served. */
    private void readBody(ChannelHandlerContext ctx, HttpContent content) {
        try {
            if (content.decoderResult().isFailure()) {
                abandon(ctx, "its body failed to decode");
                return;
            }
            ByteBuf bytes = content.content();
            int length = Math.min(bytes.readableBytes(), contentLength - received);  // the codec sends no more
            if (received + length > body.length) {
                // Doubling keeps the copies linear in the body's size; the last step stops at the declared length.
                body = Arrays.copyOf(body, Math.min(contentLength, Math.max(body.length * 2, received + length)));
            }
            bytes.readBytes(body, received, length);
            received += length;
            if (content instanceof LastHttpContent) {
                if (received != contentLength) {
                    abandon(ctx, "its body ended short");
                } else {
                    serve(ctx);
                }
            }
        } finally {
            content.release();
        }
    }

    /** A request's exchange broke off: close the connection as a broken exchange, serving nothing more. */
    private void abandon(ChannelHandlerContext ctx, String why) {
        LOG.debug("A request on the lean GraphQL path broke off ({}; {} of {} bytes read); closing", why, received,
                contentLength);
        forgetReading();
        closing = true;
        ctx.close(closePromise(ctx));
    }

    /** The promise of the close this connection ends with: a held close's, so that its caller hears, else a new one. */
    private ChannelPromise closePromise(ChannelHandlerContext ctx) {
        ChannelPromise promise = closeHeld == null ? ctx.newPromise() : closeHeld;
        closeHeld = null;
        return promise;
    }

    /** The bytes held for the body being read (for tests: they follow what arrived, not what was declared). */
    int bodyBufferSize() {
        return body == null ? 0 : body.length;
    }

    private void forgetReading() {
        body = null;
        reading = null;
        readingFor = null;
    }

    private void serve(ChannelHandlerContext ctx) {
        LeanGraphQlPath.Accepted request = reading;
        LeanGraphQlPath path = readingFor;
        byte[] bytes = body;
        forgetReading();
        serving = true;
        CompletableFuture<MutableHttpResponse<byte[]>> answered;
        try {
            answered = path.serve(request, bytes);
        } catch (Throwable e) {
            answer(ctx, path, request, null, e);
            return;
        }
        answered.whenComplete((response, failure) -> {
            try {
                ctx.executor().execute(() -> answer(ctx, path, request, response, failure));
            } catch (RejectedExecutionException e) {
                // The event loop is shutting down, and its connections with it: no one is left to answer. `serving`
                // stays set, holding this connection's reads, until it goes inactive, which it is about to.
                LOG.debug("A lean GraphQL answer found its event loop shut down", e);
            }
        });
    }

    /** On the event loop: writes the response (the endpoint's 500 for a failure), then goes on with what waited. */
    private void answer(ChannelHandlerContext ctx, LeanGraphQlPath path, LeanGraphQlPath.Accepted request,
                        MutableHttpResponse<byte[]> response, Throwable failure) {
        serving = false;
        boolean close;
        FullHttpResponse out;
        try {
            MutableHttpResponse<byte[]> answered = failure == null && response != null ? response
                    : path.failed(failure);
            close = closeHeld != null || path.closesAfter(answered);
            path.record(request, answered.code());
            out = path.toNetty(answered, close);
        } catch (Throwable e) {
            // No answer can be written for this request, so none behind it may be either (HTTP/1.1's order).
            LOG.error("The lean GraphQL path could not write an answer; closing the connection", e);
            closing = true;
            ctx.close(closePromise(ctx));
            return;
        }
        if (close) {
            closing = true;
            ChannelPromise promise = closePromise(ctx);
            ctx.writeAndFlush(out).addListener((ChannelFutureListener) written -> ctx.close(promise));
            return;
        }
        ctx.writeAndFlush(out);
        paused = !ctx.channel().isWritable();
        goOn(ctx);
    }

    /** Handles what waited, in order, until a request is served here again or the channel is full; then reads on. */
    private void goOn(ChannelHandlerContext ctx) {
        boolean handedOver = false;
        while (!serving && !paused && !waiting.isEmpty()) {
            handedOver |= route(ctx, waiting.poll());
        }
        if (handedOver) {
            ctx.fireChannelReadComplete();
        }
        if (readHeld && !holding()) {
            readHeld = false;
            ctx.read();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        ctx.fireChannelWritabilityChanged();
        if (paused && ctx.channel().isWritable()) {
            paused = false;
            goOn(ctx);
        }
    }

    /** A body split over several reads keeps coming, whoever else is reading. */
    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.fireChannelReadComplete();
        if (reading != null) {
            read(ctx);
        }
    }

    @Override
    public void read(ChannelHandlerContext ctx) {
        if (holding() && !upgraded) {
            readHeld = true;
        } else {
            ctx.read();
        }
    }

    /**
     * Graceful shutdown's close waits for a request still arriving or being served here, answered with a close; if it
     * is still held after {@link LeanGraphQlPath#heldCloseLimit} (a client that stopped sending, a worker that hangs),
     * the connection closes then, unanswered.
     */
    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        if (upgraded || !serving && reading == null) {
            ctx.close(promise);
            return;
        }
        if (closeHeld == null) {
            ChannelPromise held = ctx.newPromise();
            closeHeld = held;
            ScheduledFuture<?> limit = ctx.executor().schedule(() -> {
                if (closeHeld == held) {
                    abandon(ctx, "a close waited for it longer than the idle timeout");
                }
            }, lean.get().heldCloseLimit().toNanos(), TimeUnit.NANOSECONDS);
            held.addListener(closed -> limit.cancel(false));    // not kept for minutes once the close is done
        }
        if (!promise.isVoid()) {        // a void promise takes no listener (and needs no answer)
            closeHeld.addListener((ChannelFutureListener) closed -> {
                if (closed.isSuccess()) {
                    promise.trySuccess();
                } else {
                    promise.tryFailure(closed.cause());
                }
            });
        }
        if (reading != null) {
            read(ctx);
        }
    }

    /**
     * Micronaut's idle timeout: it closes an idle connection, which {@link #close} would hold while a body is
     * arriving here (a client that sent a head and stopped); such a connection is closed now, nothing served.
     */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (!upgraded && reading != null && event instanceof IdleStateEvent idle
                && idle.state() == IdleState.ALL_IDLE) {
            abandon(ctx, "the connection was idle");
        }
        ctx.fireUserEventTriggered(event);
    }

    /** Micronaut's responses pass here: each one's end settles a request handed over; a 101 ends HTTP/1. */
    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!upgraded) {
            boolean informational = msg instanceof HttpResponse head
                    && head.status().codeClass() == HttpStatusClass.INFORMATIONAL;
            if (informational && ((HttpResponse) msg).status().code() == SWITCHING_PROTOCOLS) {
                upgraded = true;
            } else if (msg instanceof LastHttpContent && !informational && owedByMicronaut > 0) {
                owedByMicronaut--;
            }
            if (msg instanceof HttpResponse head && !informational && !HttpUtil.isKeepAlive(head)) {
                closing = true;
            }
        }
        ctx.write(msg, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        discard();
        if (closeHeld != null) {                // the client went first: a close waiting for the answer is done
            closePromise(ctx).trySuccess();
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        discard();
    }

    private void discard() {
        forgetReading();
        waiting.forEach(ReferenceCountUtil::release);
        waiting.clear();
    }

}
