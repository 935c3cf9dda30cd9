package jp.hyoka.server;

import io.micronaut.runtime.Micronaut;
import jp.hyoka.server.observability.LogEncoder;

public class HyokaServer {
    public static void main(String[] args) {
        Micronaut.build(args)
                .mainClass(HyokaServer.class)
                // A JSON log is read line by line by a collector: no ASCII-art banner among its objects.
                .banner(!LogEncoder.jsonConfigured())
                .start();
    }
}
