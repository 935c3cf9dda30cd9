package jp.hyoka.server.components;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.hyoka.domain.components.ComponentFit;
import jp.hyoka.domain.components.Slot;
import jp.hyoka.server.axon.EventJson;

import java.util.List;
import java.util.Map;

/** The JSON columns of the shared-component read models (fits, slots), in the stored events' JSON shape. */
final class ComponentRows {

    private static final ObjectMapper JSON = EventJson.objectMapper();

    private ComponentRows() {
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not serialisable: " + value, e);
        }
    }

    static List<ComponentFit> fits(String json) {
        return read(json, new TypeReference<>() {
        });
    }

    static List<Slot> slots(String json) {
        return read(json, new TypeReference<>() {
        });
    }

    /** A use's slot values (rm_component_use.slot_values): slot name → the municipality's value. */
    static Map<String, String> slotValues(String json) {
        return read(json, new TypeReference<>() {
        });
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable read-model JSON: " + json, e);
        }
    }
}
