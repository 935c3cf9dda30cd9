package jp.hyoka.server.assessment;

import graphql.schema.idl.RuntimeWiring;
import jp.hyoka.domain.form.ChoiceAnswer;
import jp.hyoka.domain.form.ChoiceOption;
import jp.hyoka.domain.form.DateAnswer;
import jp.hyoka.domain.form.JapaneseDates;
import jp.hyoka.domain.form.MultiChoiceAnswer;
import jp.hyoka.domain.form.NumberAnswer;
import jp.hyoka.domain.form.RichTextAnswer;
import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.server.assessment.Nodes.AnswerNode;

/** The AnswerValue union: one GraphQL type per answer type. */
final class AnswerValueWiring {

    private AnswerValueWiring() {
    }

    static void wire(RuntimeWiring.Builder wiring) {
        wiring.type("AnswerValue", type -> type.typeResolver(environment -> {
            AnswerNode node = environment.getObject();
            String name = switch (node.answer().type()) {
                case TEXT -> "TextValue";
                case RICH_TEXT -> "RichTextValue";
                case NUMBER -> "NumberValue";
                case DATE -> "DateValue";
                case SINGLE_CHOICE -> "ChoiceValue";
                case MULTIPLE_CHOICE -> "MultiChoiceValue";
                case SHARED_COMPONENT -> "RichTextValue";
            };
            return environment.getSchema().getObjectType(name);
        }));
        wiring.type("TextValue", type -> type.dataFetcher("text",
                environment -> ((TextAnswer) environment.<AnswerNode>getSource().answer()).text()));
        wiring.type("RichTextValue", type -> type
                .dataFetcher("html", environment -> ((RichTextAnswer) environment.<AnswerNode>getSource().answer()).html())
                .dataFetcher("plainText", environment -> environment.<AnswerNode>getSource().answer().plainText()));
        wiring.type("NumberValue", type -> type.dataFetcher("number",
                environment -> ((NumberAnswer) environment.<AnswerNode>getSource().answer()).value()));
        wiring.type("DateValue", type -> type
                .dataFetcher("date", environment -> ((DateAnswer) environment.<AnswerNode>getSource().answer()).date())
                .dataFetcher("wareki", environment -> JapaneseDates.format(
                        ((DateAnswer) environment.<AnswerNode>getSource().answer()).date())));
        wiring.type("MultiChoiceValue", type -> type.dataFetcher("selections", environment -> {
            AnswerNode node = environment.getSource();
            return ((MultiChoiceAnswer) node.answer()).selections().stream()
                    .map(selection -> new AnswerNode(new ChoiceAnswer(selection.optionCode(), selection.text(),
                            selection.count()), node.item()))
                    .toList();
        }));
        wiring.type("ChoiceValue", type -> type
                .dataFetcher("code", environment -> ((ChoiceAnswer) environment.<AnswerNode>getSource().answer()).optionCode())
                .dataFetcher("detail", environment -> ((ChoiceAnswer) environment.<AnswerNode>getSource().answer()).text())
                .dataFetcher("count", environment -> ((ChoiceAnswer) environment.<AnswerNode>getSource().answer()).count())
                .dataFetcher("label", environment -> {
                    AnswerNode node = environment.getSource();
                    String code = ((ChoiceAnswer) node.answer()).optionCode();
                    return node.item() == null ? code
                            : node.item().option(code).map(ChoiceOption::label).orElse(code);
                }));
    }
}
