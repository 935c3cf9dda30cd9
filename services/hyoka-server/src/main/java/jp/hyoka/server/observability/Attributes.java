package jp.hyoka.server.observability;

import io.opentelemetry.api.common.AttributeKey;

/** The attributes Hyoka's spans carry; the GraphQL ones are OpenTelemetry's semantic conventions. */
public final class Attributes {

    /** The 地方公共団体コード the request acts for. */
    public static final AttributeKey<String> MUNICIPALITY = AttributeKey.stringKey("hyoka.municipality");
    public static final AttributeKey<String> OPERATION = AttributeKey.stringKey("graphql.operation.name");
    public static final AttributeKey<String> OPERATION_TYPE = AttributeKey.stringKey("graphql.operation.type");
    public static final AttributeKey<String> COMMAND = AttributeKey.stringKey("hyoka.command");
    public static final AttributeKey<Long> EVENTS = AttributeKey.longKey("hyoka.events");
    public static final AttributeKey<String> INCIDENT = AttributeKey.stringKey("hyoka.incident");

    private Attributes() {
    }
}
