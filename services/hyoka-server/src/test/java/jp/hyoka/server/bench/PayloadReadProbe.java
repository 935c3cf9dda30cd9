package jp.hyoka.server.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.assessment.event.AssessmentStarted;
import jp.hyoka.domain.assessment.event.ItemAnswered;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.axon.EventJson;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * CPU per stored payload read (BENCHMARKS.md row 5 reads 10 per load): the events' mapper
 * ({@code EventJson.objectMapper()}, what Axon's serializer reads with) against tokenizing the same bytes alone, one
 * JVM, interleaved rounds, thread CPU time; the per-round ratio (mapper ÷ tokens) is the figure to compare between two
 * builds on a busy machine, since both of its sides slow down together. Run it with another build's classes on the
 * class path to compare them (infra/docs/history-benchmark.md): {@code java -cp … PayloadReadProbe [reads] [rounds]}.
 */
public final class PayloadReadProbe {

    private PayloadReadProbe() {
    }

    public static void main(String[] args) throws Exception {
        int reads = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        ObjectMapper jackson = EventJson.objectMapper();
        AssessmentId id = new AssessmentId(UUID.randomUUID());
        MunicipalityCode tenant = new MunicipalityCode("141305");
        Actor actor = new Actor("0f5c8a9e-1d2b-4c3d-9e8f-7a6b5c4d3e2f", "川崎 編集者");
        Instant at = Instant.parse("2026-12-07T05:40:12.123456Z");
        List<Object> payloads = List.of(
                new ItemAnswered(id, tenant, new ItemId("department.name"), List.of(), new TextAnswer("こども未来局"),
                        new TextAnswer("こども家庭局 1"), null, actor, at),
                new AssessmentStarted(id, tenant, new FormRef(FormKind.ALL_ITEMS, "2024"), "住民基本台帳に関する事務",
                        actor, at));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (Object payload : payloads) {
            byte[] json = jackson.writeValueAsBytes(payload);
            ObjectReader mapper = jackson.readerFor(payload.getClass());
            if (!mapper.readValue(json).equals(payload)) {
                throw new IllegalStateException("not read back: " + payload);
            }
            List<double[]> perRound = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                double[] nanos = new double[2];
                for (int side = 0; side < 2; side++) {
                    int which = (side + round) % 2;
                    long start = threads.getCurrentThreadCpuTime();
                    for (int i = 0; i < reads; i++) {
                        if (which == 0) {
                            sink(mapper.readValue(json));
                        } else {
                            tokenize(jackson, json);
                        }
                    }
                    nanos[which] = (threads.getCurrentThreadCpuTime() - start) / (double) reads;
                }
                perRound.add(new double[]{nanos[0], nanos[1], nanos[0] / nanos[1]});
                System.out.printf("%s round %d: mapper %.0f ns, tokens %.0f ns%n",
                        payload.getClass().getSimpleName(), round, nanos[0], nanos[1]);
            }
            System.out.printf("RESULT %s mapper %.0f ns, tokens %.0f ns, mapper / tokens per round %.2f"
                            + " (medians of rounds 2..%d)%n", payload.getClass().getSimpleName(),
                    median(perRound, 0), median(perRound, 1), median(perRound, 2), rounds);
        }
    }

    private static void tokenize(ObjectMapper jackson, byte[] json) throws IOException {
        try (JsonParser parser = jackson.getFactory().createParser(json)) {
            while (parser.nextToken() != null) {
                if (parser.hasTextCharacters()) {
                    sink(parser.getText());
                }
            }
        }
    }

    private static Object last;

    private static void sink(Object value) {
        last = value;
    }

    private static double median(List<double[]> rounds, int side) {
        double[] values = rounds.stream().skip(1).mapToDouble(round -> round[side]).sorted().toArray();
        return values[values.length / 2];
    }
}
