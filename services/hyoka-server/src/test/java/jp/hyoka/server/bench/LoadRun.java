package jp.hyoka.server.bench;

import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.support.GraphQlClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * GraphQL error, non-200 answer or exception is an error. The editors' requests go through {@link LeanHttpClient}s
 * (one connection each) and their answers are checked by {@link AnswerScan}; documents are started through
 * {@link GraphQlClient}.
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
            GraphQlClient setUp = server.editor(tenant, "load-" + t + "-0");
            for (int d = 0; d < DOCUMENTS_PER_TENANT; d++) {
                documents.add(ProductServer.start(setUp).path("assessment").path("id").asText());
            }
            for (int c = 0; c < clients / tenants + (t < clients % tenants ? 1 : 0); c++) {
                all.add(new Client(server.leanEditor(tenant, "load-" + t + "-" + c), documents));
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

    /** What one client sends about one document, and the newest revision it has seen of it. */
    private static final class Document {
        private final LeanHttpClient.Request fewFields;
        private final LeanHttpClient.Request whole;
        private final GraphQlBodies.Edits edits;
        private long revision = 1;

        Document(LeanHttpClient http, String id) {
            fewFields = http.prepare(GraphQlBodies.of(ProductServer.READ_FEW, Map.of("id", id)));
            whole = http.prepare(GraphQlBodies.of(ProductServer.READ_WHOLE, Map.of("id", id)));
            edits = new GraphQlBodies.Edits(id, "負荷 ");
        }

        void seen(long newer) {
            revision = Math.max(revision, newer);
        }
    }

    /**
     * One editor's loop through its lean client (one connection): every request prepared once per document (an edit's
     * body per edit, its constant parts once), every answer checked by {@link AnswerScan} (a success holding the
     * document, or the edit's AssessmentEdited or StaleRevision) and its revision kept for the next edit.
     */
    private final class Client {
        private final LeanHttpClient http;
        private final List<Document> documents = new ArrayList<>();

        Client(LeanHttpClient http, List<String> ids) {
            this.http = http;
            for (String id : ids) {
                documents.add(new Document(http, id));
            }
        }

        List<Double> loop(long end) {
            List<Double> millis = new ArrayList<>();
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (System.nanoTime() < end) {
                Document document = documents.get(random.nextInt(documents.size()));
                int dice = random.nextInt(100);
                long start = System.nanoTime();
                try {
                    if (dice < 20) {
                        edit(document);
                    } else {
                        read(document, dice < 30 ? document.whole : document.fewFields);
                    }
                } catch (RuntimeException e) {
                    error(e.toString());
                }
                millis.add((System.nanoTime() - start) / 1e6);
            }
            return millis;
        }

        private void read(Document document, LeanHttpClient.Request request) {
            reads.incrementAndGet();
            LeanHttpClient.Answer answer = http.send(request);
            document.seen(AnswerScan.of(answer, "assessment").requireRevision(answer));
        }

        private void edit(Document document) {
            edits.incrementAndGet();
            LeanHttpClient.Answer answer = http.post(document.edits.body(document.revision, System.nanoTime()));
            AnswerScan result = AnswerScan.of(answer, "answerItem");
            if ("AssessmentEdited".equals(result.typename())) {
                document.seen(result.requireRevision(answer));
            } else if ("StaleRevision".equals(result.typename())) {
                stale.incrementAndGet();
                read(document, document.fewFields);
            } else {
                error(answer.toString());
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
