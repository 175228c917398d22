package dev.portcullis.audit;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.Range;
import com.google.common.collect.RangeSet;
import com.google.common.collect.TreeRangeSet;
import dev.portcullis.core.Direction;
import dev.portcullis.core.EgressMode;
import dev.portcullis.core.FirewallRule;
import dev.portcullis.core.NodeRole;
import dev.portcullis.core.Peer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Flows the policy requires that the live groups do not admit. A policy rule is held against the
 * rules of every group a node of its target role carries, for each peer role separately, since
 * "from all nodes" is met only if every role can connect.
 */
final class MissingFlows {
    private MissingFlows() {}

    static List<Finding> check(LiveGroups live, Set<NodeRole> unchecked) {
        List<Finding> findings = new ArrayList<>();
        for (FirewallRule rule : live.policy.rules()) {
            Map<String, RangeSet<Integer>> missing = new LinkedHashMap<>();
            for (NodeRole target : live.rolesOf(rule.target())) {
                if (!live.checked(target)) {
                    unchecked.add(target);
                    continue;
                }
                List<LiveRule> candidates = live.on(target, rule.direction()).stream()
                        .filter(l -> !LiveGroups.admits(l, rule.protocol()).isEmpty()).toList();
                if (rule.peer() instanceof Peer.Nodes nodes) {
                    for (NodeRole source : live.rolesOf(nodes)) {
                        gap(rule, candidates.stream().filter(l -> live.coversNode(l, source)).toList())
                                .ifPresent(g -> missing.put(pair(rule, target, source + " nodes"), g));
                    }
                } else {
                    gap(rule, candidates.stream().filter(l -> live.coversOutside(l, rule.peer())).toList())
                            .ifPresent(g -> missing.put(pair(rule, target, rule.peer().displayName()), g));
                }
            }
            if (!missing.isEmpty()) {
                findings.add(finding(live, rule, missing));
            }
        }
        return findings;
    }

    private static java.util.Optional<RangeSet<Integer>> gap(FirewallRule rule, List<LiveRule> admitting) {
        RangeSet<Integer> gap = TreeRangeSet.create();
        gap.add(LiveGroups.required(rule));
        for (LiveRule live : admitting) {
            gap.remove(LiveGroups.admits(live, rule.protocol()));
        }
        return gap.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(gap);
    }

    private static String pair(FirewallRule rule, NodeRole target, String peer) {
        return rule.direction() == Direction.INGRESS ? target + " nodes from " + peer : target + " nodes to " + peer;
    }

    private static Finding finding(LiveGroups live, FirewallRule rule, Map<String, RangeSet<Integer>> missing) {
        boolean nodes = rule.peer() instanceof Peer.Nodes;
        boolean unbound = rule.peer() instanceof Peer.ExternalPeer;
        Check check = unbound ? Check.CLOSED_TO_OUTSIDE : Check.MISSING_FLOW;
        Severity severity = unbound ? Severity.INFO : nodes ? Severity.HIGH : Severity.MEDIUM;
        RangeSet<Integer> union = TreeRangeSet.create();
        missing.values().forEach(union::addAll);
        String gap = describe(union, rule);
        String where = rule.direction() == Direction.INGRESS ? "inbound rule on " : "outbound rule on ";
        String peer = rule.peer() instanceof Peer.Nodes n ? "group " + live.groupsFor(n) : rule.peer().displayName();
        String message = unbound
                ? "no live rule admits " + rule.service() + " " + (rule.direction() == Direction.INGRESS ? "from" : "to")
                        + " anyone outside the cluster (" + String.join("; ", rule.purposes()) + "), which the policy opens to "
                        + rule.peer().displayName() + ": closed, which is fine if nobody outside needs it"
                : "the live groups do not admit all of " + rule.summary() + " (" + String.join("; ", rule.purposes()) + "): "
                        + gap + " is missing for " + String.join(", ", missing.keySet());
        String fix = unbound
                ? "none if nobody outside needs it; else add an " + where + live.groupsFor(rule.target()) + ": " + rule.service()
                        + " " + (rule.direction() == Direction.INGRESS ? "from" : "to") + " the networks of " + rule.peer().displayName()
                : "add an " + where + live.groupsFor(rule.target()) + ": " + gap
                        + (rule.direction() == Direction.INGRESS ? " from " : " to ") + peer + " (policy rule " + rule.key() + ")"
                        + (live.settings.egress() == EgressMode.ALLOW_ALL && rule.direction() == Direction.EGRESS
                                ? ", or allow all egress" : "");
        return new Finding(check.id() + ":" + rule.key(), check, severity, rule.protocol().key(),
                rule.ports().map(Object::toString).orElse(""), "policy rule " + rule.key(), message, Citation.of(rule), fix,
                live.anyInputName().map(n -> ImmutableList.of(new Location(n, 0))).orElse(ImmutableList.of()));
    }

    /** {@code TCP 2380}, {@code TCP 2379-2380}, or the protocol alone. */
    static String describe(RangeSet<Integer> ports, FirewallRule rule) {
        if (!rule.protocol().usesPorts()) {
            return rule.protocol().displayName();
        }
        return rule.protocol().displayName() + " " + ports.asRanges().stream().map(MissingFlows::range)
                .collect(Collectors.joining(","));
    }

    static String range(Range<Integer> range) {
        int from = range.lowerEndpoint();
        int to = range.upperEndpoint() - 1;
        return from == to ? Integer.toString(from) : from + "-" + to;
    }
}
