package jp.hyoka.server.support;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The real Kafka broker of the tests, one per test JVM, started on first use: Testcontainers' apache/kafka where a
 * Docker engine is present, otherwise Kafka's own in-process KRaft cluster ({@link KafkaClusterTestKit}, one
 * combined broker and controller). Never a MockProducer, never skipped. Tests keep apart by topic. A test that must
 * stop and restart a broker on the same address uses {@link ScriptKafka} instead.
 */
public final class TestKafka {

    private static String bootstrapServers;

    private TestKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            long started = System.nanoTime();
            bootstrapServers = DockerClientFactory.instance().isDockerAvailable() ? container() : testKit();
            System.out.printf("Kafka for the tests: ready in %.1f s at %s%n", (System.nanoTime() - started) / 1e9,
                    bootstrapServers);
        }
        return bootstrapServers;
    }

    private static String container() {
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.2.0");
        kafka.start();
        return kafka.getBootstrapServers();
    }

    private static String testKit() {
        try {
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                    // One broker: the internal topics' default replication factor (3) would never be met
                    // (STACK.md §2), and consumer groups would never get an assignment.
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("num.partitions", "3")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    cluster.close();
                } catch (Exception e) {
                    System.err.println("could not stop the tests' Kafka: " + e.getMessage());
                }
            }));
            return cluster.bootstrapServers();
        } catch (Exception e) {
            throw new IllegalStateException("could not start the tests' Kafka (KafkaClusterTestKit)", e);
        }
    }
}
