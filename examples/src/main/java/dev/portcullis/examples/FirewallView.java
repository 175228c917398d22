package dev.portcullis.examples;

import com.google.common.collect.Range;
import com.pulumi.core.internal.Constants;
import dev.portcullis.core.Direction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a plan shows of any program's firewall, read from the resources it registers: every security
 * group (Portcullis's and hand-written ones), its inbound and outbound rules, each peer named as the
 * program named it ({@code admins (10.0.0.0/24)}, {@code ingress-clients alb (known after apply)}).
 * AWS's standalone, legacy and inline rules and Neutron's rules are all read.
 */
record FirewallView(List<Group> groups, List<String> warnings) {
    static final String UNKNOWN = "(known after apply)";

    static final String AWS_GROUP = "aws:ec2/securityGroup:SecurityGroup";
    static final String AWS_INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    static final String AWS_EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
    static final String AWS_LEGACY_RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
    static final String NEUTRON_GROUP = "openstack:networking/secGroup:SecGroup";
    static final String NEUTRON_RULE = "openstack:networking/secGroupRule:SecGroupRule";

    /** A security group; {@code owner} is the Portcullis component that made it, if one did. */
    record Group(String name, Optional<String> owner, String description, List<Rule> inbound, List<Rule> outbound) {}

    /**
     * One rule as a reader checks it.
     *
     * @param peer who it admits, by name and value
     * @param why the purpose from the rule's description, if it has one
     */
    record Rule(String resource, String group, Direction direction, String protocol, String ports, String peer, String why) {
        /** What the rule is about, without its ports: a port joining a range changes the ports only. */
        String subject() {
            return group + " " + direction + " " + protocol + " " + peer;
        }

        String line() {
            return protocol + (ports.equals("-") ? "" : " " + ports) + (direction == Direction.INGRESS ? " from " : " to ") + peer;
        }
    }

    static FirewallView of(Plan plan) {
        Map<String, Plan.Resource> byName = new LinkedHashMap<>();
        plan.resources().forEach(r -> byName.putIfAbsent(r.name(), r));
        Peers peers = Peers.of(plan);
        Map<String, List<Rule>> rulesByGroup = new TreeMap<>();
        for (Plan.Resource resource : plan.resources()) {
            for (Rule rule : rules(resource, byName, peers)) {
                rulesByGroup.computeIfAbsent(rule.group(), g -> new ArrayList<>()).add(rule);
            }
        }
        List<Group> groups = new ArrayList<>();
        for (Plan.Resource resource : plan.resources()) {
            if (resource.type().equals(AWS_GROUP) || resource.type().equals(NEUTRON_GROUP)) {
                List<Rule> rules = rulesByGroup.getOrDefault(resource.name(), List.of());
                groups.add(new Group(resource.name(), peers.ownerOf(resource.name()), text(resource.inputs().get("description")),
                        sorted(rules, Direction.INGRESS), sorted(rules, Direction.EGRESS)));
            }
        }
        return new FirewallView(groups, egressWarnings(groups));
    }

    private static List<Rule> sorted(List<Rule> rules, Direction direction) {
        return rules.stream().filter(r -> r.direction() == direction)
                .sorted(Comparator.comparing(Rule::protocol).thenComparing(Rule::ports).thenComparing(Rule::peer)).toList();
    }

    /** Every rule one resource declares: a standalone rule, or the inline ones of an AWS group. */
    private static List<Rule> rules(Plan.Resource r, Map<String, Plan.Resource> byName, Peers peers) {
        Map<String, Object> in = r.inputs();
        switch (r.type()) {
            case AWS_INGRESS, AWS_EGRESS -> {
                String peer = first(in, "referencedSecurityGroupId").map(id -> peers.group(r.name(), id, byName))
                        .or(() -> first(in, "cidrIpv4", "cidrIpv6", "prefixListId").map(v -> peers.value(r.name(), v)))
                        .orElse(UNKNOWN); // an aws.vpc rule has exactly one source: none recorded means not known yet
                return List.of(new Rule(r.name(), text(in.get("securityGroupId")),
                        r.type().equals(AWS_INGRESS) ? Direction.INGRESS : Direction.EGRESS, awsProtocol(in.get("ipProtocol")),
                        ports(in.get("fromPort"), in.get("toPort"), in.get("ipProtocol")), peer, why(in.get("description"))));
            }
            case AWS_LEGACY_RULE -> {
                return legacy(r.name(), text(in.get("securityGroupId")), "ingress".equals(in.get("type")) ? Direction.INGRESS
                        : Direction.EGRESS, in, byName, peers);
            }
            case AWS_GROUP -> {
                List<Rule> out = new ArrayList<>();
                for (String field : List.of("ingress", "egress")) {
                    if (in.get(field) instanceof List<?> inline) {
                        for (Object each : inline) {
                            if (each instanceof Map<?, ?> map) {
                                @SuppressWarnings("unchecked")
                                Map<String, Object> rule = (Map<String, Object>) map;
                                out.addAll(legacy(r.name() + " (inline " + field + ")", r.name(),
                                        field.equals("ingress") ? Direction.INGRESS : Direction.EGRESS, rule, byName, peers));
                            }
                        }
                    }
                }
                return out;
            }
            case NEUTRON_RULE -> {
                String peer = first(in, "remoteGroupId").map(id -> peers.group(r.name(), id, byName))
                        .or(() -> first(in, "remoteIpPrefix", "remoteAddressGroupId").map(v -> peers.value(r.name(), v)))
                        .orElse("any " + text(in.getOrDefault("ethertype", "")) + " address");
                Object protocol = in.get("protocol");
                return List.of(new Rule(r.name(), text(in.get("securityGroupId")),
                        "egress".equals(in.get("direction")) ? Direction.EGRESS : Direction.INGRESS,
                        protocol == null ? "all traffic" : text(protocol).toUpperCase(java.util.Locale.ROOT),
                        ports(in.get("portRangeMin"), in.get("portRangeMax"), protocol), peer, why(in.get("description"))));
            }
            default -> {
                return List.of();
            }
        }
    }

    /** The legacy {@code ec2.SecurityGroupRule} and inline rules: lists of sources, one line each. */
    private static List<Rule> legacy(String resource, String group, Direction direction, Map<String, Object> in,
            Map<String, Plan.Resource> byName, Peers peers) {
        List<String> sources = new ArrayList<>();
        for (String field : List.of("cidrBlocks", "ipv6CidrBlocks", "prefixListIds")) {
            if (in.get(field) instanceof List<?> list) {
                list.forEach(v -> sources.add(text(v)));
            }
        }
        List<String> groupsReferenced = new ArrayList<>();
        first(in, "sourceSecurityGroupId").ifPresent(groupsReferenced::add);
        if (in.get("securityGroups") instanceof List<?> list) {
            list.forEach(v -> groupsReferenced.add(text(v)));
        }
        if (Boolean.TRUE.equals(in.get("self"))) {
            groupsReferenced.add(group);
        }
        Object protocol = in.getOrDefault("protocol", in.get("ipProtocol"));
        String ports = ports(in.get("fromPort"), in.get("toPort"), protocol);
        List<Rule> out = new ArrayList<>();
        sources.forEach(s -> out.add(new Rule(resource, group, direction, awsProtocol(protocol), ports, peers.value(resource, s),
                why(in.get("description")))));
        groupsReferenced.forEach(g -> out.add(new Rule(resource, group, direction, awsProtocol(protocol), ports,
                peers.group(resource, g, byName), why(in.get("description")))));
        return out;
    }

    /**
     * Restricted egress that forgets what nodes need from outside: DNS, NTP, and the registries their
     * images come from. Judged per set of groups one component made, or per hand-written group.
     */
    private static List<String> egressWarnings(List<Group> groups) {
        Map<String, List<Group>> byOwner = new TreeMap<>();
        groups.forEach(g -> byOwner.computeIfAbsent(g.owner().orElse(g.name()), o -> new ArrayList<>()).add(g));
        List<String> warnings = new ArrayList<>();
        byOwner.forEach((owner, set) -> {
            List<Rule> out = set.stream().flatMap(g -> g.outbound().stream()).toList();
            boolean restricted = !out.isEmpty() && out.stream().noneMatch(r -> r.protocol().equals("all traffic")
                    && (r.peer().startsWith("0.0.0.0/0") || r.peer().startsWith("::/0") || r.peer().startsWith("any ")));
            if (!restricted) {
                return;
            }
            List<String> missing = new ArrayList<>();
            if (!allows(out, "UDP", 53) && !allows(out, "TCP", 53)) {
                missing.add("DNS (UDP and TCP 53)");
            }
            if (!allows(out, "UDP", 123)) {
                missing.add("NTP (UDP 123)");
            }
            if (!allows(out, "TCP", 443)) {
                missing.add("registries (TCP 443)");
            }
            if (!missing.isEmpty()) {
                warnings.add(owner + ": restricted egress leaves out " + String.join(", ", missing)
                        + ": nodes cannot resolve names, keep time or pull images; add extraRules to your resolver, time servers"
                        + " and registries (or their prefix lists)");
            }
        });
        return warnings;
    }

    private static boolean allows(List<Rule> rules, String protocol, int port) {
        return rules.stream().anyMatch(r -> r.protocol().equals("all traffic")
                || (r.protocol().equals(protocol) && covers(r.ports(), port)));
    }

    private static boolean covers(String ports, int port) {
        return portRange(ports).map(range -> range.contains(port)).orElse(false);
    }

    private static final Pattern PORTS = Pattern.compile("(\\d{1,5})(?:-(\\d{1,5}))?");

    /**
     * The ports a rule's text ({@code 443}, {@code 2379-2381}) stands for; empty for no ports ({@code -}),
     * unknown ones, or text a saved plan should not hold.
     */
    static Optional<Range<Integer>> portRange(String ports) {
        Matcher m = PORTS.matcher(ports);
        if (!m.matches()) {
            return Optional.empty();
        }
        int from = Integer.parseInt(m.group(1));
        int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
        return from <= to ? Optional.of(Range.closed(from, to)) : Optional.empty();
    }

    private static String awsProtocol(Object protocol) {
        String p = text(protocol);
        return switch (p.toLowerCase(java.util.Locale.ROOT)) {
            case "-1", "all" -> "all traffic";
            case "tcp", "6" -> "TCP";
            case "udp", "17" -> "UDP";
            case "icmp", "1" -> "ICMP";
            case "icmpv6", "58", "ipv6-icmp" -> "ICMPv6";
            default -> p.equals(UNKNOWN) ? UNKNOWN : "IP " + p;
        };
    }

    private static String ports(Object from, Object to, Object protocol) {
        String p = text(protocol).toLowerCase(java.util.Locale.ROOT);
        if (from == null || p.equals("-1") || p.equals("all")) {
            return "-";
        }
        String a = number(from);
        String b = number(to == null ? from : to);
        if (p.startsWith("icmp") || p.equals("ipv6-icmp")) {
            return a.equals("-1") ? "-" : "type " + a + (b.equals("-1") ? "" : " code " + b);
        }
        return a.equals(b) ? a : a + "-" + b;
    }

    private static String number(Object value) {
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return Long.toString(n.longValue());
        }
        return text(value);
    }

    /** The purposes after "TCP 6443 from …: " in a Portcullis description; a hand-written one as it is. */
    private static String why(Object description) {
        String text = text(description);
        int colon = text.indexOf(": ");
        return colon >= 0 && text.matches("^[A-Za-z0-9 /()-]+ (from|to) .*") ? text.substring(colon + 2) : text;
    }

    private static Optional<String> first(Map<String, Object> inputs, String... fields) {
        for (String field : fields) {
            Object value = inputs.get(field);
            if (value != null && !text(value).isEmpty()) {
                return Optional.of(text(value));
            }
        }
        return Optional.empty();
    }

    /** A value as text, with the engine's "unknown" sentinel spelled as a preview spells it. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                ? Long.toString(n.longValue()) : String.valueOf(value);
        return text.equals(Constants.UnknownValue) ? UNKNOWN : dev.portcullis.core.Text.printable(text);
    }

    /** Who each value stands for, from the Portcullis components' inputs; and which component made which group. */
    private record Peers(Map<String, Map<String, List<String>>> literalNames, Map<String, String> labelled,
            Map<String, String> owners) {

        static Peers of(Plan plan) {
            Map<String, Map<String, List<String>>> literal = new TreeMap<>();
            Map<String, String> labelled = new TreeMap<>();
            Map<String, String> owners = new TreeMap<>();
            for (Plan.Resource r : plan.resources()) {
                if (!r.type().startsWith("portcullis:") || !(r.inputs().get("cluster") instanceof Map<?, ?> cluster)) {
                    continue;
                }
                owners.put(r.name(), r.name());
                if (!(cluster.get("peers") instanceof Map<?, ?> peers)) {
                    continue;
                }
                Map<String, List<String>> byValue = literal.computeIfAbsent(r.name(), n -> new TreeMap<>());
                peers.forEach((peer, bindings) -> {
                    if (bindings instanceof List<?> list) {
                        for (Object b : list) {
                            if (b instanceof Map<?, ?> binding) {
                                String value = text(binding.get("value"));
                                Object label = binding.get("label");
                                if (label == null) {
                                    byValue.computeIfAbsent(value, v -> new ArrayList<>()).add(String.valueOf(peer));
                                } else {
                                    labelled.put(r.name() + "/" + peer + "." + label, peer + " " + label + " (" + value + ")");
                                }
                            }
                        }
                    }
                });
            }
            return new Peers(literal, labelled, owners);
        }

        /** The component whose name prefixes this resource's, if any. */
        Optional<String> ownerOf(String resource) {
            return owners.keySet().stream().filter(o -> resource.startsWith(o + "-")).max(Comparator.comparingInt(String::length));
        }

        /** The labelled binding a component's rule names in its key ({@code …-admins.office}), as {@code admins office (value)}. */
        private Optional<String> byLabel(String resource) {
            Optional<String> owner = ownerOf(resource);
            if (owner.isEmpty()) {
                return Optional.empty();
            }
            String key = resource.substring(owner.get().length() + 1);
            return labelled.entrySet().stream().filter(e -> {
                String peerKey = "-" + e.getKey().substring(owner.get().length() + 1);
                return e.getKey().startsWith(owner.get() + "/") && (key.endsWith(peerKey) || key.contains(peerKey + "-"));
            }).map(Map.Entry::getValue).findFirst();
        }

        /** A bound value by the peer that binds it: {@code admins (10.0.0.0/24)}; a user's literal as itself. */
        String value(String resource, String value) {
            String shown = text(value);
            Optional<String> labelledPeer = byLabel(resource);
            if (labelledPeer.isPresent()) {
                return labelledPeer.get();
            }
            Optional<String> owner = ownerOf(resource);
            if (owner.isPresent()) {
                List<String> names = literalNames.getOrDefault(owner.get(), Map.of()).get(shown);
                if (names != null && !names.isEmpty()) {
                    return String.join(", ", names) + " (" + shown + ")";
                }
            }
            return shown;
        }

        /** A referenced group: a bound one by its peer, a Portcullis group by the nodes it holds, another by name or id. */
        String group(String resource, String id, Map<String, Plan.Resource> byName) {
            String shown = text(id);
            Optional<String> labelledPeer = byLabel(resource);
            if (labelledPeer.isPresent()) {
                return labelledPeer.get();
            }
            if (byName.get(shown) == null) {
                return value(resource, shown).equals(shown) ? "group " + shown : value(resource, shown);
            }
            Optional<String> owner = ownerOf(shown);
            if (owner.isPresent()) {
                String key = shown.substring(owner.get().length() + 1);
                return key.equals("all-nodes") ? "all nodes" : key + " nodes";
            }
            return value(resource, shown).equals(shown) ? "group " + shown : value(resource, shown);
        }
    }

    FirewallView {
        Objects.requireNonNull(groups, "groups");
        Objects.requireNonNull(warnings, "warnings");
    }
}
