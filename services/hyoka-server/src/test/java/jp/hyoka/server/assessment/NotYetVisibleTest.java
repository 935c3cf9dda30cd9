package jp.hyoka.server.assessment;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.graphql.Results;
import jp.hyoka.server.security.Caller;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A stored edit whose read model has not caught up is reported as such, never as an internal error. */
class NotYetVisibleTest {

    private static final Caller EDITOR = new Caller(new MunicipalityCode("141305"), new Actor("k-editor", "川崎 一郎"),
            Set.of("editor"));

    @Test
    void givenAStoredEditTheReadModelsDoNotShowYet_whenShaped_thenEditNotYetVisibleWithIdAndRevision() {
        AssessmentQueries notProjectedYet = new AssessmentQueries(null) {
            @Override
            public Optional<AssessmentView> find(MunicipalityCode tenant, AssessmentId id) {
                return Optional.empty();
            }
        };
        AssessmentId id = new AssessmentId(UUID.fromString("01927a3c-5b1e-7000-8000-000000000001"));

        Object node = new AssessmentMutations(notProjectedYet, null).node(EDITOR, new EditOutcome.Edited(id, 1), false);

        assertThat(node).isEqualTo(new Nodes.NotYetVisibleNode(id.toString(), 1));
        assertThat(Results.typeOf(node)).isEqualTo("EditNotYetVisible");
        assertThat(((Nodes.NotYetVisibleNode) node).message()).contains("revision 1");
    }
}
