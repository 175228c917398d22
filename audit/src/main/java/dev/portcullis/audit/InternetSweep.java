package dev.portcullis.audit;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.Range;
import com.google.common.collect.RangeSet;
import com.google.common.collect.TreeRangeSet;
import dev.portcullis.core.Cidr;
import dev.portcullis.core.Direction;
import dev.portcullis.core.FirewallRule;
import dev.portcullis.core.InternetExposure;
import dev.portcullis.core.NodeRole;
import dev.portcullis.core.Protocol;
import dev.portcullis.core.Requirement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Finds ports the whole internet reaches. Internet-wide is a property of the union of the CIDRs that
 * admit a port ({@link InternetExposure}): two rules from {@code 0.0.0.0/1} and {@code 128.0.0.0/1}
 * expose a port as surely as one from {@code 0.0.0.0/0}. So, per role and protocol, a rule whose
 * source is internet-wide alone exposes its ports, and a sweep over the others finds the ports where
 * their sources are together; each rule is reported: critical where the catalog does not mark the
 * port public.
 */
final class InternetSweep {
    /** Per live rule: the private and public ports it opens to the internet, and on which roles. */
    static final class Exposure {
        final RangeSet<Integer> privatePorts = TreeRangeSet.create();
        final RangeSet<Integer> publicPorts = TreeRangeSet.create();
        final TreeSet<String> roles = new TreeSet<>();
        final TreeSet<String> partners = new TreeSet<>();
    }

    private InternetSweep() {}

    /** Live rule id → protocol key → what it exposes. */
    static Map<String, Map<String, Exposure>> sweep(LiveGroups live) {
        return sweep(live, InternetExposure::isInternetWide);
    }

    /** With the definition of internet-wide given, so the union logic can be tested on its own. */
    static Map<String, Map<String, Exposure>> sweep(LiveGroups live, Predicate<Collection<Cidr>> internetWide) {
        Map<String, Map<String, Exposure>> out = new HashMap<>();
        for (NodeRole role : live.roles) {
            List<LiveRule> inbound = live.on(role, Direction.INGRESS).stream()
                    .filter(r -> r.peer() instanceof LivePeer.Network).toList();
            for (Protocol protocol : List.of(Protocol.TCP, Protocol.UDP)) {
                RangeSet<Integer> publicPorts = live.publicPorts(role, protocol);
                List<LiveRule> narrow = new ArrayList<>();
                for (LiveRule rule : inbound) {
                    Range<Integer> ports = rule.portsFor(protocol);
                    if (ports.isEmpty()) {
                        continue;
                    }
                    if (internetWide.test(List.of(cidr(rule)))) {
                        record(role, protocol, ports, rule, List.of(), publicPorts, out); // wide on its own
                    } else {
                        narrow.add(rule);
                    }
                }
                unions(role, protocol, narrow, publicPorts, internetWide, out);
            }
        }
        return out;
    }

    /**
     * Ports where CIDRs that are not internet-wide alone are together: a sweep over the rules' port
     * boundaries keeps each segment's distinct sources, asks {@link InternetExposure} only when they
     * change, and where they are wide reports the rules whose source the union cannot do without.
     */
    private static void unions(NodeRole role, Protocol protocol, List<LiveRule> rules, RangeSet<Integer> publicPorts,
            Predicate<Collection<Cidr>> internetWide, Map<String, Map<String, Exposure>> out) {
        if (rules.size() < 2) {
            return;
        }
        TreeMap<Integer, List<LiveRule>> starts = new TreeMap<>();
        TreeMap<Integer, List<LiveRule>> ends = new TreeMap<>();
        for (LiveRule rule : rules) {
            Range<Integer> ports = rule.portsFor(protocol);
            starts.computeIfAbsent(ports.lowerEndpoint(), p -> new ArrayList<>()).add(rule);
            ends.computeIfAbsent(ports.upperEndpoint(), p -> new ArrayList<>()).add(rule);
        }
        TreeSet<Integer> boundaries = new TreeSet<>(starts.keySet());
        boundaries.addAll(ends.keySet());
        Set<LiveRule> active = new LinkedHashSet<>();
        Map<Cidr, Integer> sources = new HashMap<>();
        boolean wide = false;
        Integer previous = null;
        for (int boundary : boundaries) {
            if (previous != null && wide) {
                Range<Integer> segment = Range.closedOpen(previous, boundary);
                Set<Cidr> needed = new HashSet<>();
                for (Cidr cidr : sources.keySet()) {
                    Set<Cidr> without = new HashSet<>(sources.keySet());
                    without.remove(cidr);
                    if (!internetWide.test(without)) {
                        needed.add(cidr);
                    }
                }
                List<LiveRule> contributors = active.stream().filter(r -> needed.contains(cidr(r))).toList();
                for (LiveRule rule : contributors) {
                    record(role, protocol, segment, rule, contributors, publicPorts, out);
                }
            }
            boolean changed = false;
            for (LiveRule rule : ends.getOrDefault(boundary, List.of())) {
                active.remove(rule);
                changed |= sources.merge(cidr(rule), -1, Integer::sum) == 0;
                sources.remove(cidr(rule), 0);
            }
            for (LiveRule rule : starts.getOrDefault(boundary, List.of())) {
                active.add(rule);
                changed |= sources.merge(cidr(rule), 1, Integer::sum) == 1;
            }
            if (changed) {
                wide = sources.size() > 1 && internetWide.test(sources.keySet());
            }
            previous = boundary;
        }
    }

    private static Cidr cidr(LiveRule rule) {
        return ((LivePeer.Network) rule.peer()).cidr();
    }

    private static void record(NodeRole role, Protocol protocol, Range<Integer> ports, LiveRule rule, List<LiveRule> together,
            RangeSet<Integer> publicPorts, Map<String, Map<String, Exposure>> out) {
        RangeSet<Integer> open = TreeRangeSet.create();
        open.add(ports);
        RangeSet<Integer> pub = TreeRangeSet.create(publicPorts.subRangeSet(ports));
        open.removeAll(pub);
        Exposure exposure = out.computeIfAbsent(rule.id(), k -> new TreeMap<>()).computeIfAbsent(protocol.key(), k -> new Exposure());
        exposure.privatePorts.addAll(open);
        exposure.publicPorts.addAll(pub);
        exposure.roles.add(role.name());
        together.stream().filter(r -> r != rule).forEach(r -> exposure.partners.add(r.id()));
    }

    /** The findings: one per live rule that opens a private port, one per rule that opens a public one. */
    static List<Finding> findings(LiveGroups live, Map<String, Map<String, Exposure>> exposures) {
        List<Finding> findings = new ArrayList<>();
        for (LiveRule rule : live.rules) {
            Map<String, Exposure> byProtocol = exposures.get(rule.id());
            if (byProtocol == null) {
                continue;
            }
            List<String> privateParts = new ArrayList<>();
            List<String> publicParts = new ArrayList<>();
            List<FirewallRule> behind = new ArrayList<>();
            List<Requirement> publicBehind = new ArrayList<>();
            TreeSet<String> roles = new TreeSet<>();
            TreeSet<String> partners = new TreeSet<>();
            byProtocol.forEach((key, exposure) -> {
                Protocol protocol = key.equals("tcp") ? Protocol.TCP : Protocol.UDP;
                roles.addAll(exposure.roles);
                partners.addAll(exposure.partners);
                if (!exposure.privatePorts.isEmpty()) {
                    privateParts.add(protocol.displayName() + " " + ports(exposure.privatePorts));
                    for (String roleName : exposure.roles) {
                        live.policyOn(NodeRole.of(roleName), Direction.INGRESS).stream()
                                .filter(p -> p.protocol().equals(protocol) && overlaps(exposure.privatePorts, LiveGroups.required(p)))
                                .filter(p -> !behind.contains(p)).forEach(behind::add);
                    }
                }
                if (!exposure.publicPorts.isEmpty()) {
                    publicParts.add(protocol.displayName() + " " + ports(exposure.publicPorts));
                    exposure.roles.forEach(r -> live.publicRequirements(NodeRole.of(r), protocol).stream()
                            .filter(q -> !publicBehind.contains(q)).forEach(publicBehind::add));
                }
            });
            String together = partners.isEmpty() ? "" : " (together with " + String.join(", ", partners) + ")";
            String target = String.join(", ", roles) + " nodes";
            if (!privateParts.isEmpty()) {
                behind.sort(Comparator.naturalOrder());
                Citation citation = behind.isEmpty()
                        ? new Citation("(none)", "no policy entry opens " + String.join(", ", privateParts) + " on " + target
                                + " to anyone outside the cluster by design", ImmutableList.of(live.policy.spec().blueprint().reference()))
                        : Citation.of(behind);
                findings.add(new Finding(Check.INTERNET_EXPOSED.id() + ":" + rule.id(), Check.INTERNET_EXPOSED, Severity.CRITICAL,
                        rule.protocol().key(), portsField(rule, privateParts), rule.summary(),
                        rule.summary() + together + " opens " + String.join(", ", privateParts)
                                + (rule.protocol().equals(Protocol.ALL) ? " and every other protocol" : "") + " on " + target
                                + " to the whole internet; the catalog does not mark "
                                + (behind.isEmpty() ? "these ports" : "them (" + purposes(behind) + ")") + " public",
                        citation, "remove it, or narrow its source to the networks that need these ports (bind the policy's "
                                + "named peers to them)", ImmutableList.of(rule.location())));
            }
            if (!publicParts.isEmpty()) {
                Citation citation = publicBehind.isEmpty() ? new Citation("(none)", "public by design", ImmutableList.of())
                        : new Citation("requirement: " + publicBehind.get(0).service() + " " + publicBehind.get(0).purpose(),
                                String.join("; ", publicBehind.stream().map(q -> q.service() + " " + q.purpose()
                                        + " (public clients)").distinct().toList()),
                                publicBehind.stream().map(Requirement::reference).collect(ImmutableList.toImmutableList()));
                findings.add(new Finding(Check.PUBLIC_BY_DESIGN.id() + ":" + rule.id(), Check.PUBLIC_BY_DESIGN, Severity.INFO,
                        rule.protocol().key(), portsField(rule, publicParts), rule.summary(),
                        rule.summary() + together + " opens " + String.join(", ", publicParts) + " on " + target
                                + " to the whole internet, which the catalog marks public by design",
                        citation, "none, if those services are meant for the internet", ImmutableList.of(rule.location())));
            }
        }
        return findings;
    }

    /** {@code 10250} for a TCP or UDP rule; {@code TCP 1-6442, UDP 1-65535} for an all-traffic one. */
    private static String portsField(LiveRule rule, List<String> parts) {
        if (rule.protocol().usesPorts()) {
            return String.join(",", parts.stream().map(p -> p.substring(p.indexOf(' ') + 1)).toList());
        }
        return String.join(", ", parts);
    }

    private static String purposes(List<FirewallRule> rules) {
        return String.join("; ", rules.stream().flatMap(r -> r.purposes().stream()).distinct().toList());
    }

    static boolean overlaps(RangeSet<Integer> set, Range<Integer> range) {
        return !set.subRangeSet(range).isEmpty();
    }

    static String ports(RangeSet<Integer> ports) {
        return String.join(",", ports.asRanges().stream().map(MissingFlows::range).toList());
    }
}
