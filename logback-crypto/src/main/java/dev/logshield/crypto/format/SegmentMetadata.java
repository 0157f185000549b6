package dev.logshield.crypto.format;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the META frame (frame 0, encrypted) says about the writer: host, application, appender, encoder, file.
 * Encrypted because host and application names are themselves sensitive; unknown tags are skipped on read.
 */
public record SegmentMetadata(Map<Field, String> values) {

    /** The metadata fields and their tag bytes. */
    public enum Field {
        HOSTNAME(1), APPLICATION(2), APPENDER(3), ENCODER(4), WRITER(5), FILE(6), CHARSET(7);

        private final int tag;

        Field(int tag) {
            this.tag = tag;
        }

        static Field byTag(int tag) {
            for (Field field : values()) {
                if (field.tag == tag) {
                    return field;
                }
            }
            return null;
        }
    }

    public SegmentMetadata {
        values = Map.copyOf(values);
    }

    public String get(Field field) {
        return values.get(field);
    }

    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Field field : Field.values()) {
            String value = values.get(field);
            if (value == null) {
                continue;
            }
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            int length = Math.min(bytes.length, 0xFFFF);
            out.write(field.tag);
            out.write(length >>> 8);
            out.write(length);
            out.write(bytes, 0, length);
        }
        return out.toByteArray();
    }

    public static SegmentMetadata decode(byte[] bytes) throws FormatException {
        Map<Field, String> values = new LinkedHashMap<>();
        ByteBuffer in = ByteBuffer.wrap(bytes);
        while (in.hasRemaining()) {
            if (in.remaining() < 3) {
                throw new FormatException("metadata entry cut short");
            }
            int tag = in.get() & 0xFF;
            int length = in.getShort() & 0xFFFF;
            if (in.remaining() < length) {
                throw new FormatException("metadata entry longer than the frame");
            }
            byte[] value = new byte[length];
            in.get(value);
            Field field = Field.byTag(tag);
            if (field != null) {
                values.put(field, new String(value, StandardCharsets.UTF_8));
            }
        }
        return new SegmentMetadata(values);
    }
}
