package jp.hyoka.server.importing;

import jp.hyoka.domain.assessment.AnswerKey;
import jp.hyoka.domain.assessment.Assessment;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.assessment.EntryListKey;
import jp.hyoka.domain.exporting.DocumentExport;
import jp.hyoka.domain.exporting.TsvExport;
import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.AnswerRules;
import jp.hyoka.domain.form.ChoiceAnswer;
import jp.hyoka.domain.form.ChoiceOption;
import jp.hyoka.domain.form.DateAnswer;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.MultiChoiceAnswer;
import jp.hyoka.domain.form.NumberAnswer;
import jp.hyoka.domain.form.RepeatGroup;
import jp.hyoka.domain.form.RichTextAnswer;
import jp.hyoka.domain.form.Selection;
import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.domain.importing.ExportDecoding;
import jp.hyoka.domain.importing.body.DocumentBodyImport;
import jp.hyoka.domain.importing.body.ImportedAnswer;
import jp.hyoka.domain.importing.body.ImportedDocument;
import jp.hyoka.domain.importing.body.ImportedEntry;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.forms.ClasspathFormCatalog;
import jp.hyoka.server.forms.JsoupRichTextSanitizer;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Export then import on every form revision, including the 基礎項目評価書 for which no published sample exists: a
 * document with every item answered (one entry of every repeating group) is exported to the tab-separated format
 * and read back; every answer returns to its item and entry, and no row is left unmapped.
 */
class EveryFormRoundTripTest {

    private static final ClasspathFormCatalog FORMS = new ClasspathFormCatalog();
    private static final AnswerRules RULES = new AnswerRules(new JsoupRichTextSanitizer());

    static Stream<FormDefinition> forms() {
        return FORMS.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void givenEveryItemAnswered_whenExportedAndImported_thenEveryAnswerComesBackToItsItemAndEntry(FormDefinition form) {
        Map<String, String> entryOfGroup = new HashMap<>();
        Map<EntryListKey, List<String>> entries = new HashMap<>();
        for (RepeatGroup group : form.repeatGroups()) {
            entryOfGroup.put(group.id(), group.id() + "-1");
        }
        for (RepeatGroup group : form.repeatGroups()) {
            entries.put(new EntryListKey(group.id(), parentPath(form, group.id(), entryOfGroup)),
                    List.of(entryOfGroup.get(group.id())));
        }
        Map<AnswerKey, Answer> answers = new HashMap<>();
        int n = 0;
        for (Item item : form.items()) {
            List<String> path = item.repeatGroup() == null ? List.of()
                    : form.chain(item.repeatGroup()).stream().map(entryOfGroup::get).toList();
            answers.put(new AnswerKey(item.id(), path), sampleAnswer(item, ++n));
        }
        Assessment written = new Assessment(new AssessmentId(UUID.randomUUID()), new MunicipalityCode("141305"),
                form.ref(), answers, entries, 1);

        String tsv = TsvExport.render(new DocumentExport(form, written, List.of()));
        List<String> lines = ExportDecoding.decode(tsv.getBytes(StandardCharsets.UTF_8)).lines();
        AtomicInteger ids = new AtomicInteger();
        ImportedDocument read = DocumentBodyImport.read(lines,
                FORMS.all().stream().filter(f -> f.ref().kind() == form.ref().kind()).toList(), RULES,
                () -> "read-" + ids.incrementAndGet());

        assertThat(read.form()).isEqualTo(printedAlike(form));
        assertThat(read.unmapped()).as("rows the export wrote that its import could not map").isEmpty();
        assertThat(read.rowsMapped()).isEqualTo(read.rowsRead());
        Map<String, Answer> expected = answers.entrySet().stream().collect(Collectors.toMap(
                e -> e.getKey().itemId().value(), Map.Entry::getValue));
        Map<String, Answer> actual = byItem(read);
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
            expected.forEach((item, answer) -> softly.assertThat(actual.get(item)).as(item).isEqualTo(answer));
        });
        assertThat(read.entries()).extracting(ImportedEntry::groupId)
                .containsExactlyInAnyOrderElementsOf(form.repeatGroups().stream().map(RepeatGroup::id).toList());
    }

    /**
     * The revision an import must choose: the form's own, unless a newer revision of the kind prints exactly the same
     * items (the 基礎 2024 and 2025 files do): a document cannot tell them apart, and the newest wins a tie.
     */
    private static FormRef printedAlike(FormDefinition form) {
        return FORMS.all().stream().filter(f -> f.ref().kind() == form.ref().kind())
                .filter(f -> f.items().equals(form.items()))
                .map(FormDefinition::ref).max(Comparator.comparing(FormRef::version))
                .orElseThrow();
    }

    private static List<String> parentPath(FormDefinition form, String groupId, Map<String, String> entryOfGroup) {
        List<String> chain = form.chain(groupId);
        return chain.subList(0, chain.size() - 1).stream().map(entryOfGroup::get).toList();
    }

    /** Each import answer of an item; with one entry per group, the item id alone says where it belongs. */
    private static Map<String, Answer> byItem(ImportedDocument read) {
        Map<String, Answer> answers = new HashMap<>();
        for (ImportedAnswer answer : read.answers()) {
            answers.put(answer.itemId().value(), answer.answer());
        }
        return answers;
    }

    /** A plausible answer of the item's type, distinct per item so that a value read into the wrong item shows. */
    private static Answer sampleAnswer(Item item, int n) {
        return switch (item.type().answerType()) {
            case TEXT -> new TextAnswer("記載" + n);
            case RICH_TEXT -> new RichTextAnswer("<p>記載" + n + "</p>");
            case NUMBER -> new NumberAnswer(Math.max(item.minimum(), Math.min(3, item.maximum() > 0 ? item.maximum() : 3)));
            case DATE -> new DateAnswer(LocalDate.of(2024, 4, 1));
            case SINGLE_CHOICE -> {
                ChoiceOption option = item.options().get(0);
                yield new ChoiceAnswer(option.code(), option.freeText() ? "自由記載" + n : null, option.count() ? 2L : null);
            }
            case MULTIPLE_CHOICE -> {
                List<Selection> selections = new ArrayList<>();
                for (ChoiceOption option : List.of(item.options().get(0), item.options().get(item.options().size() - 1))) {
                    if (selections.stream().noneMatch(s -> s.optionCode().equals(option.code()))) {
                        selections.add(new Selection(option.code(), option.freeText() ? "自由記載" + n : null,
                                option.count() ? 2L : null));
                    }
                }
                yield new MultiChoiceAnswer(selections);
            }
            default -> throw new IllegalStateException("no sample answer for " + item.type());
        };
    }
}
