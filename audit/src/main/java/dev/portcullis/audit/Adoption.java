package dev.portcullis.audit;

import com.google.common.collect.ImmutableList;
import dev.portcullis.core.ClusterSpec;
import dev.portcullis.core.Direction;
import dev.portcullis.core.FirewallRule;
import dev.portcullis.core.InternetExposure;
import dev.portcullis.core.NodeAddressing;
import dev.portcullis.core.Peer;
import dev.portcullis.core.PolicyCompiler;
import dev.portcullis.core.Profile;
import dev.portcullis.core.Requirement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How to bring live groups under management: the Portcullis program that creates what the policy
 * needs (named peers bound to the outside sources the live rules admit for them), and the
 * {@code pulumi import} commands that adopt the live groups and rules as they are.
 */
final class Adoption {
    private static final int SOURCES_NAMED = 3;
    /** Marks a source Portcullis cannot bind (a Neutron address group); never a CIDR or an id. */
    private static final String UNBINDABLE = " address-group:";
    /** Characters a POSIX shell gives no meaning to in a word (nor at its start). */
    private static final java.util.regex.Pattern SHELL_SAFE = java.util.regex.Pattern.compile("[A-Za-z0-9_./:=,@%+][A-Za-z0-9_./:=,@%+-]*");

    private Adoption() {}

    static AuditReport.Remediation of(LiveGroups live, List<LiveRules.Listing> listings) {
        return new AuditReport.Remediation(program(live, listings), imports(live, listings));
    }

    private static String program(LiveGroups live, List<LiveRules.Listing> listings) {
        ClusterSpec spec = live.policy.spec();
        GroupAudit.Settings settings = live.settings;
        boolean aws = settings.cloud() == Cloud.AWS;
        String pkg = aws ? "dev.portcullis.aws" : "dev.portcullis.openstack";
        StringBuilder out = new StringBuilder("// The groups this policy needs, from Portcullis (" + pkg + "). Attach them to the nodes,\n"
                + "// then detach and delete the live groups. Named peers are bound to the outside sources\n"
                + "// the live rules admit for them: check each before you deploy.\n");
        out.append("var firewall = new ").append(pkg).append(".ClusterSecurityGroups(").append(literal(settings.clusterName() + "-fw"))
                .append(", ").append(pkg).append(".ClusterSecurityGroupsArgs.builder()\n");
        if (aws) {
            Set<String> vpcs = new TreeSet<>();
            listings.forEach(l -> vpcs.addAll(l.vpcIds()));
            out.append("        .vpcId(").append(literal(vpcs.size() == 1 ? vpcs.iterator().next() : "vpc-REPLACE"))
                    .append(vpcs.size() == 1 ? ")\n" : ") // the live groups' VPC: not in this listing\n");
        }
        out.append("        .clusterName(").append(literal(settings.clusterName())).append(")\n")
                .append("        .distribution(").append(literal(spec.distribution())).append(")\n")
                .append("        .cni(").append(literal(spec.cni())).append(")\n")
                .append("        .options(java.util.List.of(")
                .append(String.join(", ", spec.options().stream().map(Adoption::literal).toList())).append("))\n")
                .append("        .ipFamily(").append(literal(spec.ipStack().configName())).append(")\n");
        if (spec.profile() == Profile.COMPACT) {
            out.append("        .profile(\"compact\")\n");
        }
        if (settings.egress() != dev.portcullis.core.EgressMode.ALLOW_ALL) {
            out.append("        .egress(").append(literal(settings.egress().configName())).append(")\n");
        }
        if (settings.addressing() == NodeAddressing.PUBLIC) {
            out.append("        .nodeAddressing(\"public\")\n");
            spec.blueprint().roles().forEach(r -> out.append("        .publicAddresses(").append(literal(r.name()))
                    .append(", /* the public addresses of the ").append(r.name()).append(" nodes */ \"192.0.2.1\")\n"));
        }
        spec.bindings().forEach((name, bound) -> out.append("        .peer(").append(literal(name))
                .append(String.join("", bound.stream().map(b -> ", " + literal(binding(b))).toList())).append(") // as --peer bound it\n"));
        peers(live).forEach((name, sources) -> {
            out.append("        .peer(").append(literal(name));
            sources.keySet().stream().filter(s -> !s.startsWith(UNBINDABLE)).forEach(s -> out.append(", ").append(literal(s)));
            out.append(")");
            if (sources.isEmpty()) {
                out.append(" // no live rule admits it: bound to nothing, its ports stay closed");
            } else {
                out.append(" // ").append(String.join("; ", sources.entrySet().stream()
                        .map(e -> e.getKey().startsWith(UNBINDABLE)
                                ? "address group " + e.getKey().substring(UNBINDABLE.length()) + " in " + e.getValue()
                                        + ": bind its CIDRs instead"
                                : e.getKey() + " in " + e.getValue()).toList()));
            }
            out.append("\n");
        });
        return out.append("        .build(), null);\n").toString();
    }

    /**
     * Each named peer the policy leaves unbound, with the outside sources that live rules admit on
     * its ports (source → the rules that admit it). The whole internet is proposed only for a peer
     * whose every flow is public by design, as Portcullis itself accepts nothing else.
     */
    private static Map<String, Map<String, String>> peers(LiveGroups live) {
        Map<String, Map<String, String>> peers = new TreeMap<>();
        ClusterSpec spec = live.policy.spec();
        List<Requirement> active = PolicyCompiler.activeRequirements(spec);
        for (FirewallRule rule : live.policy.rules()) {
            if (!(rule.peer() instanceof Peer.ExternalPeer external)) {
                continue;
            }
            Map<String, List<String>> sources = new LinkedHashMap<>();
            boolean publicOnly = active.stream().filter(r -> r.source().equals(external) || r.destination().equals(external))
                    .allMatch(Requirement::publicClients);
            for (dev.portcullis.core.NodeRole target : live.rolesOf(rule.target())) {
                for (LiveRule liveRule : live.on(target, rule.direction())) {
                    boolean clusterGroup = liveRule.peer() instanceof LivePeer.Group g
                            && live.settings.groups().scopes().containsKey(g.id());
                    if (clusterGroup || LiveGroups.admits(liveRule, rule.protocol()).isEmpty()
                            || !LiveGroups.admits(liveRule, rule.protocol()).isConnected(LiveGroups.required(rule))
                            || LiveGroups.admits(liveRule, rule.protocol()).intersection(LiveGroups.required(rule)).isEmpty()) {
                        continue;
                    }
                    String source = source(liveRule, publicOnly).orElse(liveRule.peer() instanceof LivePeer.AddressGroup a
                            ? UNBINDABLE + a.id() : null);
                    if (source != null) {
                        sources.computeIfAbsent(source, k -> new ArrayList<>()).add(liveRule.id());
                    }
                }
            }
            Map<String, String> named = peers.computeIfAbsent(external.name(), n -> new TreeMap<>());
            sources.forEach((source, ids) -> named.merge(source, summary(ids), (a, b) -> a));
        }
        return peers;
    }

    private static java.util.Optional<String> source(LiveRule rule, boolean publicOnly) {
        if (rule.peer() instanceof LivePeer.Network network) {
            boolean wide = InternetExposure.isInternetWide(List.of(network.cidr()));
            return wide && !publicOnly ? java.util.Optional.empty() : java.util.Optional.of(network.cidr().toString());
        }
        if (rule.peer() instanceof LivePeer.PrefixList list) {
            return java.util.Optional.of(list.id());
        }
        if (rule.peer() instanceof LivePeer.Group group) {
            return java.util.Optional.of(group.id());
        }
        return java.util.Optional.empty(); // a Neutron address group: Portcullis binds CIDRs, not address groups
    }

    private static String binding(dev.portcullis.core.Binding binding) {
        String value = binding.value().orElse("(known after apply)");
        return binding.kind() == dev.portcullis.core.Binding.Kind.ADDRESS_GROUP ? "address-group:" + value : value;
    }

    private static String summary(List<String> ids) {
        List<String> distinct = ids.stream().distinct().toList();
        return String.join(", ", distinct.subList(0, Math.min(SOURCES_NAMED, distinct.size())))
                + (distinct.size() > SOURCES_NAMED ? " and " + (distinct.size() - SOURCES_NAMED) + " more" : "");
    }

    private static ImmutableList<String> imports(LiveGroups live, List<LiveRules.Listing> listings) {
        boolean aws = live.settings.cloud() == Cloud.AWS;
        List<String> commands = new ArrayList<>();
        live.settings.groups().scopes().forEach((id, scope) -> commands.add(importCommand(
                aws ? "aws:ec2/securityGroup:SecurityGroup" : "openstack:networking/secGroup:SecGroup", scope.key() + "-" + id, id)));
        for (LiveRule rule : live.rules) {
            if (!rule.cloudId()) {
                continue;
            }
            String type = aws ? rule.direction() == Direction.INGRESS
                    ? "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"
                    : "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"
                    : "openstack:networking/secGroupRule:SecGroupRule";
            String scope = live.settings.groups().scopes().get(rule.groupId()).key();
            commands.add(importCommand(type, scope + "-" + (rule.direction() == Direction.INGRESS ? "in" : "out") + "-" + rule.id(),
                    rule.id()));
        }
        if (live.rules.stream().anyMatch(r -> !r.cloudId())) {
            commands.add("# describe-security-groups lists no rule ids: run aws ec2 describe-security-group-rules --filters "
                    + shellWord("Name=group-id,Values=" + String.join(",", live.settings.groups().scopes().keySet()))
                    + " and audit that to get an import command per rule");
        }
        return ImmutableList.copyOf(commands);
    }

    /**
     * {@code pulumi import TYPE NAME ID}. The ids were checked (the cloud's group id form, or a
     * listing id's alphabet); each word is still quoted if it needs to be, so no id can ever be more
     * than one word of the command.
     */
    private static String importCommand(String type, String name, String id) {
        return "pulumi import " + shellWord(type) + " " + shellWord(resourceName(name)) + " " + shellWord(id);
    }

    /** The text as one POSIX shell word: as it is when every character is inert, else in single quotes. */
    static String shellWord(String text) {
        return SHELL_SAFE.matcher(text).matches() ? text : "'" + text.replace("'", "'\\''") + "'";
    }

    /** Pulumi names: letters, digits, '-', '_' and '.'; anything else becomes '_'. */
    private static String resourceName(String text) {
        return text.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /**
     * A Java string literal in printable ASCII: every other character is a {@code \\uXXXX} escape, so
     * no value can print a terminal control sequence or a bidirectional override into the program.
     */
    static String literal(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
            }
        }
        return out.append('"').toString();
    }
}
