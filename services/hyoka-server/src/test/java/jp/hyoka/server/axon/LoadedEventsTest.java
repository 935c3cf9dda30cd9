package jp.hyoka.server.axon;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.assessment.event.AssessmentStarted;
import jp.hyoka.domain.assessment.event.ItemAnswered;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.JavaSerializer;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A load's messages built straight from the rows ({@link LoadedEvents}) are what Axon's upcasting path builds from the
 * same rows: identifier, aggregate, sequence number, timestamp, payload type, payload and metadata, the stream's last
 * sequence number, and the failure of a payload that cannot be read.
 */
class LoadedEventsTest {

    private static final JacksonSerializer SERIALIZER = JacksonSerializer.builder()
            .objectMapper(EventJson.objectMapper()).build();
    private static final AssessmentId ID = new AssessmentId(UUID.fromString("01927a3c-5b1e-7000-8000-000000000042"));
    private static final MunicipalityCode TENANT = new MunicipalityCode("141305");
    private static final Actor EDITOR = new Actor("u-1", "山田 太郎");
    private static final Instant AT = Instant.parse("2026-12-06T23:50:01.123456Z");

    private final LoadedEvents loaded = new LoadedEvents(SERIALIZER, NoOpEventUpcaster.INSTANCE);

    @Test
    void givenStoredEvents_whenLoadedDirectly_thenEachMessageEqualsAxonsDeserializedOne() {
        List<LoadedEvents.Row> rows = new ArrayList<>();
        rows.add(row(0, new AssessmentStarted(ID, TENANT, new FormRef(FormKind.KEY_ITEMS, "2024"), "事務", EDITOR, AT),
                Map.of("commandName", "StartAssessment", "traceId", "abc")));
        for (int sequence = 1; sequence < 10; sequence++) {
            rows.add(row(sequence, new ItemAnswered(ID, TENANT, new ItemId("department.name"), List.of("e" + sequence),
                    sequence == 1 ? null : new TextAnswer("第" + (sequence - 1) + "版"), new TextAnswer("第" + sequence
                    + "版"), sequence % 2 == 0 ? "理由" : null, EDITOR, AT.plusSeconds(sequence)), Map.of()));
        }

        assertThat(loaded.direct()).isTrue();
        assertSameMessages(loaded.stream(rows), axons(rows), 9L);
    }

    @Test
    void givenARowWhosePayloadClassIsUnknown_whenLoaded_thenItIsAxonsUnknownTypeAsOnAxonsPath() {
        LoadedEvents.Row known = row(0, new AssessmentStarted(ID, TENANT, new FormRef(FormKind.KEY_ITEMS, "2024"),
                "事務", EDITOR, AT), Map.of());
        LoadedEvents.Row unknown = new LoadedEvents.Row(known.type(), known.aggregateIdentifier(), 1,
                UUID.randomUUID().toString(), AT.toString(), "jp.hyoka.domain.NoSuchEvent", null,
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8), known.metaData());

        DomainEventStream stream = loaded.stream(List.of(known, unknown));
        stream.next();
        DomainEventMessage<?> message = stream.next();

        assertThat(message.getPayloadType()).isEqualTo(UnknownSerializedType.class);
        assertSameMessages(loaded.stream(List.of(known, unknown)), axons(List.of(known, unknown)), 1L);
    }

    @Test
    void givenAPayloadThatCannotBeRead_whenItsPayloadIsAsked_thenASerializationExceptionAsOnAxonsPath() {
        LoadedEvents.Row good = row(0, new AssessmentStarted(ID, TENANT, new FormRef(FormKind.KEY_ITEMS, "2024"),
                "事務", EDITOR, AT), Map.of());
        LoadedEvents.Row corrupt = new LoadedEvents.Row(good.type(), good.aggregateIdentifier(), 0,
                good.eventIdentifier(), good.timestamp(), good.payloadType(), good.payloadRevision(),
                "{\"assessmentId\":".getBytes(StandardCharsets.UTF_8), good.metaData());

        DomainEventMessage<?> direct = loaded.stream(List.of(corrupt)).next();
        DomainEventMessage<?> axon = axons(List.of(corrupt)).next();

        assertThat(direct.getPayloadType()).isEqualTo(AssessmentStarted.class);
        assertThatThrownBy(axon::getPayload).isInstanceOf(SerializationException.class);
        assertThatThrownBy(direct::getPayload).isInstanceOf(SerializationException.class)
                .hasMessageContaining(corrupt.eventIdentifier());
    }

    @Test
    void givenAnUpcasterOrAnotherSerializer_whenAsked_thenRowsMustGoThroughAxonsPath() {
        EventUpcaster upcaster = stream -> stream;

        assertThat(new LoadedEvents(SERIALIZER, upcaster).direct()).isFalse();
        assertThat(new LoadedEvents(JavaSerializer.builder().build(),
                NoOpEventUpcaster.INSTANCE).direct()).isFalse();
    }

    private static DomainEventStream axons(List<LoadedEvents.Row> rows) {
        return EventStreamUtils.upcastAndDeserializeDomainEvents(rows.stream().map(LoadedEvents.Row::entry), SERIALIZER,
                NoOpEventUpcaster.INSTANCE);
    }

    private static void assertSameMessages(DomainEventStream direct, DomainEventStream axon, Long lastSequence) {
        while (axon.hasNext()) {
            assertThat(direct.hasNext()).isTrue();
            DomainEventMessage<?> expected = axon.next();
            DomainEventMessage<?> actual = direct.next();
            assertThat(actual.getIdentifier()).isEqualTo(expected.getIdentifier());
            assertThat(actual.getType()).isEqualTo(expected.getType());
            assertThat(actual.getAggregateIdentifier()).isEqualTo(expected.getAggregateIdentifier());
            assertThat(actual.getSequenceNumber()).isEqualTo(expected.getSequenceNumber());
            assertThat(actual.getTimestamp()).isEqualTo(expected.getTimestamp());
            assertThat(actual.getPayloadType()).isEqualTo(expected.getPayloadType());
            if (!UnknownSerializedType.class.equals(expected.getPayloadType())) {
                assertThat(actual.getPayload()).isEqualTo(expected.getPayload());
            }
            assertThat(actual.getMetaData()).isEqualTo(expected.getMetaData());
        }
        assertThat(direct.hasNext()).isFalse();
        assertThat(direct.getLastSequenceNumber()).isEqualTo(axon.getLastSequenceNumber()).isEqualTo(lastSequence);
    }

    private static LoadedEvents.Row row(long sequence, Object payload, Map<String, ?> metaData) {
        SerializedObject<byte[]> serialized = SERIALIZER.serialize(payload, byte[].class);
        SerializedObject<byte[]> meta = SERIALIZER.serialize(MetaData.from(metaData), byte[].class);
        return new LoadedEvents.Row("AssessmentAggregate", ID.toString(), sequence, UUID.randomUUID().toString(),
                AT.plusSeconds(sequence).toString(), serialized.getType().getName(), serialized.getType().getRevision(),
                serialized.getData(), meta.getData());
    }
}
