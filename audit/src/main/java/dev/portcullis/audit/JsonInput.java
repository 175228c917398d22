package dev.portcullis.audit;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON document read with the line each object starts on, so findings can point at the rule they
 * are about. Gson keeps positions to itself; here its reader is fed one character at a time, so the
 * characters it has taken when it reports an object's start end at that object's brace.
 */
final class JsonInput {
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
            JsonElement root = read(reader, counter, lines);
            if (reader.peek() != com.google.gson.stream.JsonToken.END_DOCUMENT) {
                throw new IllegalArgumentException("input '" + name + "' holds more than one JSON document");
            }
            return new JsonInput(root, lines);
        } catch (IOException | IllegalStateException | NumberFormatException e) {
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

    /** A member as text, absent when missing or JSON null. */
    static Optional<String> string(JsonObject object, String member) {
        JsonElement value = object.get(member);
        return value == null || value.isJsonNull() ? Optional.empty() : Optional.of(value.getAsString());
    }

    private static JsonElement read(JsonReader reader, LineCounter counter, Map<JsonElement, Integer> lines)
            throws IOException {
        switch (reader.peek()) {
            case BEGIN_OBJECT: {
                JsonObject object = new JsonObject();
                lines.put(object, counter.line);
                reader.beginObject();
                while (reader.hasNext()) {
                    String member = reader.nextName();
                    object.add(member, read(reader, counter, lines));
                }
                reader.endObject();
                return object;
            }
            case BEGIN_ARRAY: {
                JsonArray array = new JsonArray();
                reader.beginArray();
                while (reader.hasNext()) {
                    array.add(read(reader, counter, lines));
                }
                reader.endArray();
                return array;
            }
            case STRING:
                return new JsonPrimitive(reader.nextString());
            case NUMBER:
                return new JsonPrimitive(new java.math.BigDecimal(reader.nextString()));
            case BOOLEAN:
                return new JsonPrimitive(reader.nextBoolean());
            case NULL:
                reader.nextNull();
                return JsonNull.INSTANCE;
            default:
                throw new IllegalStateException("unexpected " + reader.peek() + " at " + reader.getPath());
        }
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
