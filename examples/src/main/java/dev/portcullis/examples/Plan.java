package dev.portcullis.examples;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonArray;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.portcullis.core.TextFiles;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a Pulumi program would register, as seen by Pulumi's mock engine: every resource's type
 * token, logical name and inputs (ids equal logical names, so references read as names).
 */
public record Plan(List<Resource> resources) {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();

    /** One registration. */
    public record Resource(String type, String name, Map<String, Object> inputs) {
        public Resource {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(name, "name");
            inputs = normalize(inputs);
        }
    }

    public Plan {
        resources = List.copyOf(resources);
    }

    public List<Resource> ofType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }

    /** The plan as JSON, under the given header fields (distribution, cni, …). */
    public String toJson(Map<String, Object> header, Map<String, List<String>> attachments) {
        return toJson(header, attachments, FirewallView.of(this));
    }

    /**
     * The plan as JSON: the header fields, every resource, the attachments, and the firewall as a reader
     * checks it (each group's inbound and outbound rules, each peer named).
     */
    String toJson(Map<String, Object> header, Map<String, List<String>> attachments, FirewallView view) {
        Map<String, Object> root = new LinkedHashMap<>(header);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Resource r : resources) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("type", r.type());
            entry.put("name", r.name());
            entry.put("inputs", r.inputs());
            list.add(entry);
        }
        root.put("resources", list);
        root.put("attachments", attachments);
        List<Map<String, Object>> groups = new ArrayList<>();
        for (FirewallView.Group group : view.groups()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", group.name());
            entry.put("component", group.owner().orElse(null));
            entry.put("inbound", group.inbound().stream().map(Plan::rule).toList());
            entry.put("outbound", group.outbound().stream().map(Plan::rule).toList());
            groups.add(entry);
        }
        root.put("firewall", groups);
        root.put("warnings", view.warnings());
        return GSON.toJson(root) + "\n";
    }

    private static Map<String, Object> rule(FirewallView.Rule rule) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("protocol", rule.protocol());
        out.put("ports", rule.ports());
        out.put("peer", rule.peer());
        out.put("why", rule.why());
        out.put("resource", rule.resource());
        return out;
    }

    /** Deeper than any plan Portcullis writes; deeper input is refused before it is parsed. */
    static final int MAX_DEPTH = 64;

    /** A saved plan and its header fields (distribution, cloud, program…). */
    public record Saved(Plan plan, Map<String, Object> header) {}

    /**
     * Reads a plan saved with {@code --format json}.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it, whatever it holds
     */
    public static Saved read(Path file) {
        String json = TextFiles.read("--against '" + file + "'", file, TextFiles.DEFAULT_LIMIT);
        try {
            Plan plan = fromJson(json);
            Map<String, Object> header = new LinkedHashMap<>();
            JsonObject root = JsonParser.parseString(json).getAsJsonObject();
            for (String field : List.of("distribution", "cloud", "cni", "program")) {
                if (root.get(field) != null && root.get(field).isJsonPrimitive()) {
                    header.put(field, root.get(field).getAsString());
                }
            }
            return new Saved(plan, header);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--against '" + file + "': " + e.getMessage(), e);
        }
    }

    /**
     * Reads the {@code resources} of a saved JSON plan.
     *
     * @throws IllegalArgumentException saying where the document departs from the plan format
     */
    public static Plan fromJson(String json) {
        JsonElement parsed;
        try {
            requireDepth(json);
            JsonReader reader = new JsonReader(new StringReader(json));
            parsed = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new IllegalArgumentException("is not a plan: text follows the JSON document");
            }
        } catch (JsonParseException | IOException | IllegalStateException e) {
            throw new IllegalArgumentException("is not valid JSON (" + Cli.oneLine(e.getMessage()) + "): save a plan with --format json");
        }
        if (!parsed.isJsonObject()) {
            throw new IllegalArgumentException("is not a plan: expected a JSON object with \"resources\", saved with --format json");
        }
        JsonElement list = parsed.getAsJsonObject().get("resources");
        if (list == null || !list.isJsonArray()) {
            throw new IllegalArgumentException("is not a plan: \"resources\" is missing or not a list");
        }
        List<Resource> resources = new ArrayList<>();
        JsonArray array = list.getAsJsonArray();
        for (int i = 0; i < array.size(); i++) {
            String where = "resources[" + i + "]";
            if (!array.get(i).isJsonObject()) {
                throw new IllegalArgumentException(where + " is not an object with type, name and inputs");
            }
            JsonObject r = array.get(i).getAsJsonObject();
            JsonElement inputs = r.get("inputs");
            if (inputs != null && !inputs.isJsonNull() && !inputs.isJsonObject()) {
                throw new IllegalArgumentException(where + ".inputs is not an object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> values = inputs == null || inputs.isJsonNull() ? Map.of() : GSON.fromJson(inputs, Map.class);
            resources.add(new Resource(text(r, "type", where), text(r, "name", where), values));
        }
        return new Plan(resources);
    }

    private static String text(JsonObject object, String field, String where) {
        JsonElement value = object.get(field);
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException(where + "." + field + " is missing or not a string");
        }
        return value.getAsString();
    }

    /** Nesting is measured without recursion, so no document can exhaust the stack. */
    private static void requireDepth(String json) throws IOException {
        JsonReader reader = new JsonReader(new StringReader(json));
        int depth = 0;
        while (true) {
            JsonToken token = reader.peek();
            switch (token) {
                case BEGIN_ARRAY -> { reader.beginArray(); depth++; }
                case BEGIN_OBJECT -> { reader.beginObject(); depth++; }
                case END_ARRAY -> { reader.endArray(); depth--; }
                case END_OBJECT -> { reader.endObject(); depth--; }
                case END_DOCUMENT -> { return; }
                default -> reader.skipValue();
            }
            if (depth > MAX_DEPTH) {
                throw new IllegalArgumentException("is nested deeper than " + MAX_DEPTH + " levels: not a plan");
            }
        }
    }

    /** Whole numbers as longs (the engine's wire format has only doubles), maps sorted by key. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> normalize(Map<String, Object> inputs) {
        Map<String, Object> out = new TreeMap<>();
        inputs.forEach((k, v) -> out.put(k, normalizeValue(v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object normalizeValue(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return d.longValue();
        }
        if (value instanceof Map<?, ?> map) {
            return normalize((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Plan::normalizeValue).toList();
        }
        return value;
    }
}
