package jp.hyoka.server.assessment;

import jp.hyoka.domain.assessment.AnswerKey;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.assessment.Completeness;
import jp.hyoka.domain.assessment.EntryListKey;
import jp.hyoka.domain.form.Block;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.Section;
import jp.hyoka.server.assessment.AnswerView;
import jp.hyoka.server.assessment.EntryView;
import jp.hyoka.server.graphql.GlobalIds;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One assessment's read model laid out on its form revision: answers in the order the document prints them
 * (section, entry, block, entry, item), each with the repeat entries it sits in.
 */
final class DocumentView {

    /** An entry of a repeating group as the API shows it: システム2 is ordinal 2 of group system. */
    record EntryNode(AssessmentId assessmentId, jp.hyoka.domain.form.RepeatGroup group, String entryId, int ordinal,
                     String label, List<String> parentEntryIds) {
        /** Global: entry ids are unique within their assessment only. */
        String id() {
            return GlobalIds.encode(RepeatEntryNodes.TYPE, assessmentId + "/" + entryId);
        }
    }

    private final AssessmentId assessment;
    private final FormDefinition form;
    private final Map<EntryListKey, List<String>> entries = new HashMap<>();
    private final Map<AnswerKey, AnswerView> answers = new HashMap<>();

    DocumentView(AssessmentId assessment, FormDefinition form, List<AnswerView> answers, List<EntryView> entries) {
        this.assessment = assessment;
        this.form = form;
        entries.stream().sorted(Comparator.comparingInt(EntryView::position)).forEach(entry -> this.entries
                .computeIfAbsent(new EntryListKey(entry.groupId(), entry.parentEntries()), key -> new ArrayList<>())
                .add(entry.entryId()));
        answers.stream().filter(answer -> ItemId.isWellFormed(answer.itemId())).forEach(answer ->
                this.answers.put(new AnswerKey(new ItemId(answer.itemId()), answer.entries()), answer));
    }

    List<Nodes.ItemAnswerNode> orderedAnswers() {
        List<Nodes.ItemAnswerNode> ordered = new ArrayList<>();
        for (Section section : form.sections()) {
            for (Completeness.Placed placed : Completeness.printOrder(form, section, this::entries)) {
                String group = placed.block().repeat() != null ? placed.block().repeat() : section.repeat();
                for (Item item : placed.block().items()) {
                    AnswerView answer = answers.get(new AnswerKey(item.id(), placed.entries()));
                    if (answer != null) {
                        ordered.add(new Nodes.ItemAnswerNode(item, answer, entryNodes(group, placed.entries())));
                    }
                }
            }
        }
        return ordered;
    }

    List<EntryNode> allEntries() {
        List<EntryNode> nodes = new ArrayList<>();
        for (var group : form.repeatGroups()) {
            for (List<String> path : Completeness.paths(form, group.id(), this::entries)) {
                List<EntryNode> chain = entryNodes(group.id(), path);
                nodes.add(chain.get(chain.size() - 1));
            }
        }
        return nodes;
    }

    /** The GraphQL Completeness object: every gap with its section, block, entries and items resolved. */
    Map<String, Object> completeness() {
        List<Map<String, Object>> gaps = new ArrayList<>();
        int unanswered = 0;
        for (Completeness.Gap gap : Completeness.gaps(form, answers.keySet(), this::entries)) {
            unanswered += gap.unansweredItems().size();
            Section section = form.sections().stream().filter(s -> s.id().equals(gap.sectionId())).findFirst()
                    .orElseThrow();
            Block block = section.blocks().stream().filter(b -> b.id().equals(gap.blockId())).findFirst().orElse(null);
            Map<String, Object> node = new HashMap<>();
            node.put("section", section);
            node.put("block", block);
            node.put("entries", entryNodes(entriesGroup(section, block, gap), gap.entries()));
            node.put("unansweredItems", gap.unansweredItems().stream().map(id -> form.item(id).orElseThrow()).toList());
            node.put("group", gap.groupId() == null ? null : form.group(gap.groupId()).orElseThrow());
            node.put("entryCount", gap.groupId() == null ? null : gap.entryCount());
            node.put("minimum", gap.groupId() == null ? null : gap.minimum());
            gaps.add(node);
        }
        return Map.of("complete", gaps.isEmpty(), "unansweredCount", unanswered, "gaps", gaps);
    }

    /** The group whose chain a gap's entries follow: the block's or section's; for a missing group, its parent. */
    private String entriesGroup(Section section, Block block, Completeness.Gap gap) {
        if (gap.groupId() != null) {
            List<String> chain = form.chain(gap.groupId());
            return chain.size() > 1 ? chain.get(chain.size() - 2) : null;
        }
        return block != null && block.repeat() != null ? block.repeat() : section.repeat();
    }

    /** The entry nodes of a path of {@code groupId}'s chain, outermost first. */
    List<EntryNode> entryNodes(String groupId, List<String> path) {
        List<String> chain = form.chain(groupId);
        List<EntryNode> nodes = new ArrayList<>();
        for (int depth = 0; depth < path.size() && depth < chain.size(); depth++) {
            var group = form.group(chain.get(depth)).orElseThrow();
            List<String> parents = path.subList(0, depth);
            int ordinal = entries(new EntryListKey(group.id(), parents)).indexOf(path.get(depth)) + 1;
            nodes.add(new EntryNode(assessment, group, path.get(depth), ordinal, group.label() + ordinal, List.copyOf(parents)));
        }
        return nodes;
    }

    private List<String> entries(EntryListKey key) {
        return entries.getOrDefault(key, List.of());
    }
}
