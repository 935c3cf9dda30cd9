package jp.hyoka.server.architecture;

import graphql.language.FieldDefinition;
import graphql.language.ImplementingTypeDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.Type;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No list in the API grows without bound (issue 20): every list field of an object type or interface in the
 * committed printed schema (which {@link PrintedSchemaIT} keeps equal to what the server serves) is a connection's
 * {@code edges} (a page: at most 100), deprecated in favour of a connection, or named in {@link #BOUNDED} with why it
 * stays small.
 * A new list field fails here until it is paged or its bound is written down; the allow-list cannot name a field
 * that is gone. Each field's own SDL description states the same bound for clients.
 */
class BoundedListsTest {

    /** Lists bounded by something that does not grow with a document's history, a municipality's activity or time. */
    static final Map<String, String> BOUNDED = Map.ofEntries(
            // an import's report: one file, at most 2 MB (micronaut.server.max-request-size)
            entry("AnnexImportReport.warnings", "one import of one file of at most 2 MB; fixed once imported"),
            entry("DocumentImportReport.warnings", "one import of one file of at most 2 MB; fixed once imported"),
            entry("Assessment.unmappedContent", "what one import of a file of at most 2 MB kept aside; never grows"),
            entry("ImportWarning.candidates", "at most 6: the resolver names its best few candidates for one 項目 path"),
            entry("DocumentImported.linkedComponents", "at most one per item of the form the document was imported into"),
            entry("ImportReport.keptAside", "what one import of a file of at most 2 MB kept aside; never grows"),
            entry("ImportReport.linkedComponents", "at most one per item of the form the document was imported into"),
            entry("UnresolvedPath.candidates", "at most 6 (ItemPathResolver keeps the 6 closest)"),
            // the current document: sized by its form (items × repeat entries), read whole by the editor
            entry("Assessment.answers", "one per answered item of the form and repeat entry: the document's size, not its history"),
            entry("Assessment.repeatEntries", "the document's repeat entries as they are now, not their history"),
            entry("Assessment.pendingChanges", "at most one per item (and entry) that differs from the last version"),
            entry("Assessment.withheldFromPublication", "at most one per item (and entry) of the document marked 非公表"),
            entry("Assessment.componentUses", "at most one per item of the document"),
            entry("Completeness.gaps", "at most one per section, block and repeat entry of the form"),
            entry("CompletenessGap.entries", "the entries of one repeating group of the document"),
            entry("CompletenessGap.unansweredItems", "at most the items of one block of the form"),
            entry("ItemAnswer.entries", "the entries the answer sits in: the form's nesting depth of repeating groups"),
            // the form (様式) as data
            entry("Query.forms", "the form catalogue: three kinds times the published revisions of the 様式"),
            entry("Form.repeatGroups", "defined by the form"),
            entry("Form.sections", "defined by the form"),
            entry("FormSection.blocks", "defined by the form"),
            entry("FormSection.items", "defined by the form"),
            entry("FormBlock.items", "defined by the form"),
            entry("FormBlock.headings", "defined by the form"),
            entry("FormItem.options", "the item's option list, defined by the form"),
            entry("MultiChoiceValue.selections", "at most the item's options"),
            entry("OptionNotAllowed.allowedOptions", "the item's option list, defined by the form"),
            entry("HistoryEntry.formChanges", "one form migration's changes: bounded by the form"),
            entry("AssessmentEdited.formChanges", "one form migration's changes: bounded by the form"),
            entry("ExplanationRequired.changes", "the items of one edit (at most the form's items)"),
            entry("DocumentThreshold.warnings", "one per rule of the しきい値判断 that disagrees"),
            entry("ThresholdDecision.aggravatedBy", "a closed set of aggravating conditions"),
            entry("AssessmentProcedure.steps", "the fixed steps of the 評価実施手続"),
            entry("Reassessment.steps", "the fixed steps of the 評価実施手続"),
            entry("Reassessment.importantItemIds", "at most the items the form marks ※"),
            // ids of one entry's nesting, or a list held by one component
            entry("ComponentUse.entryIds", "the nesting depth of the form's repeating groups"),
            entry("FormChange.entryIds", "the nesting depth of the form's repeating groups"),
            entry("HistoryEntry.entryIds", "the nesting depth of the form's repeating groups"),
            entry("ItemChange.entryIds", "the nesting depth of the form's repeating groups"),
            entry("LinkedComponent.entryIds", "the nesting depth of the form's repeating groups"),
            entry("PendingChange.entryIds", "the nesting depth of the form's repeating groups"),
            entry("PublicAnswer.entryIds", "the nesting depth of the form's repeating groups"),
            entry("RepeatEntry.parentEntryIds", "the nesting depth of the form's repeating groups"),
            entry("SearchHit.entryIds", "the nesting depth of the form's repeating groups"),
            entry("SnapshotAnswer.entryIds", "the nesting depth of the form's repeating groups"),
            entry("UnknownRepeatEntry.entryIds", "the nesting depth of the form's repeating groups"),
            entry("WithheldItem.entryIds", "the nesting depth of the form's repeating groups"),
            entry("ComponentUse.slotValues", "at most the version's slots (20, VersionContentRules.MAX_SLOTS)"),
            entry("ComponentVersion.slots", "at most 20 (VersionContentRules.MAX_SLOTS)"),
            entry("SlotsMismatch.undeclared", "at most the slots one text names (one version's text, 20,000 chars)"),
            entry("SlotsMismatch.unused", "at most 20 declared slots"),
            entry("ComponentMerge.chunks", "the differing chunks of one version's text (at most 20,000 chars)"),
            entry("SharedComponent.fits", "at most 200 (FitRules.MAX_FITS)"),
            entry("ComponentImpact.byMunicipality", "at most the 1,788 municipalities"),
            entry("Query.municipalities", "at most the 1,788 municipalities (operator only)"),
            // one message, one request
            entry("AssessmentChanged.changes", "at most 100 per message (AssessmentFeed.MAX_CHANGES), complete says if more"),
            entry("SearchExcerpt.highlights", "the matches in one short excerpt"),
            entry("RebuildStatus.tables", "the read-model tables (ReadModelTables)"),
            entry("Viewer.roles", "the closed set of roles"),
            entry("Query.nodes", "one per id asked, at most 100 ids (NodeWiring.MAX_IDS)"));

    private static boolean deprecated(FieldDefinition field) {
        return !field.getDirectives("deprecated").isEmpty();
    }

    private static boolean isList(Type<?> type) {
        Type<?> nullable = type instanceof NonNullType nonNull ? nonNull.getType() : type;
        return nullable instanceof ListType;
    }

    /** "Type.field" of every list field of every object type and interface, mapped to whether it is deprecated. */
    private static Map<String, Boolean> listFields() throws IOException {
        TypeDefinitionRegistry registry = new SchemaParser().parse(
                Files.readString(PrintedSchemaIT.COPY, StandardCharsets.UTF_8));
        Map<String, Boolean> fields = new TreeMap<>();
        for (ImplementingTypeDefinition<?> type : registry.getTypes(ImplementingTypeDefinition.class)) {
            for (FieldDefinition field : type.getFieldDefinitions()) {
                if (isList(field.getType())) {
                    fields.put(type.getName() + "." + field.getName(), deprecated(field));
                }
            }
        }
        return fields;
    }

    @Test
    void givenThePrintedSchema_whenEveryListFieldIsRead_thenEachIsAPageDeprecatedOrBoundedForAStatedReason()
            throws IOException {
        List<String> unbounded = new ArrayList<>();
        listFields().forEach((field, isDeprecated) -> {
            boolean page = field.endsWith("Connection.edges");
            if (!page && !isDeprecated && !BOUNDED.containsKey(field)) {
                unbounded.add(field);
            }
        });

        assertThat(unbounded).as("list fields neither paged, deprecated, nor in BOUNDED with their bound").isEmpty();
    }

    @Test
    void givenTheAllowList_whenComparedWithTheSchema_thenEveryEntryIsALiveUndeprecatedListWithAReason()
            throws IOException {
        Map<String, Boolean> fields = listFields();
        TreeSet<String> stale = new TreeSet<>();
        BOUNDED.forEach((field, reason) -> {
            if (!Boolean.FALSE.equals(fields.get(field)) || reason.isBlank()) {
                stale.add(field);
            }
        });

        assertThat(stale).as("allow-list entries that are gone, deprecated or without a reason").isEmpty();
    }
}
