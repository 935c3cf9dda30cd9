package jp.hyoka.example;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * Follows one municipality's integration events and prints each once:
 * {@code infra/scripts/consume.sh 141305 [bootstrap]} (see schema/events/README.md for the contracts).
 * The topic is {@code hyoka.municipality.<code>}; CloudEvents attributes come as {@code ce_*} headers (binary
 * content mode), the record value is the payload; duplicates (same {@code ce_id}) are skipped.
 */
public final class MunicipalityEvents {

    private MunicipalityEvents() {
    }

    public static void main(String[] args) {
        if (args.length < 1 || !args[0].matches("\\d{6}")) {
            System.err.println("usage: MunicipalityEvents <地方公共団体コード> [bootstrap servers, default 127.0.0.1:19092]");
            System.exit(2);
        }
        String code = args[0];
        String bootstrap = args.length > 1 ? args[1] : "127.0.0.1:19092";
        SeenEvents seen = new SeenEvents(Path.of(System.getProperty("user.home"), ".hyoka-consumer", code + ".seen"));
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "hyoka-example-" + code);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of("hyoka.municipality." + code));
            System.out.println("Following hyoka.municipality." + code + " on " + bootstrap + " (Ctrl-C stops)");
            while (true) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    String id = header(record, "ce_id");
                    if (seen.firstTime(id)) {
                        System.out.println(line(record));
                    } else {
                        System.out.println("(duplicate " + id + " skipped)");
                    }
                }
                consumer.commitSync();
            }
        }
    }

    /** One event as a line: time, type, subject, id, payload. */
    static String line(ConsumerRecord<String, String> record) {
        return String.join("  ", header(record, "ce_time"), header(record, "ce_type"),
                header(record, "ce_subject"), header(record, "ce_id"), record.value());
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
