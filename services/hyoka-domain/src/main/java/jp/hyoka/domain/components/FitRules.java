package jp.hyoka.domain.components;

import jp.hyoka.domain.form.FormCatalog;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.ItemType;
import jp.hyoka.domain.rejection.CommandRejected;
import jp.hyoka.domain.rejection.ComponentDoesNotFit;
import jp.hyoka.domain.rejection.InvalidInput;
import jp.hyoka.domain.rejection.UnknownForm;
import jp.hyoka.domain.rejection.UnknownItem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which items a shared component may name as fits, checked against the form revisions Hyoka knows: the item must
 * exist in that revision and take rich text; an item typed {@link ItemType#SHARED_COMPONENT} takes only components
 * of its own {@code componentFamily}.
 */
final class FitRules {

    /** Every item of every kind and revision one family could fill stays well under this. */
    static final int MAX_FITS = 200;

    private final FormCatalog forms;

    FitRules(FormCatalog forms) {
        this.forms = forms;
    }

    /** The fits in the order given; refuses none, duplicates, unknown forms or items, and items that cannot take it. */
    List<ComponentFit> check(String family, List<ComponentFit> fits) {
        if (fits == null || fits.isEmpty()) {
            throw reject(new InvalidInput("fits", "name at least one item the component fits"));
        }
        if (fits.size() > MAX_FITS) {
            throw reject(new InvalidInput("fits", "at most " + MAX_FITS + " items"));
        }
        Set<ComponentFit> seen = new HashSet<>();
        List<ComponentFit> checked = new ArrayList<>();
        for (ComponentFit fit : fits) {
            if (!seen.add(fit)) {
                throw reject(new InvalidInput("fits", fit + " is named twice"));
            }
            FormDefinition form = forms.find(fit.form()).orElseThrow(() ->
                    reject(new UnknownForm(fit.form().toString())));
            Item item = form.item(fit.item()).orElseThrow(() ->
                    reject(new UnknownItem(fit.item().value(), fit.form().toString())));
            if (item.type().answerType() != ItemType.RICH_TEXT) {
                throw reject(new ComponentDoesNotFit(fit.form().toString(), fit.item().value(),
                        "it takes " + item.type() + " answers, not rich text"));
            }
            if (item.type() == ItemType.SHARED_COMPONENT && item.componentFamily() != null
                    && !item.componentFamily().equals(family)) {
                throw reject(new ComponentDoesNotFit(fit.form().toString(), fit.item().value(),
                        "it is reserved for the family " + item.componentFamily() + ", not " + family));
            }
            checked.add(fit);
        }
        return List.copyOf(checked);
    }

    private static CommandRejected reject(jp.hyoka.domain.rejection.Rejection rejection) {
        return new CommandRejected(rejection);
    }
}
