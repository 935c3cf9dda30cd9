package jp.hyoka.server.graphql.assessment;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.hyoka.domain.form.Answer;
import jp.hyoka.server.axon.EventJson;

/** Turns answers stored inside history details (plain JSON maps) back into domain answers. */
final class ReadModelJson {

    private static final ObjectMapper JSON = EventJson.objectMapper();

    private ReadModelJson() {
    }

    static Answer answer(Object raw) {
        return JSON.convertValue(raw, Answer.class);
    }
}
