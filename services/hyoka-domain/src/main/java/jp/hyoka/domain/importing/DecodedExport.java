package jp.hyoka.domain.importing;

import java.util.List;

/**
 * An uploaded export as text: its lines (without line terminators), the encoding it was read in, and warnings that
 * do not stop an import (a file that seems cut off, for instance).
 */
public record DecodedExport(List<String> lines, String encoding, List<ImportProblem> warnings) {
    public DecodedExport {
        lines = List.copyOf(lines);
        warnings = List.copyOf(warnings);
    }
}
