package jp.hyoka.server.axon;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;

import java.io.IOException;
import java.time.Instant;

/**
 * Writes an {@link Instant} of stored JSON as jsr310 writes it with timestamps off ({@code Instant.toString()}), by
 * {@link InstantText#iso} instead of {@code DateTimeFormatter}: the same text, without the formatter's CPU on every
 * appended event (BENCHMARKS.md row 1). {@link InstantJson} reads it back.
 */
final class InstantJsonWriter extends StdScalarSerializer<Instant> {

    InstantJsonWriter() {
        super(Instant.class);
    }

    @Override
    public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
        generator.writeString(InstantText.iso(value));
    }
}
