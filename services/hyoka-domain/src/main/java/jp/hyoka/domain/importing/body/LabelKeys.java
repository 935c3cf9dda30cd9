package jp.hyoka.domain.importing.body;

import java.util.HashMap;
import java.util.Map;

/**
 * The label keys of one import's document text ({@link LabelKey}), each computed once for that import: reading a
 * body asks the key of the same cell again and again (per revision read, per look-up). Lives as long as the import,
 * so no municipality's text outlives the import that read it, and is used by the importing thread only.
 */
final class LabelKeys {

    private final Map<String, String> keys = new HashMap<>();

    String of(String text) {
        if (text == null) {
            return "";
        }
        String key = keys.get(text);
        if (key == null) {
            key = LabelKey.of(text);
            keys.put(text, key);
        }
        return key;
    }
}
