package jp.hyoka.domain.audit;

import org.junit.jupiter.api.Test;

import java.util.List;

import static jp.hyoka.domain.audit.ChainFixtures.KAWASAKI;
import static jp.hyoka.domain.audit.ChainFixtures.answered;
import static jp.hyoka.domain.audit.ChainFixtures.fourEvents;
import static jp.hyoka.domain.audit.ChainFixtures.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hashing and appending: the canonical form is a contract that auditors' own verifiers implement. */
class EventChainTest {

    @Test
    void givenTheFirstEventOfATenant_whenHashed_thenTheHashIsTheDocumentedSha256OfItsCanonicalForm() {
        // Computed independently (Python hashlib over the length-prefixed fields of EventChain's Javadoc).
        String golden = "70c9b1aad8f0deb70075412490057a6601a85db0d685f0363a47e08ae2057c10";

        assertThat(EventChain.hash(KAWASAKI, 1, EventChain.GENESIS, started())).isEqualTo(golden);
    }

    @Test
    void givenAHashThatFailedHalfwayOnThisThread_whenTheNextEventIsHashed_thenItsHashIsTheDocumentedOne() {
        // the digest is reused per thread: what the failed hash fed it must not leak into the next
        assertThatThrownBy(() -> EventChain.hash(null, 1, EventChain.GENESIS, started()))
                .isInstanceOf(NullPointerException.class);

        assertThat(EventChain.hash(KAWASAKI, 1, EventChain.GENESIS, started()))
                .isEqualTo("70c9b1aad8f0deb70075412490057a6601a85db0d685f0363a47e08ae2057c10");
    }

    @Test
    void givenAnEmptyChain_whenEventsAreAppended_thenPositionsCountFromOneAndEachLinkNamesThePreviousHash() {
        List<ChainLink> links = EventChain.extend(KAWASAKI, ChainHead.EMPTY, fourEvents());

        assertThat(links).extracting(ChainLink::position).containsExactly(1L, 2L, 3L, 4L);
        assertThat(links.get(0).previousHash()).isEqualTo(EventChain.GENESIS);
        for (int i = 1; i < links.size(); i++) {
            assertThat(links.get(i).previousHash()).isEqualTo(links.get(i - 1).hash());
        }
        assertThat(links).extracting(ChainLink::hash).allMatch(hash -> hash.matches("[0-9a-f]{64}")).doesNotHaveDuplicates();
    }

    @Test
    void givenAChainAppendedInTwoCommits_whenComparedWithOneCommit_thenTheLinksAreTheSame() {
        List<ChainedEvent> events = fourEvents();
        List<ChainLink> first = EventChain.extend(KAWASAKI, ChainHead.EMPTY, events.subList(0, 2));
        ChainLink last = first.get(1);

        List<ChainLink> second = EventChain.extend(KAWASAKI, new ChainHead(last.position(), last.hash()),
                events.subList(2, 4));

        assertThat(second).isEqualTo(EventChain.extend(KAWASAKI, ChainHead.EMPTY, events).subList(2, 4));
    }

    @Test
    void givenOneCharacterOfThePayloadChanged_whenHashed_thenTheHashDiffers() {
        String original = EventChain.hash(KAWASAKI, 2, EventChain.GENESIS, answered(1, "第一稿"));

        assertThat(EventChain.hash(KAWASAKI, 2, EventChain.GENESIS, answered(1, "第一槁"))).isNotEqualTo(original);
    }

    @Test
    void givenTheSameEventInAnotherTenantsChainOrPosition_whenHashed_thenTheHashDiffers() {
        String original = EventChain.hash(KAWASAKI, 1, EventChain.GENESIS, started());

        assertThat(EventChain.hash("012041", 1, EventChain.GENESIS, started())).isNotEqualTo(original);
        assertThat(EventChain.hash(KAWASAKI, 2, EventChain.GENESIS, started())).isNotEqualTo(original);
    }

    @Test
    void givenTextMovedBetweenAdjacentFields_whenHashed_thenTheHashDiffers() {
        // Length prefixes keep "ab"+"c" apart from "a"+"bc"; plain concatenation would hash both the same.
        ChainedEvent one = new ChainedEvent("e", "agg", 0, "Type", "2026-12-05T01:00:00Z", "{}");
        ChainedEvent other = new ChainedEvent("e", "agg", 0, "Type2026-12-05T01:00:00Z", "{", "}");

        assertThat(EventChain.hash(KAWASAKI, 1, EventChain.GENESIS, one))
                .isNotEqualTo(EventChain.hash(KAWASAKI, 1, EventChain.GENESIS, other));
    }
}
