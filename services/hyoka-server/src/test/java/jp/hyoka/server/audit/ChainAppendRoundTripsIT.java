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
 * command, issue 22 row 4), and the chain still verifies against the events as stored.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChainAppendRoundTripsIT extends SignedInServerTest {

    private static final String EVENT_INSERT = "insert into domainevententry";
    private static final String LINKS_INSERT = "insert into event_chain (";

    @Override
    public Map<String, String> getProperties() {
        return CountingDriver.counting(super.getProperties());
    }

    @Test
    void givenEdits_whenTheirEventsAreAppended_thenTheirLinksAreWrittenWithoutReadingThemBack() {
        int mark = CountingDriver.mark();
        startAndAnswer(callers.kawasakiEditor, "住民基本台帳に関する事務", "市民課", "区政推進課「本庁」");

        List<List<String>> appends = appends(CountingDriver.since(mark));
        assertThat(appends).as("appends seen").hasSizeGreaterThanOrEqualTo(3);
        for (List<String> append : appends) {
            List<String> between = append.subList(1, append.size() - 1);
            assertThat(append.get(append.size() - 1)).as("the links, written, in %s", append).contains(LINKS_INSERT);
            assertThat(between).as("the tenant's head, locked").anyMatch(sql -> sql.contains("event_chain_head"));
            assertThat(between).as("statements between the event insert and the links that read the event table")
                    .noneMatch(sql -> sql.contains("domainevententry"));
        }
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
