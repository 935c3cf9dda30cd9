package jp.hyoka.server.observability;

import io.micronaut.context.annotation.Context;
import jakarta.annotation.PostConstruct;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Sends java.util.logging into logback (OpenTelemetry's SDK reports a failed export through it), so the log has
 * one format: otherwise its lines would reach stderr in JUL's own two-line format, in the middle of a JSON log.
 * Cheap for what is not logged: the LevelChangePropagator of LogConfiguration sets JUL's levels to logback's.
 */
@Context
public class JavaUtilLogging {

    @PostConstruct
    void bridge() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }
}
