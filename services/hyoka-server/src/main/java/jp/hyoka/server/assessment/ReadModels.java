package jp.hyoka.server.assessment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import jp.hyoka.domain.form.Answer;
import jp.hyoka.server.axon.EventJson;
import jp.hyoka.server.axon.ReadModelProjection;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.Map;

/** What the assessment read models share: their processing group and the JSON form of stored answers. */
public final class ReadModels {

    /** The read-model processor ({@link ReadModelProjection#PROCESSING_GROUP}). */
    public static final String PROCESSING_GROUP = ReadModelProjection.PROCESSING_GROUP;

    private static final ObjectMapper JSON = EventJson.objectMapper();
    private static final ObjectWriter ANSWER = JSON.writerFor(Answer.class);
    /** The unit of work's resource: the JSON of each answer written in it, by the answer's identity. */
    private static final String WRITTEN = ReadModels.class.getName() + ".written";

    private ReadModels() {
    }

    /**
     * The answer's JSON. Within a unit of work (a read-model batch) each answer object is written once: an import's
     * answers are written by the document projection and again by the history (its new value), the same objects
     * (DocumentContentImported's), and the second time costs a map lookup instead of Jackson (BENCHMARKS.md row 4,
     * seventh pass). Keyed by identity: an answer is an immutable record, so the same object has the same JSON.
     */
    public static String toJson(Answer answer) {
        if (answer == null) {
            return null;
        }
        Map<Answer, String> written = writtenInThisUnitOfWork();
        String json = written == null ? null : written.get(answer);
        if (json == null) {
            json = write(answer);
            if (written != null) {
                written.put(answer, json);
            }
        }
        return json;
    }

    private static String write(Answer answer) {
        try {
            return ANSWER.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("answer not serialisable: " + answer, e);
        }
    }

    private static Map<Answer, String> writtenInThisUnitOfWork() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        return CurrentUnitOfWork.get().root().getOrComputeResource(WRITTEN, key -> new IdentityHashMap<>());
    }

    public static Answer fromJson(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, Answer.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored answer not readable: " + json, e);
        }
    }

    /** An answer stored inside a history detail (already parsed into maps), as a domain answer. */
    public static Answer answerFrom(Object raw) {
        return JSON.convertValue(raw, Answer.class);
    }

    public static String detailJson(Object detail) {
        try {
            return JSON.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("history detail not serialisable: " + detail, e);
        }
    }

    public static <T> T fromDetailJson(String json, Class<T> type) {
        try {
            return json == null ? null : JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored history detail not readable: " + json, e);
        }
    }

    public static Timestamp timestamp(Instant instant) {
        return Timestamp.from(instant);
    }
}
