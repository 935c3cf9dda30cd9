package jp.hyoka.server.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The GraphQL request bodies the lean load side sends, encoded with Jackson once, when the benchmark prepares them,
 * never per request: a read's body is the same every time; an edit's ({@link ProductServer#ANSWER}) differs only by
 * the revision it expects and the number in its text, written between the constant parts as ASCII digits.
 */
final class GraphQlBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GraphQlBodies() {
    }

    /** {@code {"query": query, "variables": variables}} as UTF-8 JSON. */
    static byte[] of(String query, Map<String, Object> variables) {
        try {
            return JSON.writeValueAsBytes(Map.of("query", query, "variables", variables));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The answerItem edits of one document: {@code text} is {@code textPrefix} followed by a number. */
    static final class Edits {
        private final byte[] beforeRevision;
        private final byte[] beforeNumber;
        private final byte[] end;

        Edits(String documentId, String textPrefix) {
            try {
                beforeRevision = ("{\"query\":" + JSON.writeValueAsString(ProductServer.ANSWER)
                        + ",\"variables\":{\"id\":" + JSON.writeValueAsString(documentId) + ",\"rev\":")
                        .getBytes(StandardCharsets.UTF_8);
                String text = JSON.writeValueAsString(textPrefix);        // "…", the closing quote dropped below
                beforeNumber = (",\"text\":" + text.substring(0, text.length() - 1)).getBytes(StandardCharsets.UTF_8);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
            end = "\"}}".getBytes(StandardCharsets.UTF_8);
        }

        /** The body expecting {@code revision}, with the text's number {@code number}. */
        byte[] body(long revision, long number) {
            byte[] rev = Long.toString(revision).getBytes(StandardCharsets.ISO_8859_1);
            byte[] num = Long.toString(number).getBytes(StandardCharsets.ISO_8859_1);
            byte[] body = new byte[beforeRevision.length + rev.length + beforeNumber.length + num.length + end.length];
            int at = 0;
            for (byte[] part : new byte[][]{beforeRevision, rev, beforeNumber, num, end}) {
                System.arraycopy(part, 0, body, at, part.length);
                at += part.length;
            }
            return body;
        }
    }
}
