package jp.hyoka.domain.assessment;

import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.assessment.event.AssessmentStarted;
import jp.hyoka.domain.assessment.event.ItemAnswerCleared;
import jp.hyoka.domain.assessment.event.ItemAnswered;
import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The state of one 評価書 as far as decisions need it, rebuilt by folding its events. The revision counts events:
 * a freshly started assessment is at revision 1, and each further event adds one.
 */
public record Assessment(AssessmentId id, MunicipalityCode tenant, FormRef form, Map<ItemId, Answer> answers,
                         long revision) {

    public static final ItemId AFFAIR_NAME = new ItemId("affair.name");

    public Assessment {
        answers = Map.copyOf(answers);
    }

    /** The state after the first event of a stream. */
    public static Assessment begin(AssessmentStarted started) {
        return new Assessment(started.assessmentId(), started.tenant(), started.form(),
                Map.of(AFFAIR_NAME, new TextAnswer(started.affairName())), 1);
    }

    public Assessment evolve(AssessmentEvent event) {
        if (event instanceof ItemAnswered answered) {
            Map<ItemId, Answer> next = new HashMap<>(answers);
            next.put(answered.itemId(), answered.answer());
            return new Assessment(id, tenant, form, next, revision + 1);
        }
        if (event instanceof ItemAnswerCleared cleared) {
            Map<ItemId, Answer> next = new HashMap<>(answers);
            next.remove(cleared.itemId());
            return new Assessment(id, tenant, form, next, revision + 1);
        }
        throw new IllegalStateException("an assessment cannot be started twice: " + event);
    }

    public Optional<Answer> answer(ItemId itemId) {
        return Optional.ofNullable(answers.get(itemId));
    }
}
