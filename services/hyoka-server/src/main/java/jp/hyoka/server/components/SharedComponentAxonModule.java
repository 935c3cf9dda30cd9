package jp.hyoka.server.components;

import jakarta.inject.Singleton;
import jp.hyoka.domain.components.SharedComponentDecider;
import jp.hyoka.domain.components.command.SharedComponentCommand;
import jp.hyoka.server.axon.AxonModule;
import jp.hyoka.server.forms.ClasspathFormCatalog;
import jp.hyoka.server.forms.JsoupRichTextSanitizer;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configurer;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * The shared-component aggregate, routed by the command's component id without annotations on the domain's
 * command records, and the decider its handlers take (the form catalogue for fits, the rich-text sanitiser for texts).
 */
@Singleton
public class SharedComponentAxonModule implements AxonModule {

    private final SharedComponentDecider decider;

    public SharedComponentAxonModule(ClasspathFormCatalog forms) {
        this.decider = new SharedComponentDecider(forms, new JsoupRichTextSanitizer());
    }

    @Override
    public void configure(Configurer configurer) {
        configurer.registerComponent(SharedComponentDecider.class, c -> decider)
                .configureAggregate(AggregateConfigurer.defaultConfiguration(SharedComponentAggregate.class)
                        .configureCommandTargetResolver(c -> command -> new VersionedAggregateIdentifier(
                                ((SharedComponentCommand) command.getPayload()).componentId().value(), null)));
    }
}
