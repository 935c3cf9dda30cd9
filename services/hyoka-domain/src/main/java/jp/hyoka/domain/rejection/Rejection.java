package jp.hyoka.domain.rejection;

/**
 * Why a command was refused. Every rejection leaves the event stream unchanged; adapters turn it into a typed
 * error for the caller (a GraphQL error type whose {@code code} is {@link #code()}).
 */
public sealed interface Rejection permits AssessmentNotFound, StaleRevision, UnknownItem, WrongAnswerType,
        TextTooLong, OptionNotAllowed, NumberOutOfRange, InvalidInput, UnknownForm, InvalidDate, UnknownRepeatEntry,
        RepeatLimitReached, UnknownRepeatGroup, InvalidMunicipalityCode, MunicipalityAlreadyOnboarded,
        VersionAlreadyPublished, VersionNotPublished, ExplanationRequired, ComponentNotFound,
        ComponentAlreadyRegistered, ComponentVersionNotFound, ComponentDraftOpen, ComponentVersionNotNext,
        ComponentVersionStatusConflict, EffectiveDateTooEarly, SlotsMismatch, ComponentDoesNotFit,
        ComponentUseNotFound, ComponentTextProtected, ComponentUseModeConflict, ProposalNotApplicable,
        MergeConflictsUnresolved, ComponentProposalNotFound, ThreadNotFound, ThreadStatusConflict,
        ProcedureStepMissing, ProcedureStepAlreadyDone, IdempotencyKeyReused {

    /** A stable, machine-readable code, e.g. {@code STALE_REVISION}. */
    String code();

    /** A human-readable explanation in English, naming the limit or value that was violated. */
    String message();
}
