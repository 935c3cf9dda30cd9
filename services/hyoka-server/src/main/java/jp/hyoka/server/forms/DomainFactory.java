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

    /** One set of answer rules for typed edits and imports alike. */
    @Singleton
    AnswerRules answerRules() {
        return new AnswerRules(new JsoupRichTextSanitizer());
    }

    @Singleton
    AssessmentDecider assessmentDecider(ClasspathFormCatalog forms, AnswerRules answerRules) {
        return new AssessmentDecider(forms, answerRules, ClasspathProcedures.load());
    }
}
