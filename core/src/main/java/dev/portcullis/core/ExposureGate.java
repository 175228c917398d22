package dev.portcullis.core;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.Range;
import com.google.common.collect.RangeSet;
import com.google.common.collect.TreeRangeSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The one check every compiled policy passes: no node admits, on a port that is not public by design,
 * a set of sources that is {@linkplain InternetExposure internet-wide}, unless every origin of those
 * sources is a named peer the user allowed to be the internet.
 *
 * <p>It judges what a node actually admits: for each role, the inbound rules of every group a node of
 * that role carries (its role's and the all-nodes group), port by port, the union of their sources, so
 * that halves, many small blocks, or one source per rule cannot add up unseen. All-traffic rules count
 * for every port. Which ports are public by design is catalog data: the requirements marked
 * {@link Requirement#publicClients()} (Ingress, NodePorts…), each with its citation. Outbound rules
 * are not judged: groups are stateful, so an outbound rule lets no connection in.
 */
final class ExposureGate {
    /** TCP and UDP port space (a port range starts at 1), and the single "port" of protocols without ports. */
    private static final Range<Integer> ALL_PORTS = Range.closed(1, 65535);
    private static final Range<Integer> NO_PORTS = Range.closedOpen(0, 1);

    private ExposureGate() {}

    /**
     * Refuses what nobody allowed, and returns what the user allowed: each internet-wide exposure of a
     * port that is not public by design, which plans then show as a warning.
     *
     * @throws IllegalArgumentException naming the role, the service, the sources and the ways out
     */
    static ImmutableList<String> check(FirewallPolicy policy) {
        ClusterSpec spec = policy.spec();
        ImmutableList.Builder<String> allowed = ImmutableList.builder();
        for (NodeRole role : spec.blueprint().roles()) {
            List<Peer.Nodes> groups = List.of(Peer.allNodes(), Peer.role(role));
            List<FirewallRule> inbound = policy.rules().stream()
                    .filter(r -> r.direction() == Direction.INGRESS && groups.contains(r.target()))
                    .filter(r -> r.peer() instanceof Peer.Remote remote && remote.cidr().isPresent())
                    .toList();
            List<FirewallRule> unconsented = inbound.stream().filter(r -> !consented(r, spec)).toList();
            List<FirewallRule> consented = inbound.stream().filter(r -> consented(r, spec)).toList();
            judge(spec, role, unconsented, (service, admitting, sources) -> {
                throw refusal(role, service, admitting, sources, spec);
            });
            judge(spec, role, consented, (service, admitting, sources) -> allowed.add(role + " nodes admit " + service
                    + " from " + sources.stream().distinct().sorted().map(Cidr::toString).collect(Collectors.joining(", "))
                    + " (allowInternet " + admitting.stream().flatMap(r -> r.origins().stream()).distinct().sorted()
                            .collect(Collectors.joining(", ")) + ")"));
        }
        return ImmutableList.copyOf(allowed.build().stream().distinct().toList());
    }

    /** What to do with an internet-wide, not-public-by-design service. */
    private interface Verdict {
        void on(String service, List<FirewallRule> admitting, List<Cidr> sources);
    }

    private static void judge(ClusterSpec spec, NodeRole role, List<FirewallRule> inbound, Verdict verdict) {
        if (inbound.isEmpty()) {
            return;
        }
        Map<Protocol, RangeSet<Integer>> publicPorts = publicByDesign(spec, role);
        TreeSet<Protocol> protocols = new TreeSet<>();
        inbound.forEach(r -> protocols.add(r.protocol()));
        if (protocols.contains(Protocol.ALL)) {
            protocols.add(Protocol.TCP);
            protocols.add(Protocol.UDP);
        }
        for (Protocol protocol : protocols) {
            List<FirewallRule> relevant = inbound.stream()
                    .filter(r -> r.protocol().equals(protocol) || r.protocol().equals(Protocol.ALL)).toList();
            for (Range<Integer> segment : segments(relevant, protocol)) {
                List<FirewallRule> admitting = relevant.stream()
                        .filter(r -> ports(r, protocol).encloses(segment)).toList();
                List<Cidr> sources = admitting.stream().map(r -> ((Peer.Remote) r.peer()).cidr().orElseThrow()).toList();
                if (admitting.isEmpty() || !InternetExposure.isInternetWide(sources)) {
                    continue;
                }
                boolean byDesign = !protocol.equals(Protocol.ALL)
                        && publicPorts.getOrDefault(protocol, TreeRangeSet.create()).encloses(segment);
                if (!byDesign) {
                    verdict.on(protocol.displayName() + (protocol.usesPorts() ? " " + PortRange.fromRange(segment) : ""),
                            admitting, sources);
                }
            }
        }
    }

    /** A rule is exempt only if every input it came from is a named peer the user allowed to be the internet. */
    private static boolean consented(FirewallRule rule, ClusterSpec spec) {
        return !rule.origins().isEmpty() && spec.internetAllowed().containsAll(rule.origins());
    }

    /** Ports of the active public-by-design requirements that reach this role's nodes, per protocol. */
    private static Map<Protocol, RangeSet<Integer>> publicByDesign(ClusterSpec spec, NodeRole role) {
        Map<Protocol, RangeSet<Integer>> out = new TreeMap<>();
        for (Requirement requirement : PolicyCompiler.activeRequirements(spec)) {
            if (requirement.publicClients() && !requirement.isLocal() && reaches(requirement.destination(), role)) {
                out.computeIfAbsent(requirement.protocol(), p -> TreeRangeSet.create())
                        .add(requirement.ports().map(PortRange::toRange).orElse(NO_PORTS));
            }
        }
        return out;
    }

    private static boolean reaches(Peer destination, NodeRole role) {
        return destination instanceof Peer.AllNodes
                || (destination instanceof Peer.RolePeer r && r.role().equals(role));
    }

    private static RangeSet<Integer> ports(FirewallRule rule, Protocol protocol) {
        RangeSet<Integer> out = TreeRangeSet.create();
        if (rule.protocol().equals(Protocol.ALL)) {
            out.add(protocol.usesPorts() ? ALL_PORTS : NO_PORTS);
        } else {
            out.add(rule.ports().map(PortRange::toRange).orElse(NO_PORTS));
        }
        return out;
    }

    /** The port ranges over which the set of admitting rules does not change. */
    private static List<Range<Integer>> segments(List<FirewallRule> rules, Protocol protocol) {
        TreeSet<Integer> cuts = new TreeSet<>();
        for (FirewallRule rule : rules) {
            for (Range<Integer> range : ports(rule, protocol).asRanges()) {
                cuts.add(range.lowerEndpoint());
                cuts.add(range.upperBoundType() == com.google.common.collect.BoundType.CLOSED
                        ? range.upperEndpoint() + 1 : range.upperEndpoint());
            }
        }
        List<Range<Integer>> out = new ArrayList<>();
        Integer previous = null;
        for (Integer cut : cuts) {
            if (previous != null) {
                out.add(Range.closedOpen(previous, cut));
            }
            previous = cut;
        }
        return out;
    }

    private static IllegalArgumentException refusal(NodeRole role, String service, List<FirewallRule> admitting,
            List<Cidr> sources, ClusterSpec spec) {
        Set<String> purposes = new LinkedHashSet<>();
        admitting.forEach(r -> purposes.addAll(r.purposes()));
        Set<String> origins = new TreeSet<>();
        admitting.forEach(r -> origins.addAll(r.origins()));
        List<String> namedPeers = origins.stream()
                .filter(o -> !o.startsWith(PolicyCompiler.PUBLIC_ADDRESSES) && !o.equals(PolicyCompiler.LITERAL)).toList();
        String share = ImmutableList.of(IpFamily.IPV4, IpFamily.IPV6).stream()
                .filter(f -> sources.stream().anyMatch(c -> c.family() == f))
                .map(f -> String.format(java.util.Locale.ROOT, "%.1f%% of the routable %s internet",
                        InternetExposure.percentOfRoutable(sources, f), f.label()))
                .collect(Collectors.joining(" and "));
        StringBuilder wayOut = new StringBuilder("bind ");
        wayOut.append(namedPeers.isEmpty() ? "the sources" : String.join(", ", namedPeers))
                .append(" to the networks that need it");
        if (origins.stream().anyMatch(o -> o.startsWith(PolicyCompiler.PUBLIC_ADDRESSES))) {
            wayOut.append("; publicAddresses must be the nodes' own addresses (/32, /128)");
        }
        if (origins.contains(PolicyCompiler.LITERAL)) {
            wayOut.append("; a rule of your own reaches the internet only through a named peer given to allowInternet");
        }
        if (!namedPeers.isEmpty()) {
            wayOut.append(", or allow ").append(namedPeers.stream().map(n -> "'" + n + "'")
                    .collect(Collectors.joining(", "))).append(" to be the internet (allowInternet) to accept that exposure");
        }
        return new IllegalArgumentException("internet exposure refused: " + role + " nodes would admit " + service + " ("
                + String.join("; ", purposes) + ") from " + sources.stream().distinct().sorted().map(Cidr::toString)
                        .collect(Collectors.joining(", "))
                + " (" + String.join(", ", origins) + "), " + share + ", and " + service
                + " is not public by design in " + spec.distribution() + ": " + wayOut);
    }

}
