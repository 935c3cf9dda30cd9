package jp.hyoka.server.integration;

import jp.hyoka.domain.integration.IntegrationEvent;

/**
 * Where an integration event is published and under which key. A municipality's events go to its own topic,
 * {@code hyoka.municipality.<地方公共団体コード>}: a broker's ACLs (a topic prefix per integrator) then keep each
 * municipality's integrator to its own events, which a shared topic with a tenant header could not. Platform events
 * (a shared component's new version, a municipality onboarded) go to {@code hyoka.platform}. The key is the tenant
 * and the assessment (or component): Kafka keeps one key's records in order, so all events of one assessment arrive
 * in the order they happened.
 */
final class Topics {

    static final String PLATFORM = "hyoka.platform";
    static final String MUNICIPALITY_PREFIX = "hyoka.municipality.";

    private Topics() {
    }

    static String of(IntegrationEvent event) {
        return isPlatform(event) ? PLATFORM : MUNICIPALITY_PREFIX + event.tenant();
    }

    static String key(IntegrationEvent event) {
        return (event.tenant() == null ? "platform" : event.tenant()) + ":" + event.subject();
    }

    /** The CloudEvents source: who the event is about. */
    static String source(IntegrationEvent event) {
        return isPlatform(event) ? "/hyoka/platform" : "/hyoka/municipalities/" + event.tenant();
    }

    /** The contract, named as in schema/events/ (name.vN.schema.json). */
    static String dataschema(IntegrationEvent event) {
        return "urn:hyoka:events:" + event.name() + ".v" + event.contractVersion();
    }

    private static boolean isPlatform(IntegrationEvent event) {
        return event.tenant() == null || event.name().startsWith("platform.");
    }
}
