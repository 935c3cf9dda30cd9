package jp.hyoka.server;

import io.micronaut.runtime.Micronaut;

public class HyokaServer {
    public static void main(String[] args) {
        Micronaut.run(HyokaServer.class, args);
    }
}
