package jp.hyoka.domain.assessment;

import jp.hyoka.domain.assessment.command.AddRepeatEntry;
import jp.hyoka.domain.assessment.command.MoveRepeatEntry;
import jp.hyoka.domain.assessment.command.RemoveRepeatEntry;
import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.assessment.event.RepeatEntryAdded;
import jp.hyoka.domain.assessment.event.RepeatEntryMoved;
import jp.hyoka.domain.assessment.event.RepeatEntryRemoved;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.RepeatGroup;
import jp.hyoka.domain.rejection.CommandRejected;
import jp.hyoka.domain.rejection.InvalidInput;
import jp.hyoka.domain.rejection.RepeatLimitReached;
import jp.hyoka.domain.rejection.UnknownRepeatEntry;
import jp.hyoka.domain.rejection.UnknownRepeatGroup;

import java.util.List;

/**
 * Decisions about repeating groups (システムN, 特定個人情報ファイル, 委託事項N, 提供先N, 移転先N): adding, moving and
 * removing entries within the form's limits, and checking that an answer's entries address its item's group.
 * The minimum of a group is not enforced on removal: a document under construction may have fewer entries than a
 * finished one needs, and the completeness report says so.
 */
final class RepeatEntryDecisions {

    private RepeatEntryDecisions() {
    }

    static List<AssessmentEvent> add(Assessment state, FormDefinition form, AddRepeatEntry command, String reason) {
        RepeatGroup group = group(form, command.groupId());
        requireParents(state, form, group.id(), command.parentEntries());
        if (state.entries().values().stream().anyMatch(list -> list.contains(command.entryId()))) {
            throw reject(new InvalidInput("entryId", "entry id " + command.entryId() + " is already used"));
        }
        List<String> siblings = state.entries(group.id(), command.parentEntries());
        if (siblings.size() >= group.max()) {
            throw reject(new RepeatLimitReached(group.id(), group.max()));
        }
        int position = command.position() == null ? siblings.size() : command.position();
        if (position < 0 || position > siblings.size()) {
            throw reject(new InvalidInput("position", "must be between 0 and " + siblings.size()));
        }
        return List.of(new RepeatEntryAdded(state.id(), state.tenant(), group.id(), command.parentEntries(),
                command.entryId(), position, reason, command.by(), command.at()));
    }

    static List<AssessmentEvent> move(Assessment state, FormDefinition form, MoveRepeatEntry command, String reason) {
        List<String> siblings = existing(state, form, command.groupId(), command.parentEntries(), command.entryId());
        int from = siblings.indexOf(command.entryId());
        if (command.toPosition() < 0 || command.toPosition() >= siblings.size()) {
            throw reject(new InvalidInput("toPosition", "must be between 0 and " + (siblings.size() - 1)));
        }
        if (from == command.toPosition()) {
            return List.of();
        }
        return List.of(new RepeatEntryMoved(state.id(), state.tenant(), command.groupId(), command.parentEntries(),
                command.entryId(), from, command.toPosition(), reason, command.by(), command.at()));
    }

    static List<AssessmentEvent> remove(Assessment state, FormDefinition form, RemoveRepeatEntry command,
                                        String reason) {
        List<String> siblings = existing(state, form, command.groupId(), command.parentEntries(), command.entryId());
        return List.of(new RepeatEntryRemoved(state.id(), state.tenant(), command.groupId(), command.parentEntries(),
                command.entryId(), siblings.indexOf(command.entryId()), reason, command.by(), command.at()));
    }

    /** An answer's entries must name one existing entry per group the item is nested in, outermost first. */
    static void requireAddress(Assessment state, FormDefinition form, Item item, List<String> entries) {
        List<String> chain = form.chain(item.repeatGroup());
        if (chain.isEmpty() && !entries.isEmpty()) {
            throw reject(new InvalidInput("entryIds", "'" + item.id().value() + "' is not in a repeating group"));
        }
        if (entries.size() != chain.size() || !addresses(state, chain, entries)) {
            throw reject(new UnknownRepeatEntry(item.repeatGroup(), entries));
        }
    }

    private static List<String> existing(Assessment state, FormDefinition form, String groupId, List<String> parents,
                                         String entryId) {
        group(form, groupId);
        List<String> siblings = state.entries(groupId, parents);
        if (!siblings.contains(entryId)) {
            throw reject(new UnknownRepeatEntry(groupId, append(parents, entryId)));
        }
        return siblings;
    }

    private static void requireParents(Assessment state, FormDefinition form, String groupId, List<String> parents) {
        List<String> chain = form.chain(groupId);
        List<String> parentChain = chain.subList(0, chain.size() - 1);
        if (parents.size() != parentChain.size() || !addresses(state, parentChain, parents)) {
            throw reject(new UnknownRepeatEntry(parentChain.isEmpty() ? groupId : parentChain.get(parentChain.size() - 1),
                    parents));
        }
    }

    private static boolean addresses(Assessment state, List<String> chain, List<String> entries) {
        for (int depth = 0; depth < chain.size(); depth++) {
            if (!state.entries(chain.get(depth), entries.subList(0, depth)).contains(entries.get(depth))) {
                return false;
            }
        }
        return true;
    }

    private static RepeatGroup group(FormDefinition form, String groupId) {
        return form.group(groupId).orElseThrow(() -> reject(new UnknownRepeatGroup(groupId, form.ref().toString())));
    }

    private static List<String> append(List<String> parents, String entryId) {
        List<String> path = new java.util.ArrayList<>(parents);
        path.add(entryId);
        return path;
    }

    private static CommandRejected reject(jp.hyoka.domain.rejection.Rejection rejection) {
        return new CommandRejected(rejection);
    }
}
