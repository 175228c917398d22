package dev.portcullis.aws;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.portcullis.core.Direction;
import dev.portcullis.core.FirewallPolicy;
import dev.portcullis.core.NodeRole;
import dev.portcullis.core.Peer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Kubernetes cluster's security groups on AWS, from a Portcullis blueprint: one group per node
 * role plus an all-nodes group every node carries (it holds the flows every role shares and the
 * {@code kubernetes.io/cluster/<name>} tag), and one standalone {@code aws.vpc} rule per source.
 * Node-to-node rules reference groups, so they follow nodes as they come and go.
 *
 * <p><b>Private addresses only.</b> A group reference matches traffic from the <em>private</em>
 * addresses of instances carrying the group. Traffic a node sends to another node's public or
 * elastic IP leaves from its own public address and matches no reference: if nodes join or talk
 * over public addresses, set {@code nodeAddressing("public")} and list each role's addresses in
 * {@code publicAddresses}; the component then adds /32 (/128) rules for them.
 *
 * <p>Everything is validated and the AWS quotas are checked before any resource is registered.
 * Resource names come from what a rule admits (group, direction, protocol, ports, peer), prefixed
 * with this component's name, so adding a rule never renames another.
 */
public final class ClusterSecurityGroups extends ComponentResource {
    public static final String TYPE = "portcullis:aws:ClusterSecurityGroups";

    /** Group key ({@code all-nodes} or a role) → security group id. */
    @Export(name = "groupIds", refs = {Map.class, String.class, String.class}, tree = "[0,1,2]")
    private Output<Map<String, String>> groupIds;

    /** Ids of every rule; resolves once all rules exist. */
    @Export(name = "ruleIds", refs = {List.class, String.class}, tree = "[0,1]")
    private Output<List<String>> ruleIds;

    private final FirewallPolicy policy;
    private final Map<String, SecurityGroup> groups = new LinkedHashMap<>();

    public ClusterSecurityGroups(String name, ClusterSecurityGroupsArgs args, ComponentResourceOptions options) {
        super(TYPE, validated(name, args), options);
        AwsClusterPlan plan = AwsClusterPlan.of(args); // pure and deterministic: the same plan as validated()
        this.policy = plan.policy();
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();

        for (AwsRulePlan.PlannedGroup group : plan.rules().groups()) {
            Map<String, String> tags = new LinkedHashMap<>(args.tags());
            tags.put("Name", args.clusterName() + "-" + group.key());
            tags.put("portcullis.dev/group", group.key());
            if (group.carriesClusterTag()) {
                tags.put("kubernetes.io/cluster/" + args.clusterName(), "owned");
            }
            groups.put(group.key(), new SecurityGroup(name + "-" + group.key(), SecurityGroupArgs.builder()
                    .vpcId(args.vpcId().applyValue(AwsBindingSyntax::vpcId)) // an id known only now is checked now
                    .description(group.description())
                    .revokeRulesOnDelete(true) // groups reference each other; revoke before delete
                    .tags(tags)
                    .build(), child));
        }

        List<Output<String>> ids = new ArrayList<>();
        for (AwsRulePlan.PlannedRule rule : plan.rules().rules()) {
            ids.add(rule.direction() == Direction.INGRESS ? ingress(name, rule, child) : egress(name, rule, child));
        }
        this.ruleIds = Output.all(ids);
        this.groupIds = Output.all(groups.values().stream().map(SecurityGroup::id).toList()).applyValue(values -> {
            Map<String, String> byKey = new LinkedHashMap<>();
            List<String> keys = List.copyOf(groups.keySet());
            for (int i = 0; i < keys.size(); i++) {
                byKey.put(keys.get(i), values.get(i));
            }
            return byKey;
        });
        registerOutputs(Map.of("groupIds", groupIds, "ruleIds", ruleIds));
    }

    /** Plans once before {@code super} registers the component, so bad input creates nothing at all. */
    private static String validated(String name, ClusterSecurityGroupsArgs args) {
        AwsClusterPlan.of(args);
        return name;
    }

    private Output<String> ingress(String name, AwsRulePlan.PlannedRule rule, CustomResourceOptions child) {
        var builder = SecurityGroupIngressRuleArgs.builder()
                .securityGroupId(groups.get(rule.groupKey()).id())
                .ipProtocol(rule.ipProtocol())
                .description(rule.description());
        rule.fromPort().ifPresent(builder::fromPort);
        rule.toPort().ifPresent(builder::toPort);
        rule.source().groupKey().ifPresent(key -> builder.referencedSecurityGroupId(groups.get(key).id()));
        rule.source().groupId().ifPresent(builder::referencedSecurityGroupId);
        rule.source().cidrIpv4().ifPresent(builder::cidrIpv4);
        rule.source().cidrIpv6().ifPresent(builder::cidrIpv6);
        rule.source().prefixListId().ifPresent(builder::prefixListId);
        return new SecurityGroupIngressRule(name + "-" + rule.key(), builder.build(), child).id();
    }

    private Output<String> egress(String name, AwsRulePlan.PlannedRule rule, CustomResourceOptions child) {
        var builder = SecurityGroupEgressRuleArgs.builder()
                .securityGroupId(groups.get(rule.groupKey()).id())
                .ipProtocol(rule.ipProtocol())
                .description(rule.description());
        rule.fromPort().ifPresent(builder::fromPort);
        rule.toPort().ifPresent(builder::toPort);
        rule.source().groupKey().ifPresent(key -> builder.referencedSecurityGroupId(groups.get(key).id()));
        rule.source().groupId().ifPresent(builder::referencedSecurityGroupId);
        rule.source().cidrIpv4().ifPresent(builder::cidrIpv4);
        rule.source().cidrIpv6().ifPresent(builder::cidrIpv6);
        rule.source().prefixListId().ifPresent(builder::prefixListId);
        return new SecurityGroupEgressRule(name + "-" + rule.key(), builder.build(), child).id();
    }

    public Output<Map<String, String>> groupIds() {
        return groupIds;
    }

    public Output<List<String>> ruleIds() {
        return ruleIds;
    }

    /** The compiled policy this component instantiates. */
    public FirewallPolicy policy() {
        return policy;
    }

    /**
     * The security group ids a node with these roles carries, resolving only once every rule exists,
     * so a launch template or instance that uses them starts after its firewall is in place.
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
