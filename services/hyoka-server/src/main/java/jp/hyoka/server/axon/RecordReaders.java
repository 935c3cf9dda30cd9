package jp.hyoka.server.axon;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jp.hyoka.domain.assessment.event.AssessmentStarted;
import jp.hyoka.domain.assessment.event.ItemAnswerCleared;
import jp.hyoka.domain.assessment.event.ItemAnswered;
import jp.hyoka.domain.assessment.event.RepeatEntryAdded;
import jp.hyoka.domain.assessment.event.RepeatEntryMoved;
import jp.hyoka.domain.assessment.event.RepeatEntryRemoved;
import jp.hyoka.domain.form.ChoiceAnswer;
import jp.hyoka.domain.form.DateAnswer;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.form.MultiChoiceAnswer;
import jp.hyoka.domain.form.NumberAnswer;
import jp.hyoka.domain.form.RichTextAnswer;
import jp.hyoka.domain.form.Selection;
import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.domain.shared.Actor;

import java.util.Set;

/**
 * Which record types the events' mapper reads with {@link RecordReader}: the events an edit appends and a load
 * replays most (an assessment's start, answers, cleared answers, repeat entries) and the records inside them (who,
 * the form, every answer kind). Every other type is read by Jackson's bean deserializer as before
 * ({@code DocumentImported} among them: its fields are still growing).
 */
final class RecordReaders extends BeanDeserializerModifier {

    static final Set<Class<?>> TYPES = Set.of(AssessmentStarted.class, ItemAnswered.class, ItemAnswerCleared.class,
            RepeatEntryAdded.class, RepeatEntryMoved.class, RepeatEntryRemoved.class, Actor.class, FormRef.class,
            TextAnswer.class, RichTextAnswer.class, NumberAnswer.class, DateAnswer.class, ChoiceAnswer.class,
            MultiChoiceAnswer.class, Selection.class);

    private RecordReaders() {
    }

    static SimpleModule module() {
        return new SimpleModule("hyoka-record-readers").setDeserializerModifier(new RecordReaders());
    }

    @Override
    public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                  JsonDeserializer<?> deserializer) {
        return TYPES.contains(description.getBeanClass()) && deserializer.getClass() == BeanDeserializer.class
                ? new RecordReader((BeanDeserializer) deserializer) : deserializer;
    }
}
