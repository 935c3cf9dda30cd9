package jp.hyoka.server.platform;

import jakarta.inject.Singleton;
import jp.hyoka.server.axon.AxonModule;
import jp.hyoka.server.security.Tenants;
import org.axonframework.config.Configurer;

/** The municipality aggregate (onboarding), and the tenant registry its handler checks. */
@Singleton
public class MunicipalityAxonModule implements AxonModule {

    private final Tenants tenants;

    public MunicipalityAxonModule(Tenants tenants) {
        this.tenants = tenants;
    }

    @Override
    public void configure(Configurer configurer) {
        configurer.registerComponent(Tenants.class, c -> tenants)
                .configureAggregate(MunicipalityAggregate.class);
    }
}
