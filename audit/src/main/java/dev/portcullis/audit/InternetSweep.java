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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds ports the whole internet reaches. Internet-wide is a property of the union of the CIDRs that
 * admit a port ({@link InternetExposure}): two rules from {@code 0.0.0.0/1} and {@code 128.0.0.0/1}
 * expose a port as surely as one from {@code 0.0.0.0/0}. So, per role and protocol, a sweep over the
 * port boundaries of every CIDR rule finds each port segment's sources, and each rule admitting an
 * internet-wide segment is reported: critical where the catalog does not mark the port public.
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
        Map<String, Map<String, Exposure>> out = new HashMap<>();
        for (NodeRole role : live.roles) {
            List<LiveRule> inbound = live.on(role, Direction.INGRESS).stream()
                    .filter(r -> r.peer() instanceof LivePeer.Network).toList();
            for (Protocol protocol : List.of(Protocol.TCP, Protocol.UDP)) {
                sweep(live, role, protocol, inbound.stream().filter(r -> !r.portsFor(protocol).isEmpty()).toList(), out);
            }
        }
        return out;
    }

    private static void sweep(LiveGroups live, NodeRole role, Protocol protocol, List<LiveRule> rules,
            Map<String, Map<String, Exposure>> out) {
        if (rules.isEmpty()) {
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
        RangeSet<Integer> publicPorts = live.publicPorts(role, protocol);
        Map<LiveRule, Boolean> active = new LinkedHashMap<>();
        Map<Cidr, Integer> sources = new HashMap<>();
        boolean wide = false;
        Integer previous = null;
        for (int boundary : boundaries) {
            if (previous != null && wide && !active.isEmpty()) {
                record(role, protocol, Range.closedOpen(previous, boundary), active.keySet(), publicPorts, out);
            }
            boolean changed = false;
            for (LiveRule rule : ends.getOrDefault(boundary, List.of())) {
                active.remove(rule);
                Cidr cidr = ((LivePeer.Network) rule.peer()).cidr();
                changed |= sources.merge(cidr, -1, Integer::sum) == 0;
                sources.remove(cidr, 0);
            }
            for (LiveRule rule : starts.getOrDefault(boundary, List.of())) {
                active.put(rule, true);
                changed |= sources.merge(((LivePeer.Network) rule.peer()).cidr(), 1, Integer::sum) == 1;
            }
            if (changed) {
                wide = !sources.isEmpty() && InternetExposure.isInternetWide(sources.keySet());
            }
            previous = boundary;
        }
    }

    private static void record(NodeRole role, Protocol protocol, Range<Integer> segment, Iterable<LiveRule> active,
            RangeSet<Integer> publicPorts, Map<String, Map<String, Exposure>> out) {
        RangeSet<Integer> open = TreeRangeSet.create();
        open.add(segment);
        RangeSet<Integer> pub = TreeRangeSet.create(publicPorts.subRangeSet(segment));
        open.removeAll(pub);
        List<String> ids = new ArrayList<>();
        active.forEach(r -> ids.add(r.id()));
        for (LiveRule rule : active) {
            Exposure exposure = out.computeIfAbsent(rule.id(), k -> new TreeMap<>())
                    .computeIfAbsent(protocol.key(), k -> new Exposure());
            exposure.privatePorts.addAll(open);
            exposure.publicPorts.addAll(pub);
            exposure.roles.add(role.name());
            ids.stream().filter(id -> !id.equals(rule.id())).forEach(exposure.partners::add);
        }
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
