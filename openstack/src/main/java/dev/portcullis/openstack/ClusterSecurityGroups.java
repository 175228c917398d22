package dev.portcullis.openstack;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.portcullis.core.ClusterRequest;
import dev.portcullis.core.Direction;
import dev.portcullis.core.EgressMode;
import dev.portcullis.core.FirewallPolicy;
import dev.portcullis.core.Text;
import dev.portcullis.core.NodeRole;
import dev.portcullis.core.Peer;
import dev.portcullis.core.PolicyCompiler;
import dev.portcullis.core.TextInputs;
import dev.portcullis.openstack.networking.SecGroup;
import dev.portcullis.openstack.networking.SecGroupArgs;
import dev.portcullis.openstack.networking.SecGroupRule;
import dev.portcullis.openstack.networking.SecGroupRuleArgs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Kubernetes cluster's Neutron security groups, from a Portcullis blueprint: one group per node
 * role plus an all-nodes group every node's port carries, node-to-node rules as remote-group rules
 * (one per enabled ethertype), CIDR peers as remote IP prefixes.
 *
 * <p><b>Fixed IPs only.</b> A remote-group rule matches traffic from the fixed IPs of the member
 * ports, never from floating IPs. If nodes reach each other over floating IPs, set
 * {@code nodeAddressing("public")} and list each role's floating IPs in {@code publicAddresses}.
 *
 * <p>Groups are created with {@code deleteDefaultRules}: egress is explicit (allow-all by default,
 * one rule per family on the all-nodes group). Any change to a Neutron rule replaces it, so rule
 * names derive from what the rule admits and never from positions. The project quota is checked
 * before anything is registered.
 */
public final class ClusterSecurityGroups extends ComponentResource {
    public static final String TYPE = "portcullis:openstack:ClusterSecurityGroups";

    /** Group key ({@code all-nodes} or a role) → security group id. */
    @Export(name = "groupIds", refs = {Map.class, String.class, String.class}, tree = "[0,1,2]")
    private Output<Map<String, String>> groupIds;

    /** Ids of every rule; resolves once all rules exist. */
    @Export(name = "ruleIds", refs = {List.class, String.class}, tree = "[0,1]")
    private Output<List<String>> ruleIds;

    private final FirewallPolicy policy;
    private final Map<String, SecGroup> groups = new LinkedHashMap<>();

    public ClusterSecurityGroups(String name, ClusterSecurityGroupsArgs args, ComponentResourceOptions options) {
        super(TYPE, validated(name, args), options);
        Plan plan = plan(args);
        this.policy = plan.policy();
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();

        for (NeutronRulePlan.PlannedGroup group : plan.rules().groups()) {
            List<String> tags = new ArrayList<>(args.tags());
            tags.add("portcullis-cluster=" + args.clusterName());
            tags.add("portcullis-group=" + group.key());
            SecGroupArgs.Builder groupArgs = SecGroupArgs.builder()
                    .name(args.clusterName() + "-" + group.key())
                    .description(group.description())
                    .deleteDefaultRules(true) // egress is explicit; defaults would cost quota on every group
                    .tags(tags);
            args.region().ifPresent(groupArgs::region);
            groups.put(group.key(), new SecGroup(name + "-" + group.key(), groupArgs.build(), child));
        }

        List<Output<String>> ids = new ArrayList<>();
        for (NeutronRulePlan.PlannedRule rule : plan.rules().rules()) {
            SecGroupRuleArgs.Builder ruleArgs = SecGroupRuleArgs.builder()
                    .direction(rule.direction() == Direction.INGRESS ? "ingress" : "egress")
                    .ethertype(rule.ethertype().label())
                    .securityGroupId(groups.get(rule.groupKey()).id())
                    .description(rule.description());
            rule.protocol().ifPresent(ruleArgs::protocol);
            rule.portRangeMin().ifPresent(ruleArgs::portRangeMin);
            rule.portRangeMax().ifPresent(ruleArgs::portRangeMax);
            rule.remoteGroupKey().ifPresent(key -> ruleArgs.remoteGroupId(groups.get(key).id()));
            rule.remoteGroupId().ifPresent(id -> ruleArgs.remoteGroupId(Output.of(id)));
            rule.remoteIpPrefix().ifPresent(ruleArgs::remoteIpPrefix);
            rule.remoteAddressGroupId().ifPresent(ruleArgs::remoteAddressGroupId);
            args.region().ifPresent(ruleArgs::region);
            ids.add(new SecGroupRule(name + "-" + rule.key(), ruleArgs.build(), child).id());
        }
        this.ruleIds = Output.all(ids);
        List<String> keys = List.copyOf(groups.keySet());
        this.groupIds = Output.all(groups.values().stream().map(SecGroup::id).toList()).applyValue(values -> {
            Map<String, String> byKey = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                byKey.put(keys.get(i), values.get(i));
            }
            return byKey;
        });
        registerOutputs(Map.of("groupIds", groupIds, "ruleIds", ruleIds));
    }

    record Plan(FirewallPolicy policy, NeutronRulePlan rules) {}

    /** Args → spec → policy → Neutron plan; pure, so planning twice gives the same plan. */
    static Plan plan(ClusterSecurityGroupsArgs args) {
        TextInputs.clusterName(args.clusterName());
        args.tags().forEach(tag -> Text.requirePrintable("tags", tag));
        args.region().ifPresent(region -> Text.requirePrintable("region", region));
        ClusterRequest request = args.request();
        FirewallPolicy policy = PolicyCompiler.compile(request.toSpec(NeutronBindingSyntax.INSTANCE));
        NeutronRulePlan.Settings settings = new NeutronRulePlan.Settings(EgressMode.parse(args.egress()), args.quota(),
                args.clusterName());
        return new Plan(policy, NeutronRulePlan.of(policy, settings));
    }

    /** Plans once before {@code super} registers the component, so bad input creates nothing at all. */
    private static String validated(String name, ClusterSecurityGroupsArgs args) {
        plan(args);
        return name;
    }

    public Output<Map<String, String>> groupIds() {
        return groupIds;
    }

    public Output<List<String>> ruleIds() {
        return ruleIds;
    }

    public FirewallPolicy policy() {
        return policy;
    }

    /**
     * The security group ids a node (its ports) with these roles carries, resolving only once every
     * rule exists.
     *
     * @throws IllegalArgumentException if no role is given or a role is unknown
     */
    public Output<List<String>> securityGroupIdsFor(String... roles) {
        List<String> keys = policy.groupsFor(Arrays.stream(roles).map(NodeRole::of).toList())
                .stream().map(Peer::key).toList();
        Output<List<String>> ids = Output.all(keys.stream().map(k -> groups.get(k).id()).toList());
        return Output.tuple(ids, ruleIds).applyValue(t -> t.t1);
    }
}
