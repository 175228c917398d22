package dev.portcullis.audit;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.portcullis.core.Cidr;
import dev.portcullis.core.EgressMode;
import dev.portcullis.core.FirewallPolicy;
import dev.portcullis.core.NodeAddressing;
import dev.portcullis.core.NodeRole;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Holds a cloud's live security groups against the compiled policy: flows the cluster needs that no
 * rule admits, rules beyond the policy (the whole internet on a private port is critical), CIDRs
 * where a group reference would do, references that public addressing defeats; and ends with how
 * to bring the groups under management.
 */
public final class GroupAudit {
    private GroupAudit() {}

    /**
     * @param groups which live group stands for which of the policy's groups
     * @param addressing how nodes reach each other; with public addresses, references match nothing
     * @param nodeCidrs networks holding the nodes' addresses; empty: private-use space is taken for them
     * @param egress allow-all (the default): outbound rules are not judged beyond the flows the policy needs
     * @param clusterName for the program that would replace the live groups
     */
    public record Settings(Cloud cloud, GroupMapping groups, NodeAddressing addressing, ImmutableList<Cidr> nodeCidrs,
            EgressMode egress, String clusterName) {
        public Settings {
            Objects.requireNonNull(cloud, "cloud");
            Objects.requireNonNull(groups, "groups");
            Objects.requireNonNull(addressing, "addressing");
            nodeCidrs = ImmutableList.copyOf(nodeCidrs);
            Objects.requireNonNull(egress, "egress");
            Objects.requireNonNull(clusterName, "clusterName");
        }
    }

    /**
     * A rule listed more than once with the same content (one listing given twice, two listings that
     * share a group) is judged once.
     *
     * @throws IllegalArgumentException if an input is not a listing of the cloud's, or one rule id is
     *     listed with two different contents
     */
    public static AuditReport audit(FirewallPolicy policy, Settings settings, List<AuditInput> inputs) {
        List<LiveRules.Listing> listings = inputs.stream().map(i -> LiveRules.read(settings.cloud(), i)).toList();
        List<LiveRule> all = LiveRules.merge(listings);
        LiveGroups live = new LiveGroups(policy, settings, all);
        List<Finding> findings = new ArrayList<>();
        TreeSet<NodeRole> unchecked = new TreeSet<>();
        findings.addAll(MissingFlows.check(live, unchecked));
        Map<String, Map<String, InternetSweep.Exposure>> exposures = InternetSweep.sweep(live);
        findings.addAll(InternetSweep.findings(live, exposures));
        findings.addAll(ExcessRules.check(live, exposures));
        return new AuditReport("groups", context(policy, settings, listings), inputs.stream().map(AuditInput::name)
                .collect(ImmutableList.toImmutableList()), ImmutableList.copyOf(findings),
                ImmutableList.copyOf(notes(live, all, unchecked)), Optional.of(Adoption.of(live, listings)));
    }

    private static ImmutableMap<String, String> context(FirewallPolicy policy, Settings settings, List<LiveRules.Listing> listings) {
        Map<String, String> context = new LinkedHashMap<>();
        context.put("distribution", policy.spec().distribution());
        context.put("cni", policy.spec().cni());
        context.put("options", policy.spec().options().isEmpty() ? "(none)" : String.join(",", policy.spec().options()));
        context.put("ipFamily", policy.spec().ipStack().configName());
        context.put("profile", policy.spec().profile().configName());
        context.put("cloud", settings.cloud().label());
        context.put("format", listings.stream().map(LiveRules.Listing::format).distinct().collect(Collectors.joining(", ")));
        context.put("groups", settings.groups().describe());
        context.put("nodeAddressing", settings.addressing().configName());
        context.put("egress", settings.egress().configName());
        return ImmutableMap.copyOf(context);
    }

    private static List<String> notes(LiveGroups live, List<LiveRule> all, TreeSet<NodeRole> unchecked) {
        List<String> notes = new ArrayList<>();
        Settings settings = live.settings;
        for (NodeRole role : unchecked) {
            notes.add("no live group is mapped to " + role + " (or all-nodes): flows to " + role
                    + " nodes were not checked; add --group " + role + "=ID");
        }
        Map<String, Integer> unmapped = new TreeMap<>();
        all.stream().filter(r -> !settings.groups().scopes().containsKey(r.groupId()))
                .forEach(r -> unmapped.merge(r.groupId(), 1, Integer::sum));
        if (!unmapped.isEmpty()) {
            notes.add("rules of groups not given with --group were not judged: " + unmapped.entrySet().stream()
                    .map(e -> e.getKey() + " (" + e.getValue() + " rules)").collect(Collectors.joining(", ")));
        }
        settings.groups().scopes().keySet().stream().filter(id -> all.stream().noneMatch(r -> r.groupId().equals(id)))
                .forEach(id -> notes.add("group " + id + " has no rule in the input: it admits nothing"));
        if (settings.nodeCidrs().isEmpty()) {
            notes.add(settings.addressing() == NodeAddressing.PRIVATE
                    ? "no --node-cidr: CIDRs in private-use space (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10, "
                            + "fc00::/7) are taken to hold the cluster's nodes"
                    : "no --node-cidr: with public addressing, only CIDRs given with --node-cidr count as the nodes' addresses");
        }
        if (live.rules.stream().anyMatch(r -> r.peer() instanceof LivePeer.AddressGroup)) {
            notes.add("Neutron address groups are judged as outside sources: their CIDRs are not in this listing");
        }
        return notes;
    }
}
