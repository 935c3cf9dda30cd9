package jp.hyoka.server.integration;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;

/**
 * An outbox row as a Kafka record in CloudEvents 1.0 <em>binary content mode</em> (Kafka protocol binding §3.2): the
 * payload JSON is the record value, each attribute a {@code ce_} header (UTF-8), {@code content-type} the data's
 * media type, the record key the row's message key (tenant and aggregate: one partition, in order, per document).
 * Written by hand, not with io.cloudevents:cloudevents-kafka: the binding is a handful of headers, and the library
 * would add cloudevents-core and its own serializer classes to every producer for them.
 */
final class CloudEventRecords {

    static final String SPEC_VERSION = "1.0";
    /** Extension attribute: the municipality (地方公共団体コード); extension names are lower-case alphanumerics. */
    static final String TENANT_HEADER = "ce_hyokatenant";
    /** The attributes every record carries alike, encoded once (a header's value is sent as it is, never changed). */
    private static final byte[] SPEC_VERSION_UTF8 = SPEC_VERSION.getBytes(StandardCharsets.UTF_8);
    private static final byte[] JSON_UTF8 = "application/json".getBytes(StandardCharsets.UTF_8);

    private CloudEventRecords() {
    }

    static ProducerRecord<String, byte[]> of(OutboxRow row) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", SPEC_VERSION_UTF8);
        header(headers, "ce_id", row.eventId().toString());
        header(headers, "ce_source", row.source());
        header(headers, "ce_type", row.type());
        header(headers, "ce_time", DateTimeFormatter.ISO_INSTANT.format(row.occurredAt()));
        header(headers, "ce_subject", row.subject());
        header(headers, "ce_dataschema", row.dataschema());
        header(headers, TENANT_HEADER, row.tenantCode());
        headers.add("content-type", JSON_UTF8);
        return new ProducerRecord<>(row.topic(), null, row.messageKey(),
                row.payloadUtf8(), headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        if (value != null && !value.isEmpty()) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
