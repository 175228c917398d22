package dev.portcullis.audit;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A JSON document read with the line each object starts on, so findings can point at the rule they
 * are about. Gson keeps positions to itself; here its reader is fed one character at a time, so the
 * characters it has taken when it reports an object's start end at that object's brace.
 *
 * <p>Numbers are kept as the text the input wrote ({@link JsonFields#integer} reads them strictly):
 * Gson's {@code BigDecimal} would turn {@code 1e100000000} or a 1,000-digit number into a silently
 * wrong port, or spend time and memory expanding it. Nesting is limited, so a crafted document cannot
 * exhaust the stack of this recursive reader.
 */
final class JsonInput {
    /** Far beyond the 5 levels of the deepest listing read here. */
    static final int MAX_DEPTH = 64;

    private final JsonElement root;
    private final Map<JsonElement, Integer> lines;

    private JsonInput(JsonElement root, Map<JsonElement, Integer> lines) {
        this.root = root;
        this.lines = lines;
    }

    /** @throws IllegalArgumentException naming the input, if it is not JSON */
    static JsonInput parse(String name, String text) {
        LineCounter counter = new LineCounter(new StringReader(text));
        Map<JsonElement, Integer> lines = new IdentityHashMap<>();
        try (JsonReader reader = new JsonReader(counter)) {
            JsonElement root = read(name, reader, counter, lines, 0);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new IllegalArgumentException("input '" + name + "' holds more than one JSON document");
            }
            return new JsonInput(root, lines);
        } catch (IOException | IllegalStateException e) {
            throw new IllegalArgumentException("input '" + name + "' is not valid JSON: " + e.getMessage());
        }
    }

    JsonElement root() {
        return root;
    }

    /** 1-based line of an object's opening brace, 0 if unknown. */
    int line(JsonElement element) {
        return lines.getOrDefault(element, 0);
    }

    private static JsonElement read(String name, JsonReader reader, LineCounter counter, Map<JsonElement, Integer> lines,
            int depth) throws IOException {
        if (depth > MAX_DEPTH && (reader.peek() == JsonToken.BEGIN_OBJECT || reader.peek() == JsonToken.BEGIN_ARRAY)) {
            throw new IllegalArgumentException("input '" + Text.oneLine(name) + "' nests JSON deeper than " + MAX_DEPTH
                    + " levels: expected a security group listing");
        }
        switch (reader.peek()) {
            case BEGIN_OBJECT: {
                JsonObject object = new JsonObject();
                lines.put(object, counter.line);
                reader.beginObject();
                while (reader.hasNext()) {
                    String member = reader.nextName();
                    object.add(member, read(name, reader, counter, lines, depth + 1));
                }
                reader.endObject();
                return object;
            }
            case BEGIN_ARRAY: {
                JsonArray array = new JsonArray();
                reader.beginArray();
                while (reader.hasNext()) {
                    array.add(read(name, reader, counter, lines, depth + 1));
                }
                reader.endArray();
                return array;
            }
            case STRING:
                return new JsonPrimitive(reader.nextString());
            case NUMBER:
                return new JsonPrimitive(new NumberText(reader.nextString()));
            case BOOLEAN:
                return new JsonPrimitive(reader.nextBoolean());
            case NULL:
                reader.nextNull();
                return JsonNull.INSTANCE;
            default:
                throw new IllegalStateException("unexpected " + reader.peek() + " at " + reader.getPath());
        }
    }

    /**
     * A JSON number as the input wrote it. Its text is what counts; the {@code Number} conversions
     * go through {@link Double#parseDouble}, which takes time linear in the text and never expands it.
     */
    static final class NumberText extends Number {
        private final String text;

        NumberText(String text) {
            this.text = text;
        }

        @Override public int intValue() { return (int) doubleValue(); }
        @Override public long longValue() { return (long) doubleValue(); }
        @Override public float floatValue() { return (float) doubleValue(); }
        @Override public double doubleValue() { return Double.parseDouble(text); }
        @Override public String toString() { return text; }
    }

    /** Hands out one character per read and counts the lines it has handed out. */
    private static final class LineCounter extends Reader {
        private final Reader in;
        int line = 1;

        LineCounter(Reader in) {
            this.in = in;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            int c = in.read();
            if (c < 0) {
                return -1;
            }
            if (c == '\n') {
                line++;
            }
            buffer[offset] = (char) c;
            return 1;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
