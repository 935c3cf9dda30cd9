package jp.hyoka.domain.audit;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static jp.hyoka.domain.audit.ChainFixtures.KAWASAKI;
import static jp.hyoka.domain.audit.ChainFixtures.answered;
import static jp.hyoka.domain.audit.ChainFixtures.fourEvents;
import static jp.hyoka.domain.audit.ChainFixtures.headOf;
import static jp.hyoka.domain.audit.ChainFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;

/** Verification names the first link that no longer matches what was stored, and why. */
class ChainVerifierTest {

    @Test
    void givenAnUntouchedChain_whenVerified_thenIntactWithItsCountAndHeadHash() {
        List<StoredLink> chain = stored(fourEvents());

        ChainVerification verification = verify(chain, headOf(chain), List.of());

        assertThat(verification.intact()).isTrue();
        assertThat(verification.verified()).isEqualTo(headOf(chain));
        assertThat(verification.verified().position()).isEqualTo(4);
    }

    @Test
    void givenNoEventsYet_whenVerified_thenIntactAtTheGenesisHash() {
        ChainVerification verification = verify(List.of(), ChainHead.EMPTY, List.of());

        assertThat(verification.intact()).isTrue();
        assertThat(verification.verified()).isEqualTo(new ChainHead(0, EventChain.GENESIS));
    }

    @Test
    void givenTheThirdEventsPayloadEdited_whenVerified_thenLinkThreeIsBrokenWithRecomputedAndStoredHash() {
        List<StoredLink> chain = new ArrayList<>(stored(fourEvents()));
        StoredLink third = chain.get(2);
        chain.set(2, new StoredLink(third.link(), Optional.of(answered(2, "改ざん"))));

        ChainVerification verification = verify(chain, headOf(chain), List.of());

        BrokenLink broken = verification.firstBrokenLink().orElseThrow();
        assertThat(broken.reason()).isEqualTo(ChainBreak.EVENT_CHANGED);
        assertThat(broken.position()).isEqualTo(OptionalLong.of(3));
        assertThat(broken.eventId()).contains("event-2");
        assertThat(broken.storedHash()).contains(third.link().hash());
        assertThat(broken.expectedHash()).contains(EventChain.hash(KAWASAKI, 3, third.link().previousHash(),
                answered(2, "改ざん")));
        assertThat(verification.verified().position()).as("links before the break still hold").isEqualTo(2);
    }

    @Test
    void givenALinksHashAndTheNextPreviousHashRewrittenTogether_whenVerified_thenTheRewrittenLinkIsBroken() {
        List<StoredLink> chain = new ArrayList<>(stored(fourEvents()));
        ChainLink second = chain.get(1).link();
        String forged = "f".repeat(64);
        chain.set(1, new StoredLink(new ChainLink(2, second.eventId(), second.previousHash(), forged),
                chain.get(1).event()));
        ChainLink third = chain.get(2).link();
        chain.set(2, new StoredLink(new ChainLink(3, third.eventId(), forged, third.hash()), chain.get(2).event()));

        BrokenLink broken = verify(chain, headOf(chain), List.of()).firstBrokenLink().orElseThrow();

        assertThat(broken.reason()).isEqualTo(ChainBreak.EVENT_CHANGED);
        assertThat(broken.position()).isEqualTo(OptionalLong.of(2));
        assertThat(broken.storedHash()).contains(forged);
    }

    @Test
    void givenALinksPreviousHashChanged_whenVerified_thenThatLinkIsBrokenNamingBothHashes() {
        List<StoredLink> chain = new ArrayList<>(stored(fourEvents()));
        ChainLink fourth = chain.get(3).link();
        chain.set(3, new StoredLink(new ChainLink(4, fourth.eventId(), EventChain.GENESIS, fourth.hash()),
                chain.get(3).event()));

        BrokenLink broken = verify(chain, headOf(chain), List.of()).firstBrokenLink().orElseThrow();

        assertThat(broken.reason()).isEqualTo(ChainBreak.PREVIOUS_HASH_CHANGED);
        assertThat(broken.position()).isEqualTo(OptionalLong.of(4));
        assertThat(broken.expectedHash()).contains(chain.get(2).link().hash());
        assertThat(broken.storedHash()).contains(EventChain.GENESIS);
    }

    @Test
    void givenAnEventDeletedFromTheStore_whenVerified_thenItsLinkReportsTheEventMissing() {
        List<StoredLink> chain = new ArrayList<>(stored(fourEvents()));
        chain.set(1, new StoredLink(chain.get(1).link(), Optional.empty()));

        BrokenLink broken = verify(chain, headOf(chain), List.of()).firstBrokenLink().orElseThrow();

        assertThat(broken.reason()).isEqualTo(ChainBreak.EVENT_MISSING);
        assertThat(broken.position()).isEqualTo(OptionalLong.of(2));
        assertThat(broken.eventId()).contains("event-1");
    }

    @Test
    void givenAMiddleLinkRemoved_whenVerified_thenThePositionWhereItWasIsReported() {
        List<StoredLink> chain = new ArrayList<>(stored(fourEvents()));
        chain.remove(1);

        BrokenLink broken = verify(chain, headOf(chain), List.of()).firstBrokenLink().orElseThrow();

        assertThat(broken.reason()).isEqualTo(ChainBreak.LINK_MISSING);
        assertThat(broken.position()).isEqualTo(OptionalLong.of(2));
        assertThat(broken.eventId()).contains("event-2");
    }

    @Test
    void givenTheLastLinkRemovedButTheHeadRecorded_whenVerified_thenTheHeadMismatchNamesBothHashes() {
        List<StoredLink> full = stored(fourEvents());
        List<StoredLink> truncated = full.subList(0, 3);

        ChainVerification verification = verify(truncated, headOf(full), List.of());

        BrokenLink broken = verification.firstBrokenLink().orElseThrow();
        assertThat(broken.reason()).isEqualTo(ChainBreak.HEAD_MISMATCH);
        assertThat(broken.position()).isEqualTo(OptionalLong.of(4));
        assertThat(broken.expectedHash()).contains(headOf(full).hash());
        assertThat(broken.storedHash()).contains(headOf(truncated).hash());
        assertThat(verification.verified().position()).isEqualTo(3);
    }

    @Test
    void givenAnEventOfTheTenantOutsideTheChain_whenVerified_thenItIsReportedAsUnchained() {
        List<StoredLink> chain = stored(fourEvents());

        BrokenLink broken = verify(chain, headOf(chain), List.of("forged-event")).firstBrokenLink().orElseThrow();

        assertThat(broken.reason()).isEqualTo(ChainBreak.UNCHAINED_EVENT);
        assertThat(broken.eventId()).contains("forged-event");
        assertThat(broken.position()).isEmpty();
    }

    @Test
    void givenTwoEditedEvents_whenVerified_thenOnlyTheFirstIsReported() {
        List<StoredLink> chain = new ArrayList<>(stored(fourEvents()));
        chain.set(1, new StoredLink(chain.get(1).link(), Optional.of(answered(1, "改ざん一"))));
        chain.set(3, new StoredLink(chain.get(3).link(), Optional.of(answered(3, "改ざん三"))));

        BrokenLink broken = verify(chain, headOf(chain), List.of()).firstBrokenLink().orElseThrow();

        assertThat(broken.position()).isEqualTo(OptionalLong.of(2));
    }

    private static ChainVerification verify(List<StoredLink> chain, ChainHead recordedHead, List<String> unchained) {
        ChainVerifier verifier = new ChainVerifier(KAWASAKI);
        chain.forEach(verifier::check);
        return verifier.finish(recordedHead, unchained);
    }
}
