package dev.portcullis.core.render;

import dev.portcullis.core.Direction;
import dev.portcullis.core.FirewallPolicy;
import dev.portcullis.core.FirewallRule;
import dev.portcullis.core.Peer;
import dev.portcullis.core.Text;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.TreeSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A Mermaid flowchart of a compiled policy: node groups as boxes, outside peers as rounded boxes,
 * one arrow per (from, to) pair labelled with what it carries. GitHub renders it in Markdown.
 */
public final class MermaidDiagram {
    private static final int MAX_SERVICES_PER_EDGE = 6;

    private MermaidDiagram() {}

    public static String render(FirewallPolicy policy) {
        // Ids are positions in one sorted list of every end, so two ends never share an id.
        List<Peer> ends = new ArrayList<>(policy.groups());
        Map<Peer, Set<String>> outside = new TreeMap<>();
        Map<List<Peer>, Set<String>> edges = new LinkedHashMap<>();
        for (FirewallRule rule : policy.rules()) {
            boolean nodeToNode = rule.peer() instanceof Peer.Nodes;
            if (rule.direction() == Direction.EGRESS && nodeToNode) {
                continue; // the same flow is drawn from its ingress rule
            }
            Peer from = rule.direction() == Direction.INGRESS ? rule.peer() : rule.target();
            Peer to = rule.direction() == Direction.INGRESS ? rule.target() : rule.peer();
            if (!nodeToNode) {
                outside.computeIfAbsent(rule.peer(), p -> new TreeSet<>()).add(rule.peerLabel());
            }
            edges.computeIfAbsent(List.of(from, to), k -> new LinkedHashSet<>()).add(rule.service());
        }
        ends.addAll(outside.keySet());
        Map<Peer, String> ids = new HashMap<>();
        for (int i = 0; i < ends.size(); i++) {
            ids.putIfAbsent(ends.get(i), "p" + i);
        }
        StringBuilder out = new StringBuilder("flowchart LR\n");
        for (Peer group : policy.groups()) {
            out.append("  ").append(ids.get(group)).append("[\"").append(label(group.displayName())).append("\"]\n");
        }
        outside.forEach((peer, labels) -> out.append("  ").append(ids.get(peer)).append("([\"")
                .append(label(String.join("; ", labels))).append("\"])\n"));
        edges.forEach((edge, services) -> {
            List<String> shown = new ArrayList<>(services);
            if (shown.size() > MAX_SERVICES_PER_EDGE) {
                int more = shown.size() - (MAX_SERVICES_PER_EDGE - 1);
                shown = new ArrayList<>(shown.subList(0, MAX_SERVICES_PER_EDGE - 1));
                shown.add("+" + more + " more");
            }
            out.append("  ").append(ids.get(edge.get(0))).append(" -->|\"")
                    .append(shown.stream().map(MermaidDiagram::label).collect(java.util.stream.Collectors.joining("<br/>")))
                    .append("\"| ").append(ids.get(edge.get(1))).append('\n');
        });
        return out.toString();
    }

    /** Mermaid labels in quotes: entity codes for quotes and HTML, no line breaks. */
    static String label(String text) {
        return Text.printable(text).replace("#", "#35;").replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;")
                .replace("&", "#amp;").replace("|", "#124;").replace("`", "#96;");
    }
}
