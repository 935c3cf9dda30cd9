package jp.hyoka.domain.rejection;

/** No proposal of the caller's municipality has this id. */
public record ComponentProposalNotFound(String proposalId) implements Rejection {
    @Override
    public String code() {
        return "COMPONENT_PROPOSAL_NOT_FOUND";
    }

    @Override
    public String message() {
        return "No proposal '" + proposalId + "' of your municipality.";
    }
}
