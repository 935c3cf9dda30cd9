package jp.hyoka.server.graphql;

import jp.hyoka.domain.shared.MunicipalityCode;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kept answers: a newer version's answer is never replaced by an older one's, whatever order the requests that read
 * them finish in (the interleavings are played step by step, on one thread); a lookup never waits for a keep; and
 * the characters kept stay within the bound, an answer read since the last pass kept one round longer.
 */
class CachedResponsesTest {

    private static final MunicipalityCode KAWASAKI = new MunicipalityCode("141305");
    private static final CachedResponses.Key KEY = key("query { assessment(id: \"a\") { revision } }");
    private static final CachedResponses.KeptOperation KEPT_BY_COERCED = operation(false);
    private static final CachedResponses.KeptOperation DIRECT = operation(true);
    private static final VersionedRoot.Version V1 = new VersionedRoot.Version(1, 700);
    private static final VersionedRoot.Version V2 = new VersionedRoot.Version(2, 701);
    private static final String ANSWER = "x".repeat(1_000);

    @Test
    void givenANewerVersionKept_whenARequestThatReadAnOlderOneFinishes_thenTheNewerAnswerStays() {
        CachedResponses kept = new CachedResponses(1_000_000);
        kept.put(KEY, V2, data("revision 2"), KEPT_BY_COERCED);

        kept.put(KEY, V1, data("revision 1"), KEPT_BY_COERCED);

        assertThat(kept.entry(KEY).version()).isEqualTo(V2);
        assertThat(kept.entry(KEY).data().length()).isEqualTo(data("revision 2").length());
    }

    @Test
    void givenAnOlderVersionKept_whenANewerOneIsPut_thenItReplacesIt() {
        CachedResponses kept = new CachedResponses(1_000_000);
        kept.put(KEY, V1, data("revision 1"), KEPT_BY_COERCED);

        kept.put(KEY, V2, data("revision 2"), KEPT_BY_COERCED);

        assertThat(kept.entry(KEY).version()).isEqualTo(V2);
        assertThat(kept.count()).isEqualTo(1);
    }

    @Test
    void givenAHitAboutToBeUpgraded_whenANewerVersionIsKeptFirst_thenTheUpgradeLeavesTheNewerAnswer() {
        CachedResponses kept = new CachedResponses(1_000_000);
        kept.put(KEY, V1, data("revision 1"), KEPT_BY_COERCED);
        CachedResponses.Entry hit = kept.entry(KEY);               // request A: a hit, kept by a coerced request
        kept.put(KEY, V2, data("revision 2"), KEPT_BY_COERCED);    // request B: the document moved on, kept anew

        kept.upgrade(KEY, hit, DIRECT);                            // request A, direct, upgrades what it saw

        assertThat(kept.entry(KEY).version()).isEqualTo(V2);
        assertThat(kept.entry(KEY).operation()).isEqualTo(KEPT_BY_COERCED);
    }

    @Test
    void givenAHitStillKept_whenUpgraded_thenTheSameAnswerMayBeServedBeforeGraphQlJava() {
        CachedResponses kept = new CachedResponses(1_000_000);
        kept.put(KEY, V1, data("revision 1"), KEPT_BY_COERCED);

        kept.upgrade(KEY, kept.entry(KEY), DIRECT);

        assertThat(kept.entry(KEY).version()).isEqualTo(V1);
        assertThat(kept.entry(KEY).operation().direct()).isTrue();
    }

    @Test
    void givenTheSameRevision_whenAnotherRowVersionIsPut_thenTheLastPutWinsWhicheverTransactionIdIsHigher() {
        VersionedRoot.Version laterId = new VersionedRoot.Version(5, 900);
        VersionedRoot.Version earlierId = new VersionedRoot.Version(5, 800);
        CachedResponses kept = new CachedResponses(1_000_000);
        kept.put(KEY, laterId, data("written by transaction 900"), KEPT_BY_COERCED);

        kept.put(KEY, earlierId, data("written by transaction 800, committed last"), KEPT_BY_COERCED);

        assertThat(kept.entry(KEY).version()).isEqualTo(earlierId);
        kept.put(KEY, laterId, data("written by transaction 900"), KEPT_BY_COERCED);
        assertThat(kept.entry(KEY).version()).isEqualTo(laterId);
    }

    @Test
    void givenAKeepHoldingTheLock_whenAnotherThreadLooksUp_thenTheLookupDoesNotWait() throws Exception {
        CachedResponses kept = new CachedResponses(1_000_000);
        kept.put(KEY, V1, data("revision 1"), KEPT_BY_COERCED);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            synchronized (kept) {                                  // what a keep holds while it runs
                CompletableFuture<CachedResponses.Entry> lookup = CompletableFuture.supplyAsync(() -> kept.entry(KEY),
                        other);

                assertThat(lookup.get(30, TimeUnit.SECONDS).version()).isEqualTo(V1);
            }
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void givenMoreAnswersThanTheBound_whenKept_thenTheCharactersStayWithinItAndARecentlyReadAnswerOutlastsTheOthers() {
        CachedResponses kept = answersAtTheBound(4);
        assertThat(kept.count()).isEqualTo(4);
        kept.entry(key(0));                                          // the oldest, read again

        kept.put(key(4), V1, data(ANSWER), KEPT_BY_COERCED);

        assertThat(kept.count()).isEqualTo(4);
        assertThat(kept.entry(key(0))).as("read since the last pass: kept a round longer").isNotNull();
        assertThat(kept.entry(key(1))).as("the oldest not read since").isNull();
        for (int i = 5; i < 50; i++) {
            kept.put(key(i), V1, data(ANSWER), KEPT_BY_COERCED);
            assertThat(kept.count()).isLessThanOrEqualTo(4);
        }
    }

    @Test
    void givenEveryAnswerReadSinceTheLastPass_whenANewOneIsKeptPastTheBound_thenTheNewOneStaysAndAnOldOneGoes() {
        CachedResponses kept = answersAtTheBound(4);
        for (int i = 0; i < 4; i++) {
            kept.entry(key(i));                                      // every one read since
        }

        kept.put(key(4), V1, data(ANSWER), KEPT_BY_COERCED);

        assertThat(kept.entry(key(4))).as("the answer just kept").isNotNull();
        assertThat(kept.count()).isEqualTo(4);
        assertThat(kept.entry(key(0))).as("the oldest, its second round over").isNull();
    }

    @Test
    void givenAnAnswerKeptAtTheBound_whenReplacedByALargerOne_thenItStaysAndOthersMakeRoom() {
        CachedResponses kept = answersAtTheBound(8);                 // an answer may take up to a quarter

        kept.put(key(0), V2, data(ANSWER + "y".repeat(500)), KEPT_BY_COERCED);

        assertThat(kept.entry(key(0)).version()).isEqualTo(V2);
        assertThat(kept.entry(key(1))).as("the oldest other answer").isNull();
        assertThat(kept.count()).isEqualTo(7);
    }

    /** {@code count} answers of {@link #ANSWER} under {@code key(0..count - 1)}, filling a bound of exactly as many. */
    private static CachedResponses answersAtTheBound(int count) {
        int entrySize = data(ANSWER).length() + key(0).query().length() + "{}".length() + 256;
        CachedResponses kept = new CachedResponses((long) count * entrySize);
        for (int i = 0; i < count; i++) {
            kept.put(key(i), V1, data(ANSWER), KEPT_BY_COERCED);
        }
        return kept;
    }

    private static CachedResponses.Key key(int i) {
        return key("query Q" + i + " { assessment(id: \"a\") { revision } }");
    }

    private static CachedResponses.Key key(String query) {
        return new CachedResponses.Key(KAWASAKI, Set.of("editor"), query, null, Map.of());
    }

    private static CachedData data(String text) {
        return CachedData.of(Map.of("assessment", Map.of("text", text)));
    }

    private static CachedResponses.KeptOperation operation(boolean direct) {
        return new CachedResponses.KeptOperation(null, "a", 10, null, null, direct);
    }
}
