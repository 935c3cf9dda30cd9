package jp.hyoka.domain.components;

import jp.hyoka.domain.form.FormCatalog;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.RichTextAnswer;
import jp.hyoka.domain.form.RichTextSanitizer;
import jp.hyoka.domain.rejection.CommandRejected;
import jp.hyoka.domain.rejection.InvalidInput;
import jp.hyoka.domain.rejection.SlotsMismatch;
import jp.hyoka.domain.rejection.TextTooLong;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The content of a drafted version, checked and returned in the one form Hyoka stores: text sanitised like every
 * rich-text answer (the {@link RichTextSanitizer} port), plain fields cleaned, rendering defaulted. The text's
 * length counts code points of the stored HTML, markers included, as {@code AnswerRules} counts answers.
 */
final class VersionContentRules {

    /** The limit of the forms' long rich-text items (III 6, III 7, III 10 …). */
    static final int MAX_TEXT_LENGTH = 20_000;
    static final int MAX_NOTE_LENGTH = 2_000;
    /** The 説明 column of a 変更箇所 row is a sentence or two. */
    static final int MAX_EXPLANATION_LENGTH = 1_000;
    static final int MAX_SLOTS = 20;
    static final int MAX_SLOT_LABEL_LENGTH = 100;

    private final RichTextSanitizer sanitizer;
    private final FormCatalog forms;

    VersionContentRules(RichTextSanitizer sanitizer, FormCatalog forms) {
        this.sanitizer = sanitizer;
        this.forms = forms;
    }

    VersionContent check(VersionContent content, List<ComponentFit> fits) {
        String text = content.text() == null ? "" : sanitizer.sanitize(content.text()).strip();
        if (new RichTextAnswer(text).plainText().isEmpty()) {
            throw reject(new InvalidInput("text", "required"));
        }
        int length = text.codePointCount(0, text.length());
        if (length > MAX_TEXT_LENGTH) {
            throw reject(new TextTooLong("text", MAX_TEXT_LENGTH, length));
        }
        List<Slot> slots = slots(content.slots());
        requireSameSlots(ComponentText.slotNames(text), slots);
        checkFits(text, fits);
        if (content.effectiveFrom() == null) {
            throw reject(new InvalidInput("effectiveFrom", "required"));
        }
        String note = Fields.required("note", content.note(), MAX_NOTE_LENGTH);
        if (content.timing() == null) {
            throw reject(new InvalidInput("timing", "required: 事前 (BEFORE) or 事後 (AFTER)"));
        }
        String explanation = Fields.required("explanation", content.explanation(), MAX_EXPLANATION_LENGTH);
        RenderingOptions rendering = content.rendering() == null ? RenderingOptions.DEFAULT : content.rendering();
        return new VersionContent(text, content.effectiveFrom(), note, content.timing(), explanation, slots,
                rendering);
    }

    /** Each fitted item must hold the text: refuses one whose limit is below its length. */
    void checkFits(String text, List<ComponentFit> fits) {
        int length = text.codePointCount(0, text.length());
        for (ComponentFit fit : fits) {
            forms.find(fit.form()).flatMap(form -> form.item(fit.item())).map(Item::maxLength)
                    .filter(max -> length > max)
                    .ifPresent(max -> {
                        throw reject(new TextTooLong(fit.item().value(), max, length));
                    });
        }
    }

    private static List<Slot> slots(List<Slot> given) {
        if (given.size() > MAX_SLOTS) {
            throw reject(new InvalidInput("slots", "at most " + MAX_SLOTS));
        }
        Set<String> names = new HashSet<>();
        List<Slot> slots = new ArrayList<>();
        for (Slot slot : given) {
            if (!Slot.NAME.matcher(slot.name()).matches()) {
                throw reject(new InvalidInput("slots", "'" + slot.name() + "' is not a lower-case kebab-case name"));
            }
            if (!names.add(slot.name())) {
                throw reject(new InvalidInput("slots", "'" + slot.name() + "' is declared twice"));
            }
            slots.add(new Slot(slot.name(),
                    Fields.required("slots." + slot.name() + ".label", slot.label(), MAX_SLOT_LABEL_LENGTH)));
        }
        return List.copyOf(slots);
    }

    private static void requireSameSlots(List<String> used, List<Slot> declared) {
        List<String> declaredNames = declared.stream().map(Slot::name).toList();
        List<String> undeclared = used.stream().filter(name -> !declaredNames.contains(name)).toList();
        List<String> unused = declaredNames.stream().filter(name -> !used.contains(name)).toList();
        if (!undeclared.isEmpty() || !unused.isEmpty()) {
            throw reject(new SlotsMismatch(undeclared, unused));
        }
    }

    private static CommandRejected reject(jp.hyoka.domain.rejection.Rejection rejection) {
        return new CommandRejected(rejection);
    }
}
