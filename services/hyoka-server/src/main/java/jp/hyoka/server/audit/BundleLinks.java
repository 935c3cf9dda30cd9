package jp.hyoka.server.audit;

import jp.hyoka.domain.audit.ChainHead;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;

/**
 * What one bundle download names: the municipality, the head fixed when the bundle was asked for (the file ends at
 * that link, whatever is appended later), when that was, and who asked (an auditor's user id).
 */
record BundleLinks(MunicipalityCode tenant, ChainHead head, Instant exportedAt, String requestedBy) {

    String fileName() {
        return "hyoka-audit-" + tenant.value() + "-" + head.position() + ".jsonl";
    }
}
