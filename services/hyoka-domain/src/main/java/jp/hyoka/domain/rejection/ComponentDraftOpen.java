package jp.hyoka.domain.rejection;

/** A shared component has one unpublished version at a time: publish or withdraw it before drafting another. */
public record ComponentDraftOpen(String componentId, int openVersion) implements Rejection {
    @Override
    public String code() {
        return "COMPONENT_DRAFT_OPEN";
    }

    @Override
    public String message() {
        return "Version " + openVersion + " of '" + componentId + "' is not yet published; publish or withdraw it "
                + "first.";
    }
}
