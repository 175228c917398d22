package dev.portcullis.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** What opens, closes and changes between two plans, keyed by (type, logical name). */
final class PlanDiff {
    private PlanDiff() {}

    static String render(Plan before, Plan after, String format) {
        Map<String, Plan.Resource> old = index(before);
        Map<String, Plan.Resource> now = index(after);
        List<String> opens = new ArrayList<>();
        List<String> closes = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        now.forEach((key, r) -> {
            if (!old.containsKey(key)) {
                opens.add(describe(r));
            } else if (!Objects.equals(old.get(key).inputs(), r.inputs())) {
                changes.add(describe(old.get(key)) + " -> " + describe(r));
            }
        });
        old.forEach((key, r) -> {
            if (!now.containsKey(key)) {
                closes.add(describe(r));
            }
        });
        boolean md = format.equals("markdown");
        StringBuilder out = new StringBuilder(md ? "### Portcullis plan diff\n\n" : "");
        section(out, md, "Opens", "+", opens);
        section(out, md, "Closes", "-", closes);
        section(out, md, "Changes", "~", changes);
        if (opens.isEmpty() && closes.isEmpty() && changes.isEmpty()) {
            out.append("No change.\n");
        }
        return out.toString();
    }

    private static void section(StringBuilder out, boolean markdown, String title, String mark, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        out.append(markdown ? "**" + title + "**\n\n" : title + ":\n");
        lines.forEach(line -> out.append(markdown ? "- " : "  " + mark + " ").append(line).append('\n'));
        out.append(markdown ? "\n" : "");
    }

    /** A rule by its description and name; anything else by type and name. */
    private static String describe(Plan.Resource r) {
        Object description = r.inputs().get("description");
        String kind = r.type().substring(r.type().lastIndexOf(':') + 1);
        return (r.type().contains("Rule") && description != null ? description + " " : "") + "(" + kind + " " + r.name() + ")";
    }

    private static Map<String, Plan.Resource> index(Plan plan) {
        Map<String, Plan.Resource> out = new TreeMap<>();
        plan.resources().forEach(r -> out.put(r.type() + "::" + r.name(), r));
        return out;
    }
}
