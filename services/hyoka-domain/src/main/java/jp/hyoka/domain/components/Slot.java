package jp.hyoka.domain.components;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A named local value of a component version, such as the names of the municipality's own systems in ④ of the
 * 中間サーバー system description. The text marks where it goes with {@code {{name}}} (see {@link ComponentText}).
 *
 * @param name  lower-case ASCII kebab-case, e.g. {@code existing-systems}
 * @param label what the municipality is asked for, in Japanese, e.g. 連携する既存システムの名称
 */
public record Slot(String name, String label) {

    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    public Slot {
        Objects.requireNonNull(name, "name");
        label = label == null ? "" : label;
    }
}
