package jp.hyoka.domain.procedure;

import jp.hyoka.domain.form.FormKind;

import java.util.EnumMap;
import java.util.Map;

/** The procedure of each form kind; a kind not listed has no steps. */
public record ProcedureCatalog(Map<FormKind, Procedure> procedures) {

    /** No steps for any kind: nothing is ever refused for a missing step. */
    public static final ProcedureCatalog NONE = new ProcedureCatalog(Map.of());

    public ProcedureCatalog {
        procedures = procedures.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(procedures));
    }

    public Procedure of(FormKind kind) {
        return procedures.getOrDefault(kind, Procedure.NONE);
    }
}
