package jp.hyoka.server.subscriptions;

import reactor.core.publisher.FluxSink;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A feed's subscribers on this node: what it reads once per round goes to each of them. */
abstract class Subscribers<T> implements LiveFeeds.Feed {

    private final List<FluxSink<T>> sinks = new CopyOnWriteArrayList<>();

    void add(FluxSink<T> sink) {
        sinks.add(sink);
    }

    void remove(FluxSink<T> sink) {
        sinks.remove(sink);
    }

    @Override
    public final boolean idle() {
        return sinks.isEmpty();
    }

    @Override
    public final void deliver() {
        for (T update : readNew()) {
            sinks.forEach(sink -> sink.next(update));
        }
    }

    /** What was committed since the last call (and advances past it); runs on the feeds' thread only. */
    abstract List<T> readNew();
}
