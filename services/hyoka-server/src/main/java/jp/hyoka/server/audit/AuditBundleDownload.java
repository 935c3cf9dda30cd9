package jp.hyoka.server.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Named;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.security.Caller;
import jp.hyoka.server.security.CallerResolver;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code GET /audit/bundles/{municipality}}: the audit bundle as a file, streamed ({@link BundleStream}: chunked,
 * from one repeatable-read snapshot, never whole in memory). With {@code ?token=} (the URL exportAuditBundle
 * returns, signed by {@link DownloadTokens}) the file ends at the head fixed then; with only a bearer token (an
 * auditor of that municipality) at the head recorded now. Refusals are {@code application/problem+json}: 401 for a
 * missing, expired or forged token, 403 for a caller or token of another municipality or without the auditor role,
 * 503 with Retry-After when this node already streams {@code hyoka.audit.max-concurrent-downloads} files (each holds
 * a pooled connection while the client reads).
 */
@Controller(AuditBundleDownload.PATH)
public class AuditBundleDownload {

    static final String PATH = "/audit/bundles";
    static final String AUDITOR = "auditor";
    static final String MEDIA_TYPE = "application/jsonl; charset=utf-8";
    static final String HEAD_HASH_HEADER = "X-Hyoka-Head-Hash";
    private static final String PROBLEM = "application/problem+json";
    private static final int RETRY_AFTER_SECONDS = 5;
    /** How long a response's body may wait for Netty's subscription before its permit is given back anyway. */
    private static final Duration UNCLAIMED = Duration.ofSeconds(30);
    private static final int WAITING = 0;
    private static final int STREAMING = 1;
    private static final int RELEASED = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventChainAudit audit;
    private final DownloadTokens tokens;
    private final CallerResolver callers;
    private final Scheduler scheduler;
    private final Semaphore downloads;

    public AuditBundleDownload(EventChainAudit audit, DownloadTokens tokens, CallerResolver callers,
                               @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
                               @Value("${hyoka.audit.max-concurrent-downloads:2}") int maxDownloads) {
        this.audit = audit;
        this.tokens = tokens;
        this.callers = callers;
        this.scheduler = Schedulers.fromExecutorService(blocking);
        this.downloads = new Semaphore(Math.max(1, maxDownloads));
    }

    /** The URL of a bundle's download, relative to the server (the client resolves it against its API origin). */
    static String url(BundleLinks bundle, String token) {
        return PATH + "/" + bundle.tenant().value() + "?token=" + token;
    }

    @Get(uri = "/{municipality}", produces = MEDIA_TYPE)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<?> download(HttpRequest<?> request, @PathVariable String municipality,
                             @Nullable @QueryValue String token) {
        Optional<MunicipalityCode> tenant = MunicipalityCode.parse(municipality);
        if (tenant.isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "No municipality has the code " + municipality + ".");
        }
        Optional<Authentication> bearer = request.getUserPrincipal(Authentication.class);
        Optional<Caller> caller = bearer.flatMap(authentication -> callers.resolve(authentication).asCaller());
        if (caller.isPresent() && !caller.get().tenant().equals(tenant.get())) {
            return problem(HttpStatus.FORBIDDEN, "FORBIDDEN", "You act for another municipality.");
        }
        Instant now = Instant.now();
        BundleLinks bundle;
        if (token != null) {
            try {
                bundle = tokens.verify(token, now);
            } catch (DownloadTokens.Refused refused) {
                return problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", refused.getMessage());
            }
            if (!bundle.tenant().equals(tenant.get())) {
                return problem(HttpStatus.FORBIDDEN, "FORBIDDEN", "The download token is for another municipality.");
            }
        } else if (caller.isEmpty()) {
            return problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "Sign in as an auditor of the municipality, "
                    + "or use the signed URL exportAuditBundle returns.");
        } else if (!caller.get().hasRole(AUDITOR)) {
            return problem(HttpStatus.FORBIDDEN, "FORBIDDEN", "The audit bundle is for auditors only.");
        } else {
            bundle = audit.bundleAt(tenant.get(), caller.get().actor().userId(), now);
        }
        if (!downloads.tryAcquire()) {
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "BUSY", "This node is streaming as many bundles as it "
                    + "may at once; nothing was done. Retry after the time given.")
                    .header(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        }
        Flux<byte[]> file = permitted(audit.stream(bundle, scheduler));
        return HttpResponse.ok(file)
                .contentType(MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + bundle.fileName() + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HEAD_HASH_HEADER, bundle.head().hash());
    }

    /**
     * Gives the download's permit back exactly once: when the file ends, fails or is cancelled, or, if Netty never
     * subscribes to the body (the client gone before the headers were written), after {@link #UNCLAIMED}.
     */
    private Flux<byte[]> permitted(Flux<byte[]> file) {
        // WAITING → STREAMING (Netty subscribed in time) or WAITING → RELEASED (the timer won): whichever comes
        // first decides, so a body subscribed after the timer gave the permit back never streams without one.
        AtomicInteger state = new AtomicInteger(WAITING);
        Schedulers.parallel().schedule(() -> {
            if (state.compareAndSet(WAITING, RELEASED)) {
                downloads.release();
            }
        }, UNCLAIMED.toMillis(), TimeUnit.MILLISECONDS);
        return Flux.defer(() -> state.compareAndSet(WAITING, STREAMING) ? file
                        : Flux.<byte[]>error(new IllegalStateException("the download was not claimed in time")))
                .doFinally(signal -> {
                    if (state.compareAndSet(STREAMING, RELEASED)) {
                        downloads.release();
                    }
                });
    }

    private static io.micronaut.http.MutableHttpResponse<String> problem(HttpStatus status, String code,
                                                                         String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", status.getReason());
        body.put("status", status.getCode());
        body.put("detail", detail);
        body.put("code", code);
        try {
            return HttpResponse.<String>status(status).contentType(PROBLEM).body(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
