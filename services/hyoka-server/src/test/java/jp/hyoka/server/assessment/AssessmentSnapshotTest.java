package jp.hyoka.server.assessment;

import jp.hyoka.domain.assessment.Assessment;
import jp.hyoka.domain.assessment.AssessmentDecider;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.assessment.ComponentUseMode;
import jp.hyoka.domain.assessment.PublishedChange;
import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.assessment.event.AssessmentStarted;
import jp.hyoka.domain.assessment.event.ComponentInserted;
import jp.hyoka.domain.assessment.event.ComponentProposalDeclined;
import jp.hyoka.domain.assessment.event.ComponentVersionAdopted;
import jp.hyoka.domain.assessment.event.ItemAnswerCleared;
import jp.hyoka.domain.assessment.event.ItemAnswered;
import jp.hyoka.domain.assessment.event.ItemWithheldFromPublication;
import jp.hyoka.domain.assessment.event.NextVersionStarted;
import jp.hyoka.domain.assessment.event.PersonalDataRedacted;
import jp.hyoka.domain.assessment.event.PublicCommentOpened;
import jp.hyoka.domain.assessment.event.RepeatEntryAdded;
import jp.hyoka.domain.assessment.event.RepeatEntryMoved;
import jp.hyoka.domain.assessment.event.RepeatEntryRemoved;
import jp.hyoka.domain.assessment.event.VersionPublished;
import jp.hyoka.domain.components.ComponentId;
import jp.hyoka.domain.components.RenderingOptions;
import jp.hyoka.domain.components.text.DiffOperation;
import jp.hyoka.domain.components.text.TextDifference;
import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.AnswerRules;
import jp.hyoka.domain.form.ChoiceAnswer;
import jp.hyoka.domain.form.DateAnswer;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.domain.importing.annex.SubmissionTiming;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.axon.AggregateCache;
import jp.hyoka.server.axon.AggregateSnapshots;
import jp.hyoka.server.forms.ClasspathFormCatalog;
import jp.hyoka.server.forms.JsoupRichTextSanitizer;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A snapshot is the folded state written as JSON: an assessment restored from a snapshot taken at any point of a long
 * random history, then given the later events, equals the same assessment replayed from its first event. The history
 * mixes answers at the top and in (nested) repeat entries, entries added, moved and removed, shared components
 * inserted, adopted and declined, publications, next versions, procedure steps, 非公表 marks and redactions.
 */
class AssessmentSnapshotTest {

    private static final AssessmentDecider DECIDER = new AssessmentDecider(new ClasspathFormCatalog(),
            new AnswerRules(new JsoupRichTextSanitizer()));
    private static final AssessmentAxonModule MODULE = new AssessmentAxonModule(DECIDER, new AggregateSnapshots(250, null),
            new AggregateCache(0));
    private static final Serializer SNAPSHOTS = AggregateSnapshots.serializer(List.of(MODULE));

    private static final AssessmentId ID = new AssessmentId(UUID.fromString("01927a3c-5b1e-7000-8000-000000000042"));
    private static final MunicipalityCode TENANT = new MunicipalityCode("141305");
    private static final Actor EDITOR = new Actor("u-1", "山田 太郎");
    private static final Instant AT = Instant.parse("2025-04-01T00:00:00Z");

    @Test
    void givenLongRandomHistory_whenRestoredFromSnapshotAtAnyPointPlusLaterEvents_thenEqualsFullReplay() {
        List<AssessmentEvent> history = new History(new Random(22)).events(3_000);
        Assessment replayed = replay(history);

        for (int cut = 1; cut < history.size(); cut += 37) {
            AssessmentAggregate restored = roundTrip(aggregateAfter(history.subList(0, cut)));
            Assessment state = restored.snapshot().evolveAll(history.subList(cut, history.size()));
            assertThat(state).as("snapshot after %d events", cut).isEqualTo(replayed);
        }
        assertThat(replayed.components().uses()).as("the history exercises components").isNotEmpty();
        assertThat(replayed.components().declined()).isNotEmpty();
        assertThat(replayed.lifecycle().version()).as("and versions").isGreaterThan(2);
        assertThat(replayed.entries()).as("and repeat entries").isNotEmpty();
    }

    @Test
    void givenSnapshotOfRedactedHistory_whenRestored_thenRedactedTextStaysWithheld() {
        List<AssessmentEvent> history = new ArrayList<>(List.of(started(),
                answered("department.name", List.of(), "担当 佐藤花子"),
                new PersonalDataRedacted(ID, TENANT, "佐藤花子", "本人の申出", EDITOR, AT)));

        AssessmentAggregate restored = roundTrip(aggregateAfter(history));

        assertThat(restored.snapshot().answer(new ItemId("department.name")))
                .contains(replay(history).answer(new ItemId("department.name")).orElseThrow());
        assertThat(new String(SNAPSHOTS.serialize(aggregateAfter(history), byte[].class).getData(),
                java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("佐藤花子");
    }

    @Test
    void givenSnapshotOfAnotherShape_whenFiltered_thenPassedOverAndOtherAggregatesKept() {
        SerializedObject<byte[]> current = SNAPSHOTS.serialize(aggregateAfter(List.of(started())), byte[].class);
        assertThat(current.getType().getRevision()).isEqualTo(AssessmentAggregate.SNAPSHOT_SHAPE);

        assertThat(MODULE.snapshotFilter().allow(entry("AssessmentAggregate", current))).isTrue();
        assertThat(MODULE.snapshotFilter().allow(entry("AssessmentAggregate", withRevision(current, "0")))).isFalse();
        assertThat(MODULE.snapshotFilter().allow(entry("AssessmentAggregate", withRevision(current, null)))).isFalse();
        assertThat(MODULE.snapshotFilter().allow(entry("SharedComponentAggregate", withRevision(current, "0")))).isTrue();
    }

    private static AssessmentAggregate aggregateAfter(List<AssessmentEvent> events) {
        return new AssessmentAggregate(replay(events));
    }

    private static Assessment replay(List<AssessmentEvent> events) {
        return Assessment.begin((AssessmentStarted) events.get(0)).evolveAll(events.subList(1, events.size()));
    }

    private static AssessmentAggregate roundTrip(AssessmentAggregate aggregate) {
        return SNAPSHOTS.deserialize(SNAPSHOTS.serialize(aggregate, byte[].class));
    }

    private static GenericDomainEventEntry<byte[]> entry(String type, SerializedObject<byte[]> payload) {
        return new GenericDomainEventEntry<>(type, ID.toString(), 10, "snapshot-1", AT.toString(),
                payload.getType().getName(), payload.getType().getRevision(), payload.getData(), new byte[0]);
    }

    private static SerializedObject<byte[]> withRevision(SerializedObject<byte[]> payload, String revision) {
        return new org.axonframework.serialization.SimpleSerializedObject<>(payload.getData(), byte[].class,
                payload.getType().getName(), revision);
    }

    private static AssessmentStarted started() {
        return new AssessmentStarted(ID, TENANT, new FormRef(FormKind.ALL_ITEMS, "2025"), "住民基本台帳に関する事務",
                EDITOR, AT);
    }

    private static ItemAnswered answered(String item, List<String> entries, String text) {
        return new ItemAnswered(ID, TENANT, new ItemId(item), entries, null, new TextAnswer(text), null, EDITOR, AT);
    }

    /** A random but consistent history: every event refers to entries and uses that exist when it happens. */
    private static final class History {
        private static final String[] ITEMS = {"department.name", "affair.summary", "risk.measures", "system.name"};
        private static final String[] NAMES = {"佐藤花子", "鈴木一郎", "中間サーバー", "住民基本台帳"};

        private final Random random;
        private final List<AssessmentEvent> events = new ArrayList<>();
        private Assessment state;
        private int next;

        History(Random random) {
            this.random = random;
        }

        List<AssessmentEvent> events(int count) {
            add(started());
            while (events.size() < count) {
                add(nextEvent());
            }
            return events;
        }

        private void add(AssessmentEvent event) {
            events.add(event);
            state = state == null ? Assessment.begin((AssessmentStarted) event) : state.evolve(event);
        }

        private AssessmentEvent nextEvent() {
            int roll = random.nextInt(100);
            List<String> entries = someEntryPath();
            String item = ITEMS[random.nextInt(ITEMS.length)];
            if (roll < 35) {
                return new ItemAnswered(ID, TENANT, new ItemId(item), entries, null, answer(), null, EDITOR, AT);
            } else if (roll < 40) {
                return new ItemAnswerCleared(ID, TENANT, new ItemId(item), entries, null, "不要", EDITOR, AT);
            } else if (roll < 55) {
                String group = random.nextBoolean() ? "files" : "files.recipients";
                List<String> parent = group.equals("files") ? List.of() : topEntries().isEmpty() ? List.of()
                        : List.of(pick(topEntries()));
                String actual = parent.isEmpty() ? "files" : group;
                int size = state.entries(actual, parent).size();
                return new RepeatEntryAdded(ID, TENANT, actual, parent, "e" + next++, random.nextInt(size + 1), null,
                        EDITOR, AT);
            } else if (roll < 60 && !topEntries().isEmpty()) {
                String entry = pick(topEntries());
                return new RepeatEntryMoved(ID, TENANT, "files", List.of(), entry, topEntries().indexOf(entry),
                        random.nextInt(topEntries().size()), null, EDITOR, AT);
            } else if (roll < 64 && !topEntries().isEmpty()) {
                String entry = pick(topEntries());
                return new RepeatEntryRemoved(ID, TENANT, "files", List.of(), entry, topEntries().indexOf(entry), null,
                        EDITOR, AT);
            } else if (roll < 72) {
                String use = "use-" + next++;
                return new ComponentInserted(ID, TENANT, use, new ItemId(item), entries, new ComponentId("jlis.measure"),
                        1, ComponentUseMode.values()[random.nextInt(3)], Map.of("団体名", "川崎市"),
                        RenderingOptions.DEFAULT, new TextDifference(List.of(new DiffOperation.Keep(2),
                        new DiffOperation.Delete(List.of("x")), new DiffOperation.Insert("追記"))),
                        "措置 " + use, random.nextBoolean() ? 0.93 : null, null, EDITOR, AT);
            } else if (roll < 77 && !state.components().uses().isEmpty()) {
                var use = pick(List.copyOf(state.components().uses().values()));
                return new ComponentVersionAdopted(ID, TENANT, use.useId(), use.itemId(), use.entries(),
                        use.componentId(), use.version(), use.version() + 1, Map.of("団体名", "川崎市"),
                        new TextDifference(List.of()), "措置 v" + (use.version() + 1),
                        SubmissionTiming.values()[random.nextInt(2)], "改版", null, EDITOR, AT);
            } else if (roll < 80 && !state.components().uses().isEmpty()) {
                var use = pick(List.copyOf(state.components().uses().values()));
                return new ComponentProposalDeclined(ID, TENANT, use.useId(), use.itemId(), use.entries(),
                        use.componentId(), use.version(), use.version() + 1, null, EDITOR, AT);
            } else if (roll < 84) {
                return new ItemWithheldFromPublication(ID, TENANT, new ItemId(item), entries, "規則第13条", EDITOR, AT);
            } else if (roll < 87) {
                return new PersonalDataRedacted(ID, TENANT, NAMES[random.nextInt(NAMES.length)], "本人の申出", EDITOR, AT);
            } else if (roll < 90) {
                LocalDate from = LocalDate.of(2025, 5, 1).plusDays(random.nextInt(300));
                return new PublicCommentOpened(ID, TENANT, state.lifecycle().version(), from, from.plusDays(30), null,
                        null, EDITOR, AT);
            } else if (roll < 95 && !state.lifecycle().published()) {
                return new VersionPublished(ID, TENANT, state.lifecycle().version(),
                        LocalDate.of(2025, 6, 1).plusDays(random.nextInt(300)), List.of(new PublishedChange(
                        new ItemId(item), entries, item, null, answer(), null, "変更", SubmissionTiming.AFTER, "説明")),
                        List.of(), null, EDITOR, AT);
            } else if (state.lifecycle().published()) {
                return new NextVersionStarted(ID, TENANT, state.lifecycle().version() + 1, null, EDITOR, AT);
            }
            return new ItemAnswered(ID, TENANT, new ItemId(item), entries, null, answer(), null, EDITOR, AT);
        }

        private Answer answer() {
            return switch (random.nextInt(3)) {
                case 0 -> new TextAnswer(NAMES[random.nextInt(NAMES.length)] + " 連絡先 " + random.nextInt(1000));
                case 1 -> new ChoiceAnswer("option-" + random.nextInt(4));
                default -> new DateAnswer(LocalDate.of(2025, 1, 1).plusDays(random.nextInt(365)));
            };
        }

        private List<String> topEntries() {
            return state.entries("files", List.of());
        }

        /** No entry, a top entry, or an entry nested in one. */
        private List<String> someEntryPath() {
            List<String> top = topEntries();
            if (top.isEmpty() || random.nextInt(3) == 0) {
                return List.of();
            }
            String outer = pick(top);
            List<String> inner = state.entries("files.recipients", List.of(outer));
            return inner.isEmpty() || random.nextBoolean() ? List.of(outer) : List.of(outer, pick(inner));
        }

        private <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }
    }
}
