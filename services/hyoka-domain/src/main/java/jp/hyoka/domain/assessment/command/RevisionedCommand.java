package jp.hyoka.domain.assessment.command;

/**
 * A command that edits an existing assessment. It names the revision the editor last saw, so an edit made on a
 * stale copy is refused instead of silently overwriting someone else's change.
 */
public sealed interface RevisionedCommand extends AssessmentCommand permits AnswerItem, ClearAnswer, AddRepeatEntry,
        MoveRepeatEntry, RemoveRepeatEntry, MigrateFormRevision, ImportPastChanges, PublishVersion, StartNextVersion,
        RedactPersonalData, InsertComponent, AdaptComponentText, ChangeComponentMode, AdoptComponentVersion,
        DeclineComponentProposal, DeferComponentProposal, WithholdItemFromPublication, RestoreItemPublication, OpenPublicComment,
        ClosePublicComment, RecordThirdPartyReview, SubmitToCommission, RecordAffairEnd {

    long expectedRevision();

    /** Why the change is made, as the editor says it; kept in the audit trail. May be null. */
    String reason();
}
