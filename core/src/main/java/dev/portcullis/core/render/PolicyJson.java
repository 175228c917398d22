package dev.portcullis.core.render;

import dev.portcullis.core.Exclusion;
import dev.portcullis.core.FirewallPolicy;
import dev.portcullis.core.FirewallRule;
import dev.portcullis.core.Peer;
import dev.portcullis.core.PortRange;
import dev.portcullis.core.Requirement;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON form of a compiled policy, for other tools to read. Shape:
 * {@code {distribution, cni, options, ipFamily, groups, rules: [{key, group, direction, protocol,
 * ianaProtocol, ports: {from, to} | null, peer: {kind, value, label?, owner?}, origins, description, purposes,
 * references}], excluded: [{service, source, destination, purpose, reason, reference}], internetAllowed}}.
 * A remote's {@code value} is its address or id, or null while unknown; other peers' {@code value} is
 * their key.
 */
public final class PolicyJson {
    private PolicyJson() {}

    public static String render(FirewallPolicy policy) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("distribution", policy.spec().distribution());
        root.put("cni", policy.spec().cni());
        root.put("options", List.copyOf(policy.spec().options()));
        root.put("ipFamily", policy.spec().ipStack().configName());
        root.put("groups", policy.groups().stream().map(Peer::key).toList());
        root.put("rules", policy.rules().stream().map(PolicyJson::rule).toList());
        root.put("excluded", policy.exclusions().stream().map(PolicyJson::exclusion).toList());
        root.put("internetAllowed", List.copyOf(policy.internetAllowed()));
        return Json.write(root);
    }

    private static Map<String, Object> rule(FirewallRule rule) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("key", rule.key());
        out.put("group", rule.target().key());
        out.put("direction", rule.direction().name().toLowerCase(Locale.ROOT));
        out.put("protocol", rule.protocol().key());
        out.put("ianaProtocol", rule.protocol().ianaNumber());
        out.put("ports", rule.ports().map(PolicyJson::ports).orElse(null));
        out.put("peer", peer(rule.peer()));
        out.put("origins", List.copyOf(rule.origins()));
        out.put("description", rule.description());
        out.put("purposes", List.copyOf(rule.purposes()));
        out.put("references", rule.references().stream().map(URI::toString).toList());
        return out;
    }

    private static Map<String, Object> exclusion(Exclusion exclusion) {
        Requirement requirement = exclusion.requirement();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("service", requirement.service());
        out.put("source", peer(requirement.source()));
        out.put("destination", peer(requirement.destination()));
        out.put("purpose", requirement.purpose());
        out.put("reason", exclusion.reason());
        out.put("reference", requirement.reference().toString());
        return out;
    }

    private static Map<String, Object> ports(PortRange range) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", range.from());
        out.put("to", range.to());
        return out;
    }

    private static Map<String, Object> peer(Peer peer) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", peer.kind());
        if (peer instanceof Peer.Remote remote) {
            out.put("value", remote.binding().value().orElse(null));
            remote.binding().label().ifPresent(l -> out.put("label", l));
            remote.owner().ifPresent(o -> out.put("owner", o));
        } else {
            out.put("value", peer.key());
        }
        return out;
    }
}
