package jp.hyoka.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.Arrays;

/**
 * The answer a read of an unchanged document must give every time: the first answer, parsed once with Jackson and
 * verified (status 200, {@code data.<field>} an object, no {@code errors}); every later answer must be status 200
 * and the same bytes, else the run fails with the answer printed. Byte equality is exact because the benchmark's
 * server answers the same query on the same document with the same body: its cost extension has no budget level in
 * it ({@code BenchDatabase} turns the cost budget's restore rate off), and a kept answer is byte for byte the executed
 * one ({@code ResponseCacheIT}).
 */
final class ReferenceAnswer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PRINTED = 4_000;

    private final byte[] body;

    private ReferenceAnswer(byte[] body) {
        this.body = body;
    }

    /** {@code first} as the reference, after checking it is a success holding {@code data.<field>}. */
    static ReferenceAnswer of(LeanHttpClient.Answer first, String field) {
        JsonNode parsed;
        try {
            parsed = JSON.readTree(first.body());
        } catch (IOException e) {
            throw new AnswerScan.BadAnswer("the reference answer is not JSON", first);
        }
        if (first.status() != 200 || parsed == null || parsed.has("errors")
                || !parsed.path("data").path(field).isObject()) {
            throw new AnswerScan.BadAnswer("the reference answer is not a success with data." + field, first);
        }
        return new ReferenceAnswer(first.body().clone());
    }

    /** Throws, printing the answer and where it first differs, unless {@code answer} is the reference's bytes. */
    void check(LeanHttpClient.Answer answer) {
        if (answer.status() == 200 && Arrays.equals(body, answer.body())) {
            return;
        }
        int at = Arrays.mismatch(body, answer.body());
        String text = answer.text();
        throw new AssertionError("a read of an unchanged document answered " + answer.status() + ", "
                + answer.body().length + " bytes, differing from its reference (" + body.length + " bytes) at byte "
                + at + ": …" + excerpt(answer.body(), at) + "… (reference: …" + excerpt(body, at) + "…); the answer: "
                + (text.length() > PRINTED ? text.substring(0, PRINTED) + "… (cut)" : text));
    }

    private static String excerpt(byte[] bytes, int at) {
        int from = Math.max(0, Math.min(at, bytes.length) - 80);
        int to = Math.min(bytes.length, Math.max(at, 0) + 80);
        return new String(bytes, from, to - from, java.nio.charset.StandardCharsets.UTF_8);
    }
}
