package jp.hyoka.server.components;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.server.database.Cursors;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** componentProposals(after:) takes back only its own cursors; anything else is the client's mistake, said so. */
class ComponentProposalCursorTest {

    private static final String ASSESSMENT = "01927a3c-5b1e-7000-8000-000000000016";

    @Test
    void givenACursorTheListGave_whenRead_thenItsKeysetComesBack() {
        String cursor = Cursors.encode("2025-08-05T00:00:00.123456Z|" + ASSESSMENT + "|u-1|2");

        assertThat(ComponentUseQueries.proposalPosition(cursor))
                .containsExactly("2025-08-05T00:00:00.123456Z", ASSESSMENT, "u-1", "2");
    }

    @Test
    void givenAProposalIdOrACraftedCursor_whenRead_thenNotACursorOfThisList() {
        String proposalId = ProposalIds.encode(new AssessmentId(UUID.fromString(ASSESSMENT)), "u-1", 2);
        for (String after : new String[]{proposalId, Cursors.encode("yesterday|" + ASSESSMENT + "|u-1|2"),
                Cursors.encode("2025-08-05T00:00:00Z|not-a-uuid|u-1|2"),
                Cursors.encode("2025-08-05T00:00:00Z|" + ASSESSMENT + "|u-1|two"), "%%%"}) {
            assertThatThrownBy(() -> ComponentUseQueries.proposalPosition(after)).as(after)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a cursor of this list");
        }
    }
}
