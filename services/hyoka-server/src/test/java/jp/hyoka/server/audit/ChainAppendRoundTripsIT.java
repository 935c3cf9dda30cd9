package jp.hyoka.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.hyoka.server.support.CountingDriver;
import jp.hyoka.server.support.CountingDriver.RoundTrip;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static jp.hyoka.server.support.AuditOperations.VERIFY;
import static jp.hyoka.server.support.AuditOperations.startAndAnswer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An append links its events from the rows it bound to the event table's insert (infra/docs/hash-chain.md): between
 * the insert and the links no statement reads the event table (the events are not read back: one round trip less per
 * command, issue 22 row 4), and the chain still verifies against the events as stored. An append of one event (most
 * commands) locks its tenant's head in the insert's own round trip, after the insert (and after the outbox row of an
 * event told outside): the insert's round trip, then the links' (BENCHMARKS.md rows 1 and 2).
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChainAppendRoundTripsIT extends SignedInServerTest {

    private static final String EVENT_INSERT = "insert into domainevententry";
    private static final String HEAD = "event_chain_head";
    private static final String OUTBOX = "integration_outbox";
    private static final String LINKS_INSERT = "insert into event_chain (";

    @Override
    public Map<String, String> getProperties() {
        return CountingDriver.counting(super.getProperties());
    }

    @Test
    void givenOneEventCommands_whenTheirEventsAreAppended_thenTheHeadIsLockedInTheInsertsRoundTrip_andTheLinksFollowWithoutReadingThemBack() {
        int mark = CountingDriver.mark();
        startAndAnswer(callers.kawasakiEditor, "住民基本台帳に関する事務", "市民課", "区政推進課「本庁」");

        List<List<String>> appends = appends(CountingDriver.since(mark));
        assertThat(appends).as("appends seen").hasSizeGreaterThanOrEqualTo(3);
        for (List<String> append : appends) {
            String insert = append.get(0);
            assertThat(insert.indexOf(HEAD)).as("the tenant's head, locked in the insert's round trip after the "
                    + "insert, in %s", append).isGreaterThan(insert.indexOf(EVENT_INSERT));
            assertThat(append).as("round trips from the event's insert to its links").hasSize(2);
            assertThat(append.get(1)).as("the links, written").contains(LINKS_INSERT).doesNotContain("domainevententry");
        }
        assertThat(appends).as("the start's outbox row (assessment.started), in the insert's round trip before the "
                + "head's lock").anySatisfy(append -> assertThat(append.get(0).indexOf(OUTBOX))
                .isGreaterThan(append.get(0).indexOf(EVENT_INSERT)).isLessThan(append.get(0).indexOf(HEAD)));
        JsonNode verified = callers.kawasakiReader.data("verifyEventChain", VERIFY, Map.of());
        assertThat(verified.path("intact").asBoolean()).as("the links hash what is stored").isTrue();
        assertThat(verified.path("eventsVerified").asLong()).isGreaterThanOrEqualTo(appends.size());
    }

    /** Per append: the statements its thread sent from the event insert up to and including the links' insert. */
    private static List<List<String>> appends(List<RoundTrip> trips) {
        List<List<String>> appends = new ArrayList<>();
        for (int i = 0; i < trips.size(); i++) {
            if (!trips.get(i).sql().toLowerCase(Locale.ROOT).startsWith(EVENT_INSERT)) {
                continue;
            }
            String thread = trips.get(i).thread();
            List<String> append = new ArrayList<>();
            for (int j = i; j < trips.size(); j++) {
                if (trips.get(j).thread().equals(thread)) {
                    String sql = trips.get(j).sql().toLowerCase(Locale.ROOT);
                    append.add(sql);
                    if (sql.contains(LINKS_INSERT)) {
                        break;
                    }
                }
            }
            appends.add(append);
        }
        return appends;
    }
}
