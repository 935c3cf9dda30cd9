package jp.hyoka.server.review;

import jakarta.inject.Singleton;
import jp.hyoka.domain.review.ReviewThreadDecider;
import jp.hyoka.domain.review.command.ReviewThreadCommand;
import jp.hyoka.server.axon.AxonModule;
import jp.hyoka.server.forms.JsoupRichTextSanitizer;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configurer;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * The review-thread aggregate, routed by the command's thread id without annotations on the domain's command
 * records; its handlers take the decider (with the rich-text sanitiser every answer goes through) and the
 * assessments' outlines a new thread's anchor is checked against.
 */
@Singleton
public class ReviewThreadAxonModule implements AxonModule {

    private final ReviewThreadDecider decider = new ReviewThreadDecider(new JsoupRichTextSanitizer());
    private final ThreadDocuments documents;

    public ReviewThreadAxonModule(ThreadDocuments documents) {
        this.documents = documents;
    }

    @Override
    public void configure(Configurer configurer) {
        configurer.registerComponent(ReviewThreadDecider.class, c -> decider)
                .registerComponent(ThreadDocuments.class, c -> documents)
                .configureAggregate(AggregateConfigurer.defaultConfiguration(ReviewThreadAggregate.class)
                        .configureCommandTargetResolver(c -> command -> new VersionedAggregateIdentifier(
                                ((ReviewThreadCommand) command.getPayload()).threadId().toString(), null)));
    }
}
