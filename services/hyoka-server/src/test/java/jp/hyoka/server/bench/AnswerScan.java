package jp.hyoka.server.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/**
 * What the benchmark's next request needs from a GraphQL answer whose content changes (an edit's new revision, a
 * read of a document others edit), found by Jackson's streaming parser without building a tree, and the proof that
 * the answer is a success: status 200, a JSON object whose members are {@code data} (first) and at most
 * {@code extensions} — no {@code errors} member —, and {@code data.<field>} an object. The parser reads the tokens of
 * the whole body, so text inside an answer (an item's value, a problem's message) is a string token and cannot pass
 * for a member; nested objects under the field are skipped, not kept. Anything else throws {@link BadAnswer} with
 * the body.
 */
record AnswerScan(String typename, Long revision) {

    private static final JsonFactory JSON = new JsonFactory();

    /** An answer the benchmark counts as an error: the run (or the load run's error count) gets it with the body. */
    static final class BadAnswer extends IllegalStateException {
        BadAnswer(String why, LeanHttpClient.Answer answer) {
            super(why + ": " + answer);
        }
    }

    /** Scans {@code answer} for {@code data.<field>}'s own {@code __typename} and {@code revision}. */
    static AnswerScan of(LeanHttpClient.Answer answer, String field) {
        if (answer.status() != 200) {
            throw new BadAnswer("status " + answer.status(), answer);
        }
        try (JsonParser parser = JSON.createParser(answer.body())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new BadAnswer("not a JSON object", answer);
            }
            AnswerScan found = null;
            boolean first = true;
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String member = parser.currentName();
                JsonToken value = parser.nextToken();
                if (first && member.equals("data") && value == JsonToken.START_OBJECT) {
                    found = data(parser, field, answer);
                } else if (!first && member.equals("extensions") && value == JsonToken.START_OBJECT) {
                    parser.skipChildren();
                } else {
                    throw new BadAnswer("member \"" + member + "\" where only data, then extensions may be", answer);
                }
                first = false;
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null || found == null) {
                throw new BadAnswer("not one object holding data." + field, answer);
            }
            return found;
        } catch (IOException e) {
            throw new BadAnswer("not JSON (" + e.getMessage() + ")", answer);
        }
    }

    /** Inside {@code data}: its {@code field} must be an object; its scalar members typename and revision kept. */
    private static AnswerScan data(JsonParser parser, String field, LeanHttpClient.Answer answer) throws IOException {
        AnswerScan found = null;
        for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            boolean wanted = parser.currentName().equals(field);
            JsonToken value = parser.nextToken();
            if (wanted && value == JsonToken.START_OBJECT) {
                found = fields(parser);
            } else {
                parser.skipChildren();
            }
        }
        if (found == null) {
            throw new BadAnswer("data." + field + " is not an object", answer);
        }
        return found;
    }

    private static AnswerScan fields(JsonParser parser) throws IOException {
        String typename = null;
        Long revision = null;
        for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("__typename") && value == JsonToken.VALUE_STRING) {
                typename = parser.getText();
            } else if (name.equals("revision") && value == JsonToken.VALUE_NUMBER_INT) {
                revision = parser.getLongValue();
            } else {
                parser.skipChildren();
            }
        }
        return new AnswerScan(typename, revision);
    }

    /** The revision, which a success must carry. */
    long requireRevision(LeanHttpClient.Answer answer) {
        if (revision == null) {
            throw new BadAnswer("no revision", answer);
        }
        return revision;
    }
}
