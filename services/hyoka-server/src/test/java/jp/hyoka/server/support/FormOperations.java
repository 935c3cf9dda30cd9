package jp.hyoka.server.support;

/** GraphQL operations of the repeating-group, revision and completeness tests. */
public final class FormOperations {

    public static final String START_ON = """
            mutation($kind: FormKind!, $name: String!, $version: String) {
              startAssessment(input: {kind: $kind, affairName: $name, formVersion: $version}) {
                __typename
                ... on AssessmentEdited { revision assessment { id form { version } } }
                ... on Problem { code }
              }
            }""";

    public static final String ADD_ENTRY = """
            mutation($id: ID!, $rev: Int!, $group: ID!, $parents: [ID!], $position: Int) {
              addRepeatEntry(input: {assessmentId: $id, expectedRevision: $rev, groupId: $group,
                                     parentEntryIds: $parents, position: $position}) {
                __typename
                ... on AssessmentEdited { revision addedEntryId }
                ... on Problem { code message }
                ... on RepeatLimitReached { max }
              }
            }""";

    public static final String MOVE_ENTRY = """
            mutation($id: ID!, $rev: Int!, $group: ID!, $entry: ID!, $to: Int!) {
              moveRepeatEntry(input: {assessmentId: $id, expectedRevision: $rev, groupId: $group, entryId: $entry,
                                      toPosition: $to}) {
                __typename
                ... on AssessmentEdited { revision }
                ... on Problem { code }
              }
            }""";

    public static final String REMOVE_ENTRY = """
            mutation($id: ID!, $rev: Int!, $group: ID!, $entry: ID!) {
              removeRepeatEntry(input: {assessmentId: $id, expectedRevision: $rev, groupId: $group, entryId: $entry}) {
                __typename
                ... on AssessmentEdited { revision }
                ... on Problem { code }
              }
            }""";

    public static final String ANSWER_IN = """
            mutation($id: ID!, $rev: Int!, $item: ID!, $entries: [ID!], $value: AnswerInput!) {
              answerItem(input: {assessmentId: $id, expectedRevision: $rev, itemId: $item, entryIds: $entries,
                                 value: $value}) {
                __typename
                ... on AssessmentEdited { revision }
                ... on Problem { code message }
                ... on UnknownRepeatEntry { groupId entryIds }
                ... on NumberOutOfRange { givenNumber }
                ... on InvalidDate { given }
              }
            }""";

    public static final String MIGRATE = """
            mutation($id: ID!, $rev: Int!, $version: String!) {
              migrateFormRevision(input: {assessmentId: $id, expectedRevision: $rev, version: $version}) {
                __typename
                ... on AssessmentEdited { revision assessment { form { version } }
                                          formChanges { kind itemId entryIds detail
                                                        before { ... on MultiChoiceValue { selections { code } } }
                                                        after { ... on MultiChoiceValue { selections { code label } } } } }
                ... on Problem { code }
              }
            }""";

    public static final String DOCUMENT = """
            query($id: ID!) {
              assessment(id: $id) {
                revision
                repeatEntries { group { groupId } entryId ordinal label parentEntryIds }
                answers {
                  item { itemId number heading }
                  entries { group { groupId } entryId ordinal label }
                  value {
                    __typename
                    ... on TextValue { text }
                    ... on DateValue { date wareki }
                    ... on ChoiceValue { code label detail count }
                    ... on MultiChoiceValue { selections { code label detail count } }
                  }
                }
              }
            }""";

    public static final String COMPLETENESS = """
            query($id: ID!) {
              assessment(id: $id) {
                completeness {
                  complete unansweredCount
                  gaps { section { sectionId } block { blockId } entries { label } unansweredItems { itemId }
                         group { groupId } entryCount minimum }
                }
              }
            }""";

    private FormOperations() {
    }
}
