package jp.hyoka.domain.integration;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A fact Hyoka tells systems outside it (文書管理, 庁内ポータル, notifications): not a domain event but a published
 * contract derived from one, versioned on its own. Its payload names items by stable id and never carries what a
 * municipality may have to withhold later (no reasons of edits, no answers except the 変更箇所 it published, no
 * e-mail addresses or names of staff: users by id only).
 *
 * @param name            e.g. {@code assessment.version-published}; with the version, the contract
 * @param contractVersion 1, 2 …: a breaking change is a new version published beside the old one
 * @param tenant          the municipality's 地方公共団体コード; null for platform events
 * @param subject         the assessment or component the event is about (what orders it)
 * @param occurredAt      when the domain event happened
 * @param payload         JSON-ready values (maps, lists, strings, numbers, booleans)
 */
public record IntegrationEvent(String name, int contractVersion, String tenant, String subject, Instant occurredAt,
                               Map<String, Object> payload) {

    public IntegrationEvent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(occurredAt, "occurredAt");
        payload = Map.copyOf(payload);
    }

    /** The CloudEvents type, e.g. {@code jp.hyoka.assessment.version-published.v1}. */
    public String type() {
        return "jp.hyoka." + name + ".v" + contractVersion;
    }
}
