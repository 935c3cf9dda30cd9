package jp.hyoka.server.graphql;

import io.micronaut.http.MutableHttpResponse;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Arrays;
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
 * <li>a close Micronaut asks for meanwhile (graceful shutdown closes idle connections) waits for the response, which
 * then says {@code connection: close}.</li>
 * </ul>
 * Once Micronaut switches the connection's protocol (a WebSocket's 101), everything passes.
 */
final class LeanGraphQlHandler extends ChannelDuplexHandler {

    private static final int SWITCHING_PROTOCOLS = 101;
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
    /** A request read here is being served and its response not yet written. */
    private boolean serving;
    private final ArrayDeque<Object> waiting = new ArrayDeque<>();
    private boolean readHeld;
    private ChannelPromise closeHeld;

    LeanGraphQlHandler(String graphQlPath, Supplier<LeanGraphQlPath> lean) {
        this.graphQlPath = graphQlPath;
        this.lean = lean;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (upgraded) {
            ctx.fireChannelRead(msg);
        } else if (serving || !waiting.isEmpty()) {
            waiting.add(msg);
        } else {
            route(ctx, msg);
        }
    }

    /** Returns whether the message went on to Micronaut. */
    private boolean route(ChannelHandlerContext ctx, Object msg) {
        if (reading != null) {
            if (msg instanceof HttpContent content) {
                ByteBuf bytes = content.content();
                int length = Math.min(bytes.readableBytes(), body.length - received);  // the codec sends no more
                bytes.readBytes(body, received, length);
                received += length;
                content.release();
                if (msg instanceof LastHttpContent) {
                    serve(ctx);
                }
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
            LeanGraphQlPath path = owedByMicronaut == 0 && !(msg instanceof LastHttpContent)
                    && head.method() == HttpMethod.POST && graphQlPath.equals(head.uri()) ? lean.get() : null;
            LeanGraphQlPath.Accepted accepted = path == null ? null : path.accept(head);
            if (accepted != null) {
                reading = accepted;
                readingFor = path;
                body = new byte[accepted.contentLength()];
                received = 0;
                return false;
            }
            owedByMicronaut++;
            handingOver = !(msg instanceof LastHttpContent);
        }
        ctx.fireChannelRead(msg);
        return true;
    }

    private void serve(ChannelHandlerContext ctx) {
        LeanGraphQlPath.Accepted request = reading;
        LeanGraphQlPath path = readingFor;
        byte[] bytes = received == body.length ? body : Arrays.copyOf(body, received);
        body = null;
        reading = null;
        readingFor = null;
        serving = true;
        try {
            path.serve(request, bytes).whenComplete((response, failure) ->
                    ctx.executor().execute(() -> answer(ctx, path, request, response, failure)));
        } catch (RuntimeException e) {
            answer(ctx, path, request, null, e);
        }
    }

    /** On the event loop: writes the response, then goes on with what waited behind it. */
    private void answer(ChannelHandlerContext ctx, LeanGraphQlPath path, LeanGraphQlPath.Accepted request,
                        MutableHttpResponse<byte[]> response, Throwable failure) {
        serving = false;
        if (failure != null) {
            // The endpoint answers its own failures; reaching here is a defect. Close as a broken exchange.
            LOG.error("The lean GraphQL path failed to answer a request", failure);
            ctx.close(closeHeld == null ? ctx.newPromise() : closeHeld);
            return;
        }
        boolean close = closeHeld != null || LeanGraphQlPath.closes(response);
        path.record(request, response.code());
        if (close) {
            ChannelPromise promise = closeHeld == null ? ctx.newPromise() : closeHeld;
            closeHeld = null;
            ctx.writeAndFlush(path.toNetty(response, true))
                    .addListener((ChannelFutureListener) written -> ctx.close(promise));
            return;
        }
        ctx.writeAndFlush(path.toNetty(response, false));
        boolean handedOver = false;
        while (!serving && !waiting.isEmpty()) {
            handedOver |= route(ctx, waiting.poll());
        }
        if (handedOver) {
            ctx.fireChannelReadComplete();
        }
        if (readHeld && !serving) {
            readHeld = false;
            ctx.read();
        }
    }

    @Override
    public void read(ChannelHandlerContext ctx) {
        if (serving || !waiting.isEmpty()) {
            readHeld = true;
        } else {
            ctx.read();
        }
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        if (serving && !upgraded) {
            closeHeld = promise;
        } else {
            ctx.close(promise);
        }
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
        }
        ctx.write(msg, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        discard();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        discard();
    }

    private void discard() {
        body = null;
        reading = null;
        readingFor = null;
        waiting.forEach(ReferenceCountUtil::release);
        waiting.clear();
    }

}
