package jp.hyoka.domain.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Events and chains of 川崎市 (141305) as the store would hold them. */
final class ChainFixtures {

    static final String KAWASAKI = "141305";
    static final String ASSESSMENT = "01927a3c-5b1e-7000-8000-000000000001";

    private ChainFixtures() {
    }

    static ChainedEvent started() {
        return new ChainedEvent("0b3c8f0e-1d7a-4c1e-9a53-2f4f0a6d1b77", ASSESSMENT, 0,
                "jp.hyoka.domain.assessment.event.AssessmentStarted", "2026-12-05T01:00:00Z",
                "{\"assessmentId\":\"" + ASSESSMENT + "\",\"tenant\":\"141305\",\"affairName\":\"介護保険関係事務\"}");
    }

    static ChainedEvent answered(int sequence, String text) {
        return new ChainedEvent("event-" + sequence, ASSESSMENT, sequence,
                "jp.hyoka.domain.assessment.event.ItemAnswered", "2026-12-05T01:0" + sequence + ":00Z",
                "{\"itemId\":\"affair.name\",\"answer\":{\"kind\":\"TEXT\",\"text\":\"" + text + "\"}}");
    }

    /** Four events: the start and three answers. */
    static List<ChainedEvent> fourEvents() {
        return List.of(started(), answered(1, "第一稿"), answered(2, "第二稿"), answered(3, "第三稿"));
    }

    /** The links and events as stored, the links computed when the events were appended. */
    static List<StoredLink> stored(List<ChainedEvent> events) {
        List<ChainLink> links = EventChain.extend(KAWASAKI, ChainHead.EMPTY, events);
        List<StoredLink> stored = new ArrayList<>();
        for (int i = 0; i < links.size(); i++) {
            stored.add(new StoredLink(links.get(i), Optional.of(events.get(i))));
        }
        return stored;
    }

    static ChainHead headOf(List<StoredLink> stored) {
        ChainLink last = stored.get(stored.size() - 1).link();
        return new ChainHead(last.position(), last.hash());
    }
}
