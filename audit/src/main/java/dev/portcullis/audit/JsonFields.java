package dev.portcullis.audit;

import com.google.common.collect.ImmutableList;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * One JSON object of an input, read member by member with each member's type checked: a listing
 * whose member has another type than the format defines is refused with the input's name and the
 * member's path ({@code SecurityGroupRules[3].FromPort}), never read as something it is not. A
 * member that is missing or JSON {@code null} is absent.
 *
 * @param input the input's name, for messages
 * @param path where the object is, from the root: {@code SecurityGroups[0].IpPermissions[2]}, {@code [4]}, or empty for the root
 */
record JsonFields(String input, String path, JsonObject object) {
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** An optional minus and at most 10 digits, without leading zeros: no fraction, no exponent. */
    private static final Pattern INTEGER = Pattern.compile("-?(?:0|[1-9][0-9]{0,9})");
    private static final int SHOWN = 24;

    JsonFields {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(object, "object");
    }

    /** The elements of an array, each of which must be an object. */
    static ImmutableList<JsonFields> elements(String input, String path, JsonArray array) {
        ImmutableList.Builder<JsonFields> out = ImmutableList.builder();
        for (int i = 0; i < array.size(); i++) {
            String at = path + "[" + i + "]";
            JsonElement element = array.get(i);
            if (!element.isJsonObject()) {
                throw wrongType(input, at, element, "an object");
            }
            out.add(new JsonFields(input, at, element.getAsJsonObject()));
        }
        return out.build();
    }

    /** Whether the member is there and not JSON {@code null}. */
    boolean has(String member) {
        return member(member).isPresent();
    }

    /** A string member. */
    Optional<String> string(String member) {
        return member(member).map(value -> {
            if (!(value instanceof JsonPrimitive p && p.isString())) {
                throw wrongType(input, path(member), value, "a string");
            }
            return value.getAsString();
        });
    }

    /** A boolean member ({@code true} or {@code false}; the string {@code "true"} is not one). */
    Optional<Boolean> bool(String member) {
        return member(member).map(value -> {
            if (!(value instanceof JsonPrimitive p && p.isBoolean())) {
                throw wrongType(input, path(member), value, "true or false");
            }
            return value.getAsBoolean();
        });
    }

    /**
     * An integer member in {@code min..max}, read from the number's text: fractions, exponents and
     * magnitudes beyond ten digits are refused before anything is converted.
     */
    OptionalInt integer(String member, int min, int max) {
        Optional<JsonElement> value = member(member);
        if (value.isEmpty()) {
            return OptionalInt.empty();
        }
        String expected = "an integer " + min + ".." + max;
        if (!(value.get() instanceof JsonPrimitive p && p.isNumber() && INTEGER.matcher(p.getAsNumber().toString()).matches())) {
            throw wrongType(input, path(member), value.get(), expected);
        }
        long number = Long.parseLong(value.get().getAsNumber().toString());
        if (number < min || number > max) {
            throw wrongType(input, path(member), value.get(), expected);
        }
        return OptionalInt.of((int) number);
    }

    /** An object member. */
    Optional<JsonFields> object(String member) {
        return member(member).map(value -> {
            if (!value.isJsonObject()) {
                throw wrongType(input, path(member), value, "an object");
            }
            return new JsonFields(input, path(member), value.getAsJsonObject());
        });
    }

    /** An array member of objects; none when it is missing or JSON {@code null}. */
    ImmutableList<JsonFields> objects(String member) {
        Optional<JsonElement> value = member(member);
        if (value.isEmpty()) {
            return ImmutableList.of();
        }
        if (!value.get().isJsonArray()) {
            throw wrongType(input, path(member), value.get(), "an array");
        }
        return elements(input, path(member), value.get().getAsJsonArray());
    }

    /** The member's path: {@code SecurityGroupRules[0].FromPort}, {@code [3]."IP Protocol"}. */
    String path(String member) {
        String name = PLAIN_NAME.matcher(member).matches() ? member : "\"" + Text.oneLine(member).replace("\"", "\\\"") + "\"";
        return path.isEmpty() ? name : path + "." + name;
    }

    private Optional<JsonElement> member(String member) {
        JsonElement value = object.get(member);
        return value == null || value.isJsonNull() ? Optional.empty() : Optional.of(value);
    }

    /** {@code input 'rules.json': SecurityGroupRules[0].FromPort is "22": expected an integer -1..65535}. */
    static IllegalArgumentException wrongType(String input, String path, JsonElement value, String expected) {
        return new IllegalArgumentException("input '" + Text.oneLine(input) + "': " + path + " is " + describe(value)
                + ": expected " + expected);
    }

    /** {@code an object}, {@code an array}, {@code null}, or a scalar as JSON writes it, cut to a few characters. */
    private static String describe(JsonElement value) {
        if (value.isJsonObject()) {
            return "an object";
        }
        if (value.isJsonArray()) {
            return "an array";
        }
        if (value.isJsonNull()) {
            return "null";
        }
        JsonPrimitive primitive = value.getAsJsonPrimitive();
        String text = primitive.isString() ? primitive.getAsString() : primitive.isNumber()
                ? primitive.getAsNumber().toString() : Boolean.toString(primitive.getAsBoolean());
        String shown = text.length() > SHOWN ? text.substring(0, SHOWN) + "…" : text;
        return primitive.isString() ? "\"" + Text.oneLine(shown) + "\"" : Text.oneLine(shown);
    }
}
