package jp.hyoka.server.forms;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AssessmentDecider;
import jp.hyoka.domain.form.AnswerRules;

/** The pure domain services, given the server's implementations of their ports. */
@Factory
public class DomainFactory {

    @Singleton
    ClasspathFormCatalog formCatalog() {
        return new ClasspathFormCatalog();
    }

    @Singleton
    AssessmentDecider assessmentDecider(ClasspathFormCatalog forms) {
        return new AssessmentDecider(forms, new AnswerRules(new JsoupRichTextSanitizer()));
    }
}
