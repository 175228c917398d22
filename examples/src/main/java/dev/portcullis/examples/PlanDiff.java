package dev.portcullis.examples;

import dev.portcullis.core.Text;
import dev.portcullis.core.render.Markdown;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What opens, closes and changes between two plans. Rules are compared as a reader reads them (group,
 * direction, protocol, peer, ports): a port joining a range, which renames the rule, is one change
 * ("TCP 2379-2380 → 2379-2381 from server nodes"), not a close and an open. Other resources are
 * compared by type and logical name.
 */
final class PlanDiff {
    private PlanDiff() {}

    static String render(Plan before, Plan after, String format) {
        List<FirewallView.Rule> old = rules(FirewallView.of(before));
        List<FirewallView.Rule> now = rules(FirewallView.of(after));
        List<String> opens = new ArrayList<>();
        List<String> closes = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        List<FirewallView.Rule> gone = new ArrayList<>(old.stream().filter(r -> !contains(now, r)).toList());
        List<FirewallView.Rule> added = new ArrayList<>(now.stream().filter(r -> !contains(old, r)).toList());
        for (FirewallView.Rule rule : List.copyOf(added)) {
            gone.stream().filter(g -> g.subject().equals(rule.subject()) && touches(g.ports(), rule.ports())).findFirst()
                    .ifPresent(previous -> {
                        changes.add(rule.protocol() + " " + previous.ports() + " → " + rule.ports()
                                + (rule.direction() == dev.portcullis.core.Direction.INGRESS ? " from " : " to ") + rule.peer()
                                + " on " + rule.group());
                        gone.remove(previous);
                        added.remove(rule);
                    });
        }
        // Same traffic, new words: updated in place, but a reviewer reads them.
        for (FirewallView.Rule rule : now) {
            old.stream().filter(o -> o.subject().equals(rule.subject()) && o.ports().equals(rule.ports())
                    && !o.why().equals(rule.why())).findFirst()
                    .ifPresent(o -> changes.add(rule.line() + " on " + rule.group() + ": \"" + o.why() + "\" → \"" + rule.why() + "\""));
        }
        added.forEach(r -> opens.add(r.line() + " on " + r.group() + describe(r)));
        gone.forEach(r -> closes.add(r.line() + " on " + r.group() + describe(r)));
        Map<String, Plan.Resource> before2 = others(before);
        Map<String, Plan.Resource> after2 = others(after);
        after2.forEach((key, r) -> {
            if (!before2.containsKey(key)) {
                opens.add("new " + kind(r) + " " + r.name());
            } else if (!Objects.equals(before2.get(key).inputs(), r.inputs())) {
                changes.add(kind(r) + " " + r.name() + " changes its inputs");
            }
        });
        before2.forEach((key, r) -> {
            if (!after2.containsKey(key)) {
                closes.add(kind(r) + " " + r.name() + " removed");
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

    private static List<FirewallView.Rule> rules(FirewallView view) {
        List<FirewallView.Rule> out = new ArrayList<>();
        view.groups().forEach(g -> {
            out.addAll(g.inbound());
            out.addAll(g.outbound());
        });
        return out;
    }

    private static boolean contains(List<FirewallView.Rule> rules, FirewallView.Rule rule) {
        return rules.stream().anyMatch(r -> r.subject().equals(rule.subject()) && r.ports().equals(rule.ports()));
    }

    /** Whether two port ranges overlap or are adjacent: one grew or shrank into the other. */
    private static boolean touches(String a, String b) {
        var x = FirewallView.portRange(a);
        var y = FirewallView.portRange(b);
        return x.isPresent() && y.isPresent() && x.get().lowerEndpoint() <= y.get().upperEndpoint() + 1
                && y.get().lowerEndpoint() <= x.get().upperEndpoint() + 1;
    }

    private static String describe(FirewallView.Rule rule) {
        return rule.why().isEmpty() ? "" : ": " + rule.why();
    }

    private static final List<String> RULE_TYPES = List.of(FirewallView.AWS_INGRESS, FirewallView.AWS_EGRESS,
            FirewallView.AWS_LEGACY_RULE, FirewallView.NEUTRON_RULE);

    /**
     * Resources other than rules (groups included), by type and name; Portcullis components are left
     * out, since what their inputs change shows in their groups and rules.
     */
    private static Map<String, Plan.Resource> others(Plan plan) {
        Map<String, Plan.Resource> out = new TreeMap<>();
        plan.resources().stream().filter(r -> !RULE_TYPES.contains(r.type()) && !r.type().startsWith("portcullis:"))
                .forEach(r -> out.put(r.type() + "::" + r.name(), r));
        return out;
    }

    private static String kind(Plan.Resource r) {
        return r.type().substring(r.type().lastIndexOf(':') + 1);
    }

    private static void section(StringBuilder out, boolean markdown, String title, String mark, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        out.append(markdown ? "**" + title + "**\n\n" : title + ":\n");
        lines.forEach(line -> out.append(markdown ? "- " + Markdown.text(line) : "  " + mark + " " + Text.printable(line)).append('\n'));
        out.append(markdown ? "\n" : "");
    }
}
