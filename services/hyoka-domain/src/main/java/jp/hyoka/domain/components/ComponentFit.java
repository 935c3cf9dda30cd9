package jp.hyoka.domain.components;

import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.form.ItemId;

import java.util.Objects;

/** An item of one form revision that a shared component may fill, by its stable item id (never its label). */
public record ComponentFit(FormRef form, ItemId item) {
    public ComponentFit {
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(item, "item");
    }

    @Override
    public String toString() {
        return form + " " + item;
    }
}
