package jp.hyoka.server.assessment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import jp.hyoka.domain.form.Answer;
import jp.hyoka.server.axon.EventJson;
import jp.hyoka.server.axon.ReadModelProjection;

import java.sql.Timestamp;
import java.time.Instant;

/** What the assessment read models share: their processing group and the JSON form of stored answers. */
public final class ReadModels {

    /** The read-model processor ({@link ReadModelProjection#PROCESSING_GROUP}). */
    public static final String PROCESSING_GROUP = ReadModelProjection.PROCESSING_GROUP;

    private static final ObjectMapper JSON = EventJson.objectMapper();
    private static final ObjectWriter ANSWER = JSON.writerFor(Answer.class);

    private ReadModels() {
    }

    public static String toJson(Answer answer) {
        if (answer == null) {
            return null;
        }
        try {
            return ANSWER.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("answer not serialisable: " + answer, e);
        }
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
