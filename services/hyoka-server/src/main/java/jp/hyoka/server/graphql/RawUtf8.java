package jp.hyoka.server.graphql;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * JSON text held as UTF-8 bytes, for {@link com.fasterxml.jackson.core.JsonGenerator#writeRawValue(SerializableString)}:
 * Jackson's byte generator copies the bytes into its output as they are ({@link #appendUnquotedUTF8}, or
 * {@link #asUnquotedUTF8} when they do not fit its buffer); a character generator gets the decoded text
 * ({@link #appendUnquoted} declines). Jackson's own {@code SerializedString} would hold the text as a String besides
 * its bytes. The quoted forms (the text as a JSON string) are Jackson's own: a raw value never asks for them.
 * The bytes are never changed after construction, and handed out as they are only to Jackson's writers.
 */
final class RawUtf8 implements SerializableString {

    private final byte[] utf8;
    private final int chars;

    RawUtf8(byte[] utf8, int chars) {
        this.utf8 = utf8;
        this.chars = chars;
    }

    @Override
    public String getValue() {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    @Override
    public int charLength() {
        return chars;
    }

    @Override
    public byte[] asUnquotedUTF8() {
        return utf8;
    }

    @Override
    public int appendUnquotedUTF8(byte[] buffer, int offset) {
        if (offset + utf8.length > buffer.length) {
            return -1;
        }
        System.arraycopy(utf8, 0, buffer, offset, utf8.length);
        return utf8.length;
    }

    @Override
    public int appendUnquoted(char[] buffer, int offset) {
        return -1;                                          // the caller writes getValue() instead
    }

    @Override
    public int writeUnquotedUTF8(OutputStream out) throws IOException {
        out.write(utf8);
        return utf8.length;
    }

    @Override
    public int putUnquotedUTF8(ByteBuffer buffer) {
        if (utf8.length > buffer.remaining()) {
            return -1;
        }
        buffer.put(utf8);
        return utf8.length;
    }

    /** The text as a JSON string: never asked of a raw value, answered by Jackson's own class. */
    private SerializableString asString() {
        return new SerializedString(getValue());
    }

    @Override
    public char[] asQuotedChars() {
        return asString().asQuotedChars();
    }

    @Override
    public byte[] asQuotedUTF8() {
        return asString().asQuotedUTF8();
    }

    @Override
    public int appendQuotedUTF8(byte[] buffer, int offset) {
        return asString().appendQuotedUTF8(buffer, offset);
    }

    @Override
    public int appendQuoted(char[] buffer, int offset) {
        return asString().appendQuoted(buffer, offset);
    }

    @Override
    public int writeQuotedUTF8(OutputStream out) throws IOException {
        return asString().writeQuotedUTF8(out);
    }

    @Override
    public int putQuotedUTF8(ByteBuffer buffer) throws IOException {
        return asString().putQuotedUTF8(buffer);
    }
}
