package jp.hyoka.server.support;

/** The GraphQL operations the end-to-end tests send, written as a front end would. */
public final class Operations {

    public static final String START = """
            mutation($kind: FormKind!, $name: String!) {
              startAssessment(input: {kind: $kind, affairName: $name}) {
                __typename
                ... on AssessmentEdited { revision assessment { id revision affairName kind form { kind version } } }
                ... on Problem { code message }
                ... on TextTooLong { maxLength actualLength }
              }
            }""";

    public static final String ANSWER = """
            mutation($id: ID!, $rev: Int!, $item: ID!, $value: AnswerInput!, $reason: String) {
              answerItem(input: {assessmentId: $id, expectedRevision: $rev, itemId: $item, value: $value, reason: $reason}) {
                __typename
                ... on AssessmentEdited { revision assessment { revision } }
                ... on Problem { code message }
                ... on StaleRevision { expectedRevision currentRevision changesSince { revision event itemId
                                       after { ... on TextValue { text } } actor { userId } } }
                ... on UnknownItem { itemId form }
                ... on WrongAnswerType { expectedType givenType }
                ... on TextTooLong { maxLength actualLength }
                ... on OptionNotAllowed { givenOption allowedOptions }
                ... on InvalidInput { field }
              }
            }""";

    public static final String CLEAR = """
            mutation($id: ID!, $rev: Int!, $item: ID!) {
              clearAnswer(input: {assessmentId: $id, expectedRevision: $rev, itemId: $item}) {
                __typename
                ... on AssessmentEdited { revision }
                ... on Problem { code }
              }
            }""";

    public static final String DOCUMENT = """
            query($id: ID!) {
              assessment(id: $id) {
                id revision affairName createdBy { userId displayName } updatedBy { userId }
                answers {
                  item { itemId number label type }
                  revision answeredBy { userId }
                  value {
                    __typename
                    ... on TextValue { text }
                    ... on RichTextValue { html plainText }
                    ... on ChoiceValue { code label }
                    ... on DateValue { date }
                  }
                }
              }
            }""";

    public static final String HISTORY = """
            query($id: ID!, $first: Int, $after: String) {
              assessment(id: $id) {
                history(first: $first, after: $after) {
                  edges { cursor node { revision event itemId reason actor { userId displayName } at
                          before { ... on TextValue { text } ... on ChoiceValue { code } }
                          after { ... on TextValue { text } ... on ChoiceValue { code label } } } }
                  pageInfo { hasNextPage endCursor }
                }
              }
            }""";

    public static final String LIST = """
            query($first: Int, $after: String) {
              assessments(first: $first, after: $after) {
                edges { cursor node { id affairName } }
                pageInfo { hasNextPage endCursor }
              }
            }""";

    /** Publishes the version as of 2025-04-01 (an approver's mutation). */
    public static final String PUBLISH = """
            mutation($id: ID!, $rev: Int!) {
              publishVersion(input: {assessmentId: $id, expectedRevision: $rev, publishedOn: "2025-04-01"}) {
                __typename ... on AssessmentEdited { revision } ... on Problem { code message }
              }
            }""";

    public static final String NEXT_VERSION = """
            mutation($id: ID!, $rev: Int!) {
              startNextVersion(input: {assessmentId: $id, expectedRevision: $rev}) {
                __typename ... on AssessmentEdited { revision } ... on Problem { code }
              }
            }""";

    private Operations() {
    }

    /** Everything a client reads of a whole document: the benchmark's row 8 "whole document" read. */
    public static final String READ_WHOLE = """
            query($id: ID!) { assessment(id: $id) {
              id uuid kind affairName revision createdAt updatedAt
              createdBy { userId displayName } updatedBy { userId displayName }
              form { kind version }
              answers { item { id itemId } entries { entryId } revision answeredAt answeredBy { displayName }
                value { __typename ... on TextValue { text } ... on RichTextValue { html plainText }
                        ... on NumberValue { number } ... on DateValue { date wareki }
                        ... on ChoiceValue { code label detail count }
                        ... on MultiChoiceValue { selections { code label detail count } } } }
              repeatEntries { entryId ordinal label parentEntryIds }
              completeness { complete unansweredCount } } }""";
}
