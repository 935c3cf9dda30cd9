package jp.hyoka.domain.assessment.event;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;

/**
 * A business fact about one assessment, in the past tense. Every event names its tenant, who caused it and when,
 * and refers to form items by stable id only. Events are the record: nothing is ever updated in place.
 * Class names are part of the stored contract (see README, event catalogue): never rename or move them.
 */
public sealed interface AssessmentEvent permits AssessmentStarted, ItemAnswered, ItemAnswerCleared,
        RepeatEntryAdded, RepeatEntryMoved, RepeatEntryRemoved, FormRevisionMigrated, PastChangesImported,
        DocumentContentImported, DocumentImported, VersionPublished, NextVersionStarted, PersonalDataRedacted, ComponentInserted, ComponentTextAdapted,
        ComponentUseModeChanged, ComponentVersionAdopted, ComponentProposalDeclined, ComponentProposalDeferred,
        ItemWithheldFromPublication, ItemPublicationRestored, PublicCommentOpened, PublicCommentClosed,
        ThirdPartyReviewRecorded, SubmittedToCommission, AffairEnded {

    AssessmentId assessmentId();

    MunicipalityCode tenant();

    Actor by();

    Instant at();
}
