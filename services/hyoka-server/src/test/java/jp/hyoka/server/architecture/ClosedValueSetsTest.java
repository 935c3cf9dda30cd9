package jp.hyoka.server.architecture;

import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import jp.hyoka.domain.assessment.ComponentUseMode;
import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.assessment.event.DocumentContentImported;
import jp.hyoka.domain.assessment.event.FormChange;
import jp.hyoka.domain.components.ComponentVersionStatus;
import jp.hyoka.domain.importing.annex.ChangeTextKind;
import jp.hyoka.domain.importing.annex.PathTargetKind;
import jp.hyoka.domain.importing.annex.ReasonCode;
import jp.hyoka.domain.importing.annex.SubmissionTiming;
import jp.hyoka.domain.importing.body.UnmappedContent;
import jp.hyoka.domain.procedure.ProcedureStep;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SDL enums that stand for a closed set of the domain list exactly its values: a value the domain has and the
 * enum lacks would fail the field at run time (graphql-java serialises enum values by name), one the enum has and
 * the domain lacks would promise clients a case that never comes.
 */
class ClosedValueSetsTest {

    static Stream<Arguments> closedSets() {
        return Stream.of(
                // A DocumentContentImported is never a line itself: its lines are the RepeatEntryAdded and
                // ItemAnswered it stands for (EditHistoryProjection), so the enum would promise a case that never comes.
                Arguments.of("history.graphqls", "HistoryEvent", Arrays.stream(AssessmentEvent.class.getPermittedSubclasses())
                        .filter(type -> type != DocumentContentImported.class).map(Class::getSimpleName).toList()),
                Arguments.of("assessment.graphqls", "FormChangeKind", constants(FormChange.class)),
                Arguments.of("importing.graphqls", "ChangeTextKind", names(ChangeTextKind.values())),
                Arguments.of("procedure.graphqls", "ProcedureStep", names(ProcedureStep.values())),
                Arguments.of("publication.graphqls", "SubmissionTiming", names(SubmissionTiming.values())),
                Arguments.of("component-uses.graphqls", "ComponentUseMode", names(ComponentUseMode.values())),
                Arguments.of("components.graphqls", "ComponentVersionStatus", names(ComponentVersionStatus.values())),
                Arguments.of("importing.graphqls", "ReasonCode", names(ReasonCode.values())),
                Arguments.of("importing.graphqls", "ItemPathTarget", names(PathTargetKind.values())),
                Arguments.of("importing.graphqls", "UnmappedReason", constants(UnmappedContent.class)));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("closedSets")
    void givenADomainClosedSet_whenTheSdlEnumIsRead_thenItListsExactlyTheDomainValues(String file, String enumName,
                                                                                     List<String> domainValues)
            throws IOException {
        TypeDefinitionRegistry types = new SchemaParser().parse(sdl(file));
        EnumTypeDefinition definition = types.getType(enumName, EnumTypeDefinition.class).orElseThrow();

        assertThat(definition.getEnumValueDefinitions()).extracting(EnumValueDefinition::getName)
                .containsExactlyInAnyOrderElementsOf(domainValues);
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static List<String> constants(Class<?> type) {
        return Arrays.stream(type.getFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .map(ClosedValueSetsTest::value).toList();
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sdl(String file) throws IOException {
        try (InputStream in = ClosedValueSetsTest.class.getResourceAsStream("/hyoka/schema/graphql/" + file)) {
            assertThat(in).as(file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
