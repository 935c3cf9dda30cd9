package jp.hyoka.server.forms;

import jakarta.inject.Singleton;
import jp.hyoka.domain.form.Block;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.RepeatGroup;
import jp.hyoka.domain.form.Section;
import jp.hyoka.server.forms.ClasspathFormCatalog;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Which form revision each loaded section, block, item and group belongs to, so that a resolver given only a form
 * node (an item's group, a group's parent) answers from the right revision. Keyed by identity: the catalog loads
 * every node once.
 */
@Singleton
public class FormIndex {

    private final Map<Object, FormDefinition> owner = new IdentityHashMap<>();

    public FormIndex(ClasspathFormCatalog forms) {
        for (FormDefinition form : forms.all()) {
            form.repeatGroups().forEach(group -> owner.put(group, form));
            for (Section section : form.sections()) {
                owner.put(section, form);
                for (Block block : section.blocks()) {
                    owner.put(block, form);
                    block.items().forEach(item -> owner.put(item, form));
                }
            }
        }
    }

    public FormDefinition formOf(Object node) {
        FormDefinition form = owner.get(node);
        if (form == null) {
            throw new IllegalStateException("not a node of a loaded form: " + node);
        }
        return form;
    }

    public RepeatGroup group(Object node, String groupId) {
        return groupId == null ? null : formOf(node).group(groupId).orElseThrow();
    }

    public RepeatGroup parent(RepeatGroup group) {
        var chain = formOf(group).chain(group.id());
        return chain.size() < 2 ? null : group(group, chain.get(chain.size() - 2));
    }

    public RepeatGroup groupOf(Item item) {
        return group(item, item.repeatGroup());
    }
}
