package jp.hyoka.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.support.GraphQlClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bounded load run: {@code clients} editors over HTTP, two per municipality, sharing their municipality's
 * documents (so that they do race on revisions), each in a closed loop for a while: 70 % reads of a few fields, 10 %
 * whole-document reads, 20 % edits sent with the revision last seen. A stale-revision refusal is the product's
 * answer to that race and is counted apart (the client reads the revision and goes on); every other refusal,
 * GraphQL error, non-200 answer or exception is an error.
 */
final class LoadRun {

    static final int DOCUMENTS_PER_TENANT = 4;

    record Result(int clients, int tenants, double seconds, long operations, long reads, long edits,
                  long staleRefusals, long errors, double perSecond, double p50Millis, double p99Millis,
                  List<String> errorSamples) {
        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("clients", clients);
            json.put("tenants", tenants);
            json.put("seconds", seconds);
            json.put("operations", operations);
            json.put("reads", reads);
            json.put("edits", edits);
            json.put("staleRevisionRefusals", staleRefusals);
            json.put("errors", errors);
            json.put("operationsPerSecond", perSecond);
            json.put("p50Millis", p50Millis);
            json.put("p99Millis", p99Millis);
            json.put("errorSamples", errorSamples);
            return json;
        }
    }

    private final ProductServer server;
    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong edits = new AtomicLong();
    private final AtomicLong stale = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());

    LoadRun(ProductServer server) {
        this.server = server;
    }

    Result run(int clients, Duration time) throws Exception {
        int tenants = Math.max(1, clients / 2);
        List<Client> all = new ArrayList<>();
        for (int t = 0; t < tenants; t++) {
            MunicipalityCode tenant = server.tenant(100 + t);
            List<String> documents = new ArrayList<>();
            GraphQlClient first = server.editor(tenant, "load-" + t + "-0");
            for (int d = 0; d < DOCUMENTS_PER_TENANT; d++) {
                documents.add(new ProductServer.Editor(first).id);
            }
            for (int c = 0; c < clients / tenants + (t < clients % tenants ? 1 : 0); c++) {
                all.add(new Client(c == 0 ? first : server.editor(tenant, "load-" + t + "-" + c), documents));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(all.size());
        try {
            long start = System.nanoTime();
            long end = start + time.toNanos();
            List<Future<List<Double>>> latencies = new ArrayList<>();
            for (Client client : all) {
                latencies.add(pool.submit(() -> client.loop(end)));
            }
            List<Double> millis = new ArrayList<>();
            for (Future<List<Double>> each : latencies) {
                millis.addAll(each.get());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result(all.size(), tenants, seconds, millis.size(), reads.get(), edits.get(), stale.get(),
                    errors.get(), millis.size() / seconds, Interleaved.percentile(millis, 0.5),
                    Interleaved.percentile(millis, 0.99), List.copyOf(errorSamples));
        } finally {
            pool.shutdownNow();
        }
    }

    private final class Client {
        private final GraphQlClient graphQl;
        private final List<String> documents;
        private final Map<String, Long> revisions = new ConcurrentHashMap<>();

        Client(GraphQlClient graphQl, List<String> documents) {
            this.graphQl = graphQl;
            this.documents = documents;
        }

        List<Double> loop(long end) {
            List<Double> millis = new ArrayList<>();
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (System.nanoTime() < end) {
                String document = documents.get(random.nextInt(documents.size()));
                int dice = random.nextInt(100);
                long start = System.nanoTime();
                try {
                    if (dice < 20) {
                        edit(document);
                    } else {
                        read(document, dice < 30 ? ProductServer.READ_WHOLE : ProductServer.READ_FEW);
                    }
                } catch (RuntimeException e) {
                    error(e.toString());
                }
                millis.add((System.nanoTime() - start) / 1e6);
            }
            return millis;
        }

        private void read(String document, String query) {
            reads.incrementAndGet();
            GraphQlClient.Response response = graphQl.execute(query, Map.of("id", document));
            JsonNode assessment = response.data().path("assessment");
            if (response.status() != 200 || response.errors().size() > 0 || !assessment.hasNonNull("revision")) {
                error(response.status() + " " + response.body());
                return;
            }
            revisions.merge(document, assessment.path("revision").asLong(), Math::max);
        }

        private void edit(String document) {
            edits.incrementAndGet();
            GraphQlClient.Response response = graphQl.execute(ProductServer.ANSWER, Map.of("id", document,
                    "rev", revisions.getOrDefault(document, 1L), "text", "負荷 " + System.nanoTime()));
            JsonNode result = response.data().path("answerItem");
            String type = result.path("__typename").asText();
            if (response.status() == 200 && response.errors().isEmpty() && type.equals("AssessmentEdited")) {
                revisions.merge(document, result.path("revision").asLong(), Math::max);
            } else if (response.status() == 200 && response.errors().isEmpty() && type.equals("StaleRevision")) {
                stale.incrementAndGet();
                read(document, ProductServer.READ_FEW);
            } else {
                error(response.status() + " " + response.body());
            }
        }

        private void error(String what) {
            errors.incrementAndGet();
            if (errorSamples.size() < 5) {
                errorSamples.add(what.length() > 300 ? what.substring(0, 300) : what);
            }
        }
    }
}
