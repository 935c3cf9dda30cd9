package jp.hyoka.server.forms;

import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import jp.hyoka.domain.form.Block;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.RepeatGroup;
import jp.hyoka.domain.form.ItemType;
import jp.hyoka.domain.form.Section;
import jp.hyoka.server.forms.ClasspathFormCatalog;
import jp.hyoka.server.graphql.GlobalIds;
import jp.hyoka.server.graphql.GraphQlFeature;

/** The form revisions as data, so a front end renders any form without hard-coding it. */
@Singleton
public class FormWiring implements GraphQlFeature {

    private final ClasspathFormCatalog forms;
    private final FormIndex index;

    public FormWiring(ClasspathFormCatalog forms, FormIndex index) {
        this.forms = forms;
        this.index = index;
    }

    @Override
    public String sdlFile() {
        return "form.graphqls";
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type
                // the official forms are public: @access has already checked that someone is signed in
                .dataFetcher("form", environment -> {
                    FormKind kind = FormKind.valueOf(environment.getArgument("kind"));
                    String version = environment.getArgument("version");
                    return version == null ? forms.current(kind) : forms.find(new FormRef(kind, version)).orElse(null);
                })
                .dataFetcher("forms", environment -> forms.all()));
        wiring.type("Form", type -> type
                .dataFetcher("kind", environment -> environment.<FormDefinition>getSource().ref().kind())
                .dataFetcher("version", environment -> environment.<FormDefinition>getSource().ref().version())
                .dataFetcher("current", environment -> {
                    FormDefinition form = environment.getSource();
                    return forms.current(form.ref().kind()) == form;
                }));
        wiring.type("FormSection", type -> type
                .dataFetcher("id", environment -> id("FormSection", environment.getSource(),
                        environment.<Section>getSource().id()))
                .dataFetcher("sectionId", environment -> environment.<Section>getSource().id())
                .dataFetcher("repeat", environment -> {
                    Section section = environment.getSource();
                    return index.group(section, section.repeat());
                }));
        wiring.type("FormBlock", type -> type
                .dataFetcher("id", environment -> id("FormBlock", environment.getSource(),
                        environment.<Block>getSource().id()))
                .dataFetcher("blockId", environment -> environment.<Block>getSource().id())
                .dataFetcher("repeat", environment -> {
                    Block block = environment.getSource();
                    return index.group(block, block.repeat());
                }));
        wiring.type("RepeatGroup", type -> type
                .dataFetcher("id", environment -> id("RepeatGroup", environment.getSource(),
                        environment.<RepeatGroup>getSource().id()))
                .dataFetcher("groupId", environment -> environment.<RepeatGroup>getSource().id())
                .dataFetcher("parent", environment -> index.parent(environment.getSource())));
        wiring.type("FormItem", type -> type
                .dataFetcher("id", environment -> id("FormItem", environment.getSource(),
                        environment.<Item>getSource().id().value()))
                .dataFetcher("itemId", environment -> environment.<Item>getSource().id().value())
                .dataFetcher("repeatGroup", environment -> index.groupOf(environment.getSource()))
                .dataFetcher("maxLength", environment -> textual(environment.getSource())
                        ? environment.<Item>getSource().maxLength() : null)
                .dataFetcher("minimum", environment -> numeric(environment.getSource())
                        ? environment.<Item>getSource().minimum() : null)
                .dataFetcher("maximum", environment -> numeric(environment.getSource())
                        ? environment.<Item>getSource().maximum() : null));
    }

    /**
     * Global: the same item, section, block or group id names different labels in other kinds and revisions of
     * the forms, so the id carries the form revision ({@code kind/version/id}).
     */
    private String id(String type, Object node, String localId) {
        FormRef form = index.formOf(node).ref();
        return GlobalIds.encode(type, form.kind() + "/" + form.version() + "/" + localId);
    }

    private static boolean textual(Item item) {
        return item.type().answerType() == ItemType.TEXT || item.type().answerType() == ItemType.RICH_TEXT;
    }

    private static boolean numeric(Item item) {
        return item.type() == ItemType.NUMBER;
    }
}
