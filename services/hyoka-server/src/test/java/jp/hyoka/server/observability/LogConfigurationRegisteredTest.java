package jp.hyoka.server.observability;

import ch.qos.logback.classic.spi.Configurator;
import org.junit.jupiter.api.Test;

import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tests' class path carries logback-test.xml, so {@link LogConfiguration} steps aside in every test context: only
 * this test shows that logback finds it at all. A lost or misspelt service file would leave a production server on
 * logback's default configuration (DEBUG, another pattern, no JSON) with every other test green.
 */
class LogConfigurationRegisteredTest {

    @Test
    void givenTheServersClassPath_whenLogbackLooksForConfigurators_thenItFindsLogConfiguration() {
        assertThat(ServiceLoader.load(Configurator.class).stream().map(ServiceLoader.Provider::type))
                .contains(LogConfiguration.class);
    }
}
