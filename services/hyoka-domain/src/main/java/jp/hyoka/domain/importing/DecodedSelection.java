package jp.hyoka.domain.importing;

import jp.hyoka.domain.form.Selection;

import java.util.List;

/**
 * What a published selection cell says: the ticked options (by code, in form order, with their free text and
 * counts), the texts that named no option of the item, and whether the ticks can be trusted — some exports print
 * every box of a group unticked although the surrounding text shows options were chosen (DOMAIN.md §2.3).
 */
public record DecodedSelection(List<Selection> selections, List<String> unrecognised, boolean reliable) {
    public DecodedSelection {
        selections = List.copyOf(selections);
        unrecognised = List.copyOf(unrecognised);
    }
}
