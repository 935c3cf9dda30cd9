package jp.hyoka.server;

import io.micronaut.runtime.Micronaut;
import jp.hyoka.server.graphql.GraphQlFactory;
import jp.hyoka.server.observability.LogEncoder;

public class HyokaServer {
    public static void main(String[] args) {
        // CPU work of the start that needs no bean, beside the rest of it (infra/docs/startup.md).
        GraphQlFactory.parseAhead();
        Micronaut.build(args)
                .mainClass(HyokaServer.class)
                // A JSON log is read line by line by a collector: no ASCII-art banner among its objects.
                .banner(!LogEncoder.jsonConfigured())
                .start();
    }
}
