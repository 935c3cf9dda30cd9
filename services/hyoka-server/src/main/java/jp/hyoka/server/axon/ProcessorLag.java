package jp.hyoka.server.axon;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * How far each event processor's segment is behind the event store, in events: the newest global index against
 * the position of the segment's token, both read from the database. Read from the token table rather than from
 * this node's processors so every node tells the same story (the node that holds a claim and those that do not),
 * and a processor that has stopped (a poison event, a crashed node whose claim has not expired) still shows its
 * growing lag. {@link #refresh()} reads; the gauge {@code hyoka.event.processor.lag} and the readiness check
 * show the last reading, so neither a scrape nor a probe queries the database itself.
 */
@Singleton
public class ProcessorLag {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessorLag.class);

    /** One processor segment's position: {@code lag} events behind the newest. */
    public record Segment(String processor, int segment, long lag) {
    }

    /** A reading; {@code head} is the newest event's global index (-1: none yet). */
    public record Reading(long head, List<Segment> segments) {
        /** The largest lag of the named processor's segments (0 when it has none yet). */
        public long lagOf(String processor) {
            return segments.stream().filter(s -> s.processor().equals(processor))
                    .mapToLong(Segment::lag).max().orElse(0);
        }
    }

    private final DataSource dataSource;
    private final Serializer serializer = JacksonSerializer.builder().objectMapper(EventJson.objectMapper()).build();
    private final MeterRegistry registry;
    private final Map<String, Gauge> gauges = new ConcurrentHashMap<>();
    private final Map<String, Long> lags = new ConcurrentHashMap<>();
    private volatile Reading last = new Reading(-1, List.of());

    public ProcessorLag(DataSource dataSource, @Nullable MeterRegistry registry) {
        this.dataSource = dataSource;
        this.registry = registry;
        if (registry != null) {
            Gauge.builder("hyoka.event.store.head", this, lag -> lag.last.head())
                    .description("Global index of the newest stored event").register(registry);
        }
    }

    /** Reads the positions now. */
    public synchronized Reading refresh() throws SQLException {
        long head;
        List<Segment> segments = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet row = statement.executeQuery("SELECT max(globalindex) FROM domainevententry")) {
                row.next();
                long newest = row.getLong(1);
                head = row.wasNull() ? -1 : newest;
            }
            try (ResultSet rows = statement.executeQuery("SELECT processorname, segment, token, tokentype "
                    + "FROM tokenentry ORDER BY processorname, segment")) {
                while (rows.next()) {
                    try {
                        long position = position(rows.getBytes(3), rows.getString(4));
                        segments.add(new Segment(rows.getString(1), rows.getInt(2), Math.max(0, head - position)));
                    } catch (RuntimeException unreadable) {
                        // Axon wrote it with this serializer, so this should not happen; if it does, that segment
                        // goes unmeasured rather than every reading failing (and readiness with it).
                        LOG.warn("Token of {}/{} not readable: {}", rows.getString(1), rows.getInt(2),
                                unreadable.toString());
                    }
                }
            }
        }
        Reading reading = new Reading(head, List.copyOf(segments));
        last = reading;
        segments.forEach(this::gauge);
        Set<String> current = segments.stream().map(ProcessorLag::key).collect(Collectors.toSet());
        // A processor that is gone (a finished rebuild's) must not show its last lag for ever.
        gauges.keySet().stream().filter(key -> !current.contains(key)).toList().forEach(key -> {
            lags.remove(key);
            registry.remove(gauges.remove(key));
        });
        return reading;
    }

    /** A token not yet written, or one without a position (a processor that has seen nothing), is at -1. */
    private long position(byte[] token, String tokenType) {
        if (token == null || tokenType == null) {
            return -1;
        }
        TrackingToken tracking = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, tokenType,
                null));
        return tracking == null ? -1 : tracking.position().orElse(-1);
    }

    private void gauge(Segment segment) {
        String key = key(segment);
        lags.put(key, segment.lag());
        if (registry != null && !gauges.containsKey(key)) {
            gauges.put(key, Gauge.builder("hyoka.event.processor.lag", lags, values -> values.getOrDefault(key, 0L))
                    .tags("processor", segment.processor(), "segment", Integer.toString(segment.segment()))
                    .baseUnit("events")
                    .description("Events stored but not yet handled by the processor's segment")
                    .register(registry));
        }
    }

    private static String key(Segment segment) {
        return segment.processor() + "/" + segment.segment();
    }
}
