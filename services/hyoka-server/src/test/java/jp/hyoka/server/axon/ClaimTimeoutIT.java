package jp.hyoka.server.axon;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import jp.hyoka.server.support.ServerNodes;
import jp.hyoka.server.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A claim timeout below the minimum (ClaimTimeoutTest) stops the server at start-up, with the rule in the error. */
class ClaimTimeoutIT {

    @Test
    void givenAClaimTimeoutOfHalfASecond_whenTheServerStarts_thenItRefusesNamingTheSettingAndTheValue() {
        Map<String, Object> halfASecond = ServerNodes.properties(TestDatabase.newDatabase(), TestDatabase.user(),
                TestDatabase.password());
        halfASecond.put("hyoka.read-models.claim-timeout", "500ms");

        assertThatThrownBy(() -> ApplicationContext.run(EmbeddedServer.class, halfASecond).close())
                .hasStackTraceContaining("hyoka.read-models.claim-timeout must be at least 2s")
                .hasStackTraceContaining(": PT0.5S");
    }
}
