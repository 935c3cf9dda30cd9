package jp.hyoka.server.axon;

import org.axonframework.config.Configurer;

/**
 * A feature's share of the Axon configuration: its aggregates and what their command handlers take as parameters.
 * Each is a bean; {@link AxonFactory} applies every one and names none.
 */
public interface AxonModule {

    void configure(Configurer configurer);
}
