package jp.hyoka.server.importing;

import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.assessment.PastChange;
import jp.hyoka.domain.assessment.command.ImportDocument;
import jp.hyoka.domain.assessment.command.ImportPastChanges;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.importing.body.ImportedDocument;
import jp.hyoka.server.assessment.AssessmentCommands;
import jp.hyoka.server.assessment.PublishedComponents;
import jp.hyoka.server.assessment.EditOutcome;
import jp.hyoka.server.axon.StoredRevisions;
import jp.hyoka.server.security.Caller;

import java.util.List;

/**
 * The commands of the two imports: a published document as a new assessment, and 変更箇所 rows as an assessment's
 * past.
 */
@Singleton
public class ImportCommands {

    private final AssessmentCommands commands;
    private final PublishedComponents catalogue;
    private final StoredRevisions storedRevisions;

    public ImportCommands(AssessmentCommands commands, PublishedComponents catalogue,
                          StoredRevisions storedRevisions) {
        this.commands = commands;
        this.catalogue = catalogue;
        this.storedRevisions = storedRevisions;
    }

    /**
     * A published document as a new assessment with the given id (derived from the file, so that importing it
     * again names the same assessment); {@code body} null for an annex-only file. Copies of published shared
     * components in the body are linked to them (the catalogue's published versions go with the command).
     */
    public EditOutcome importDocument(Caller caller, AssessmentId id, FormRef form, String affairName,
                                      ImportedDocument body, String sourceName, String contentHash,
                                      List<PastChange> pastChanges, String reason) {
        ImportDocument command = new ImportDocument(id, caller.tenant(), form, affairName, body, sourceName,
                contentHash,
                pastChanges, catalogue.published(), reason, caller.actor(), commands.now());
        // The stream's own revision once the command committed: how many events an import makes depends on the
        // decision (boilerplate recognised in the body adds its ComponentInserted events), and a creating command's
        // result is only the new id. (An edit by someone else between the commit and this read would need the new
        // assessment's id before this answer gives it.)
        return commands.send(caller, command, result -> storedRevisions.revision(id));
    }

    public EditOutcome importPast(Caller caller, String assessmentId, long expectedRevision, String sourceName,
                                  String contentHash, List<PastChange> changes, String reason) {
        return commands.identified(assessmentId, id -> commands.send(caller, new ImportPastChanges(id,
                caller.tenant(), expectedRevision,
                sourceName, contentHash, changes, reason, caller.actor(), commands.now()), Long.class::cast));
    }
}
