package jp.hyoka.domain.form;

import java.util.Objects;
import java.util.Optional;

/**
 * A repeating group of a form: システムN (1..20), 特定個人情報ファイル (sections II and III repeat per file),
 * 委託事項N, 提供先N, 移転先N (1..20 each, inside a file). A nested group's id extends its parent's id
 * ({@code file.consignment} lives inside {@code file}); its entries are addressed by the parent entry first.
 */
public record RepeatGroup(String id, String label, int min, int max) {

    public RepeatGroup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        if (!ItemId.isWellFormed(id)) {
            throw new IllegalArgumentException("not a well-formed group id: " + id);
        }
        if (min < 0 || max < 1 || min > max) {
            throw new IllegalArgumentException("group " + id + " has impossible limits " + min + ".." + max);
        }
    }

    /** The id of the enclosing group candidate (the id up to its last dot), if the id has a dot. */
    Optional<String> parentCandidate() {
        int dot = id.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : Optional.of(id.substring(0, dot));
    }
}
