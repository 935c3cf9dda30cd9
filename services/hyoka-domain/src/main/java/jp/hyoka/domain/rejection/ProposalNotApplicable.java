package jp.hyoka.domain.rejection;

/**
 * A proposal to move a use to {@code toVersion} no longer applies: the use already follows that version or a later
 * one, is detached, or the proposal was decided before.
 */
public record ProposalNotApplicable(String useId, String componentId, int toVersion, String reason) implements Rejection {
    @Override
    public String code() {
        return "PROPOSAL_NOT_APPLICABLE";
    }

    @Override
    public String message() {
        return "The proposal of " + componentId + " version " + toVersion + " for use '" + useId
                + "' does not apply: " + reason + ".";
    }
}
