package jp.hyoka.domain.assessment;

import jp.hyoka.domain.assessment.command.ImportDocument;
import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.assessment.event.ComponentInserted;
import jp.hyoka.domain.assessment.event.ItemAnswered;
import jp.hyoka.domain.components.ComponentText;
import jp.hyoka.domain.components.PublishedComponent;
import jp.hyoka.domain.components.RenderingDetection;
import jp.hyoka.domain.components.RenderingOptions;
import jp.hyoka.domain.components.text.BoilerplateMatcher;
import jp.hyoka.domain.components.text.MatchCandidate;
import jp.hyoka.domain.components.text.RecognisedSection;
import jp.hyoka.domain.components.text.TextDifference;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.form.RichTextAnswer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An imported document's copies of shared components, recognised (issue 16): each section of an answered item that
 * one of the components fitting the item matches ({@link BoilerplateMatcher}, threshold 0.85, versions told apart by
 * the best score) is linked to that version in ADAPTED mode, the residual difference being its local change. The
 * base is the version rendered in the copy's own numbering style, slots left as markers (the copy's local values
 * then show in its local change). Uses are named {@code import-1}, {@code import-2} … in document order.
 */
final class BoilerplateRecognition {

    private BoilerplateRecognition() {
    }

    static List<AssessmentEvent> recognise(ImportDocument command, FormRef form,
                                           List<? extends AssessmentEvent> answered, String reason) {
        List<AssessmentEvent> links = new ArrayList<>();
        if (command.catalogue().isEmpty()) {
            return links;
        }
        for (AssessmentEvent event : answered) {
            if (!(event instanceof ItemAnswered item) || !(item.answer() instanceof RichTextAnswer rich)) {
                continue;
            }
            List<MatchCandidate<PublishedComponent>> candidates = command.catalogue().stream()
                    .filter(component -> component.fits(form, item.itemId()))
                    .map(component -> new MatchCandidate<>(component, ComponentText.renderKeepingSlots(
                            component.version(), Map.of(), RenderingOptions.DEFAULT)))
                    .toList();
            if (candidates.isEmpty()) {
                continue;
            }
            for (RecognisedSection<PublishedComponent> recognised : new BoilerplateMatcher<>(candidates)
                    .recognise(rich.html())) {
                String body = recognised.section().body();
                if (!rich.html().contains(body)) {
                    continue;                       // the use's section must be a part of the answer, as stored
                }
                PublishedComponent component = recognised.match().id();
                RenderingOptions rendering = RenderingDetection.of(body);
                String base = ComponentText.renderKeepingSlots(component.version(), Map.of(), rendering);
                links.add(new ComponentInserted(command.assessmentId(), command.tenant(), "import-" + (links.size() + 1),
                        item.itemId(), item.entries(), component.id(), component.number(), ComponentUseMode.ADAPTED,
                        Map.of(), rendering, TextDifference.between(base, body), body,
                        recognised.match().similarity(), reason, command.by(), command.at()));
            }
        }
        return links;
    }
}
