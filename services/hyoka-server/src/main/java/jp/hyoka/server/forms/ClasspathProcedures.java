package jp.hyoka.server.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.procedure.Procedure;
import jp.hyoka.domain.procedure.ProcedureCatalog;
import jp.hyoka.domain.procedure.ProcedureStep;
import jp.hyoka.domain.procedure.StepDefinition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 評価実施手続 of each form kind, read once from the schema artifact (schema/procedures/procedures.json) into the
 * domain's model; ProceduresFileTest checks the file against its JSON Schema and the forms.
 */
final class ClasspathProcedures {

    static final String FILE = "hyoka/schema/procedures/procedures.json";

    private ClasspathProcedures() {
    }

    static ProcedureCatalog load() {
        try (InputStream in = ClasspathProcedures.class.getClassLoader().getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is not on the classpath");
            }
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ProcedureCatalog parse(JsonNode file) {
        Map<FormKind, Procedure> procedures = new EnumMap<>(FormKind.class);
        for (JsonNode procedure : file.path("procedures")) {
            List<StepDefinition> steps = new ArrayList<>();
            for (JsonNode step : procedure.path("steps")) {
                List<ProcedureStep> after = new ArrayList<>();
                step.path("after").forEach(name -> after.add(ProcedureStep.valueOf(name.asText())));
                Map<String, ItemId> fills = new LinkedHashMap<>();
                step.path("fills").fields().forEachRemaining(fill ->
                        fills.put(fill.getKey(), new ItemId(fill.getValue().asText())));
                steps.add(new StepDefinition(ProcedureStep.valueOf(step.path("step").asText()),
                        step.path("label").asText(), step.path("required").asBoolean(), after, fills));
            }
            procedures.put(FormKind.valueOf(procedure.path("kind").asText()), new Procedure(steps));
        }
        return new ProcedureCatalog(procedures);
    }
}
