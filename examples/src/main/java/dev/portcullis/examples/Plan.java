package dev.portcullis.examples;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
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
        return GSON.toJson(root) + "\n";
    }

    /** Reads the {@code resources} of a saved JSON plan. */
    public static Plan fromJson(String json) {
        JsonObject root = JsonParser.parseString(json).getAsJsonObject();
        List<Resource> resources = new ArrayList<>();
        for (JsonElement element : root.getAsJsonArray("resources")) {
            JsonObject r = element.getAsJsonObject();
            @SuppressWarnings("unchecked")
            Map<String, Object> inputs = GSON.fromJson(r.get("inputs"), Map.class);
            resources.add(new Resource(r.get("type").getAsString(), r.get("name").getAsString(), inputs));
        }
        return new Plan(resources);
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
