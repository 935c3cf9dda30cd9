package jp.hyoka.server.audit;

import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import jp.hyoka.domain.audit.BrokenLink;
import jp.hyoka.domain.audit.ChainVerification;
import jp.hyoka.server.graphql.GraphQlFeature;
import jp.hyoka.server.graphql.Requests;
import jp.hyoka.server.security.Caller;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Tamper evidence for auditors: verify the caller's municipality's event hash chain, or export it as a bundle.
 * Always the caller's own municipality; the SDL's {@code @access} admits auditors only.
 */
@Singleton
public class AuditWiring implements GraphQlFeature {

    private final EventChainAudit audit;
    private final DownloadTokens tokens;

    public AuditWiring(EventChainAudit audit, DownloadTokens tokens) {
        this.audit = audit;
        this.tokens = tokens;
    }

    @Override
    public String sdlFile() {
        return "audit.graphqls";
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type
                .dataFetcher("verifyEventChain", environment -> {
                    Caller caller = Requests.caller(environment);
                    return verification(audit.verify(caller.tenant()), Instant.now());
                })
                .dataFetcher("exportAuditBundle", environment -> {
                    Caller caller = Requests.caller(environment);
                    return bundle(audit.bundleAt(caller.tenant(), caller.actor().userId(), Instant.now()));
                }));
    }

    /** The bundle's head is fixed now; its file is streamed later, from the signed URL, up to that head. */
    private Map<String, Object> bundle(BundleLinks bundle) {
        Instant expiresAt = tokens.expiryFrom(bundle.exportedAt());
        Map<String, Object> fields = new HashMap<>();
        fields.put("fileName", bundle.fileName());
        fields.put("mediaType", AuditBundleDownload.MEDIA_TYPE);
        fields.put("exportedAt", bundle.exportedAt());
        fields.put("events", bundle.head().position());
        fields.put("headHash", bundle.head().hash());
        fields.put("downloadUrl", AuditBundleDownload.url(bundle, tokens.sign(bundle, expiresAt)));
        fields.put("expiresAt", expiresAt);
        return fields;
    }

    private static Map<String, Object> verification(ChainVerification verification, Instant at) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("municipalityCode", verification.tenant());
        fields.put("intact", verification.intact());
        fields.put("eventsVerified", verification.verified().position());
        fields.put("headHash", verification.intact() ? verification.verified().hash() : null);
        fields.put("firstBrokenLink", verification.firstBrokenLink().map(AuditWiring::brokenLink).orElse(null));
        fields.put("verifiedAt", at);
        return fields;
    }

    private static Map<String, Object> brokenLink(BrokenLink broken) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("position", broken.position().isPresent() ? broken.position().getAsLong() : null);
        fields.put("eventId", broken.eventId().orElse(null));
        fields.put("reason", broken.reason().name());
        fields.put("expectedHash", broken.expectedHash().orElse(null));
        fields.put("storedHash", broken.storedHash().orElse(null));
        return fields;
    }
}
