package jp.hyoka.server.audit;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.server.support.SecondNode;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import static jp.hyoka.server.support.AuditOperations.BUNDLE;
import static jp.hyoka.server.support.AuditOperations.download;
import static jp.hyoka.server.support.AuditOperations.startAndAnswer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nodes behind one load balancer: a download URL signed by one node works on another given the same
 * {@code hyoka.audit.download-secret}, and is refused (401) by a node whose key is its own.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BundleAcrossNodesIT extends SignedInServerTest {

    private static final String SECRET = secret();

    @Inject
    ApplicationContext context;

    private SecondNode sameSecret;
    private SecondNode ownKey;

    @Override
    public Map<String, String> getProperties() {
        return baseProperties(Map.of("hyoka.audit.download-secret", SECRET));
    }

    @BeforeAll
    void nodes() {
        startAndAnswer(callers.kawasakiEditor, "住民基本台帳に関する事務", "市民課");
        sameSecret = SecondNode.on(context, Map.of("hyoka.audit.download-secret", SECRET));
        ownKey = SecondNode.on(context);
    }

    @AfterAll
    void stopNodes() {
        sameSecret.close();
        ownKey.close();
    }

    @Test
    void givenAUrlSignedOnOneNode_whenFollowedOnAnotherWithTheSameSecret_thenTheSameFileAndElsewhereRefused() {
        String url = callers.kawasakiReader.data("exportAuditBundle", BUNDLE, Map.of()).path("downloadUrl").asText();

        HttpResponse<String> here = download(server.getURI(), url, null);
        HttpResponse<String> there = download(sameSecret.uri(), url, null);
        HttpResponse<String> otherKey = download(ownKey.uri(), url, null);

        assertThat(here.statusCode()).as(here.body()).isEqualTo(200);
        assertThat(there.statusCode()).as(there.body()).isEqualTo(200);
        assertThat(there.body()).isEqualTo(here.body());
        assertThat(otherKey.statusCode()).isEqualTo(401);
        assertThat(otherKey.body()).contains("signature does not verify");
    }

    private static String secret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
