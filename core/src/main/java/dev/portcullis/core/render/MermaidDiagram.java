package dev.portcullis.core.render;

import dev.portcullis.core.Direction;
import dev.portcullis.core.FirewallPolicy;
import dev.portcullis.core.FirewallRule;
import dev.portcullis.core.Peer;
import java.util.ArrayList;
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
        Map<String, Set<String>> edges = new TreeMap<>();
        Map<String, Peer> ends = new TreeMap<>();
        for (FirewallRule rule : policy.rules()) {
            boolean nodeToNode = rule.peer() instanceof Peer.Nodes;
            if (rule.direction() == Direction.EGRESS && nodeToNode) {
                continue; // the same flow is drawn from its ingress rule
            }
            Peer from = rule.direction() == Direction.INGRESS ? rule.peer() : rule.target();
            Peer to = rule.direction() == Direction.INGRESS ? rule.target() : rule.peer();
            ends.put(id(from), from);
            ends.put(id(to), to);
            edges.computeIfAbsent(id(from) + " --> " + id(to), k -> new LinkedHashSet<>()).add(rule.service());
        }
        StringBuilder out = new StringBuilder("flowchart LR\n");
        for (Peer group : policy.groups()) {
            ends.remove(id(group));
            out.append("  ").append(id(group)).append("[\"").append(label(group)).append("\"]\n");
        }
        ends.values().forEach(peer -> out.append("  ").append(id(peer)).append("([\"").append(label(peer)).append("\"])\n"));
        edges.forEach((edge, services) -> {
            List<String> shown = new ArrayList<>(services);
            if (shown.size() > MAX_SERVICES_PER_EDGE) {
                int more = shown.size() - (MAX_SERVICES_PER_EDGE - 1);
                shown = new ArrayList<>(shown.subList(0, MAX_SERVICES_PER_EDGE - 1));
                shown.add("+" + more + " more");
            }
            String[] ends2 = edge.split(" --> ");
            out.append("  ").append(ends2[0]).append(" -->|\"").append(String.join("<br/>", shown)).append("\"| ")
                    .append(ends2[1]).append('\n');
        });
        return out.toString();
    }

    private static String id(Peer peer) {
        return peer.kind().replace('-', '_') + "_" + peer.key().replaceAll("[^A-Za-z0-9]", "_");
    }

    private static String label(Peer peer) {
        return peer.displayName().replace("\"", "#quot;");
    }
}
