package jp.hyoka.server.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.hyoka.domain.form.FormCatalog;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.FormRef;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The form revisions shipped in the schema artifact (schema/forms), listed by its catalog.json. Loaded and checked
 * once at start-up: a broken form definition stops the server instead of surfacing as odd answers later.
 */
public final class ClasspathFormCatalog implements FormCatalog {

    static final String ROOT = "hyoka/schema/forms/";

    private final Map<FormRef, FormDefinition> forms = new LinkedHashMap<>();
    private final Map<FormKind, FormDefinition> current = new EnumMap<>(FormKind.class);

    public ClasspathFormCatalog() {
        ObjectMapper json = new ObjectMapper();
        for (JsonNode entry : read(json, "catalog.json").path("forms")) {
            FormDefinition form = FormDefinitionJson.parse(read(json, entry.path("file").asText()));
            if (forms.put(form.ref(), form) != null) {
                throw new IllegalStateException("form " + form.ref() + " is listed twice");
            }
            if (entry.path("current").asBoolean(false) && current.put(form.ref().kind(), form) != null) {
                throw new IllegalStateException("two current revisions of " + form.ref().kind());
            }
        }
        for (FormKind kind : FormKind.values()) {
            if (!current.containsKey(kind)) {
                throw new IllegalStateException("no current revision of " + kind + " in the form catalog");
            }
        }
    }

    @Override
    public Optional<FormDefinition> find(FormRef ref) {
        return Optional.ofNullable(forms.get(ref));
    }

    @Override
    public FormDefinition current(FormKind kind) {
        return current.get(kind);
    }

    public List<FormDefinition> all() {
        return List.copyOf(forms.values());
    }

    private static JsonNode read(ObjectMapper json, String path) {
        try (InputStream in = ClasspathFormCatalog.class.getClassLoader().getResourceAsStream(ROOT + path)) {
            if (in == null) {
                throw new IllegalStateException("missing form resource " + ROOT + path);
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable form resource " + ROOT + path, e);
        }
    }
}
