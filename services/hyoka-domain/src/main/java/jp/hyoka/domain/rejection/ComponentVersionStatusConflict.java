package jp.hyoka.domain.rejection;

/**
 * The version is not in the status the action needs: submitting needs a draft, publishing a draft in review
 * (a reviewed draft), withdrawing an unpublished version.
 */
public record ComponentVersionStatusConflict(String componentId, int version, String status, String action)
        implements Rejection {
    @Override
    public String code() {
        return "COMPONENT_VERSION_STATUS";
    }

    @Override
    public String message() {
        return "Version " + version + " of '" + componentId + "' is " + status + " and cannot be " + action + ".";
    }
}
