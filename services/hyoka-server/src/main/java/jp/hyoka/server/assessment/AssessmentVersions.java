package jp.hyoka.server.assessment;

import jakarta.inject.Singleton;
import jp.hyoka.server.graphql.VersionedRoot;
import jp.hyoka.server.security.Caller;

import java.util.Optional;
import java.util.Set;

/**
 * {@code assessment(id:)} as a versioned root: its answer may be kept while the document's revision and row are
 * the same (graphql/ResponseCache). Named here are only the fields computed from the document's row, answers and
 * entries as one read at one revision saw them (AssessmentQueries.findWhole), and from its form, which is fixed for
 * the life of the process. Not named, so never kept: history (paged reads of another table), the shared-component
 * uses and proposals, review threads, publication, deadlines, rules, procedure steps, import reports, the public
 * view, and anything a later SDL file adds to Assessment.
 * <p>
 * The version is the {@code rm_assessment} row's revision and {@code xmin}: correct only while every write of
 * {@code rm_answer} or {@code rm_repeat_entry} also writes that row in the same transaction. The database enforces
 * it (V18: after every statement on those tables, a trigger writes the row of each document changed, unless the
 * transaction wrote it already; a rebuild's copies carry the triggers), so a data migration or a new writer of those
 * tables alone cannot leave kept answers stale (AssessmentVersionFollowsAnswersIT).
 */
@Singleton
public class AssessmentVersions implements VersionedRoot {

    static final Set<String> DETERMINED = Set.of(
            "Assessment.id", "Assessment.uuid", "Assessment.form", "Assessment.kind", "Assessment.affairName",
            "Assessment.revision", "Assessment.createdAt", "Assessment.createdBy", "Assessment.updatedAt",
            "Assessment.updatedBy", "Assessment.answers", "Assessment.answer", "Assessment.repeatEntries",
            "Assessment.completeness",
            // actors' names are stored with each row by the event that wrote it, not looked up
            "Actor.userId", "Actor.displayName",
            "FormRef.kind", "FormRef.version",
            "ItemAnswer.item", "ItemAnswer.entries", "ItemAnswer.value", "ItemAnswer.revision",
            "ItemAnswer.answeredAt", "ItemAnswer.answeredBy",
            "RepeatEntry.id", "RepeatEntry.group", "RepeatEntry.entryId", "RepeatEntry.ordinal", "RepeatEntry.label",
            "RepeatEntry.parentEntryIds",
            "Completeness.complete", "Completeness.unansweredCount", "Completeness.gaps",
            "CompletenessGap.section", "CompletenessGap.block", "CompletenessGap.entries",
            "CompletenessGap.unansweredItems", "CompletenessGap.group", "CompletenessGap.entryCount",
            "CompletenessGap.minimum",
            "TextValue.text", "RichTextValue.html", "RichTextValue.plainText", "NumberValue.number",
            "DateValue.date", "DateValue.wareki", "ChoiceValue.code", "ChoiceValue.label", "ChoiceValue.detail",
            "ChoiceValue.count", "MultiChoiceValue.selections",
            // the form (ClasspathFormCatalog): read from the classpath once, the same for the life of the process
            "FormItem.componentFamily", "FormItem.heading", "FormItem.help", "FormItem.id",
            "FormItem.importantChange", "FormItem.itemId", "FormItem.label", "FormItem.maxLength", "FormItem.maximum",
            "FormItem.minimum", "FormItem.note", "FormItem.number", "FormItem.options", "FormItem.repeatGroup",
            "FormItem.type",
            "ChoiceOption.code", "ChoiceOption.count", "ChoiceOption.freeText", "ChoiceOption.label",
            "RepeatGroup.groupId", "RepeatGroup.id", "RepeatGroup.label", "RepeatGroup.max", "RepeatGroup.min",
            "RepeatGroup.parent",
            "FormSection.blocks", "FormSection.id", "FormSection.items", "FormSection.label", "FormSection.note",
            "FormSection.number", "FormSection.repeat", "FormSection.sectionId",
            "FormBlock.blockId", "FormBlock.headings", "FormBlock.id", "FormBlock.items", "FormBlock.label",
            "FormBlock.note", "FormBlock.number", "FormBlock.repeat");

    private final AssessmentQueries queries;

    public AssessmentVersions(AssessmentQueries queries) {
        this.queries = queries;
    }

    @Override
    public String field() {
        return "assessment";
    }

    @Override
    public String idArgument() {
        return "id";
    }

    @Override
    public Set<String> determinedFields() {
        return DETERMINED;
    }

    @Override
    public Optional<Version> version(Caller caller, String id) {
        return AssessmentIds.parse(id).flatMap(found -> queries.version(caller.tenant(), found));
    }
}
