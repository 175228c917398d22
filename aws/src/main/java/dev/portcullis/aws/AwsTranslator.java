package dev.portcullis.aws;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import dev.portcullis.component.CloudPlan;
import dev.portcullis.component.CloudTranslator;
import dev.portcullis.core.PatternSyntax;
import dev.portcullis.core.Direction;
import dev.portcullis.core.FirewallPolicy;
import dev.portcullis.core.Peer;
import dev.portcullis.core.Text;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/** AWS's part of the component: {@code sg-…} ids, per-group quotas, security groups and {@code aws.vpc} rules. */
enum AwsTranslator implements CloudTranslator<ClusterSecurityGroupsArgs, AwsRulePlan.Fields, SecurityGroup, CustomResource> {
    INSTANCE;

    @Override
    public PatternSyntax syntax() {
        return AwsBindingSyntax.INSTANCE;
    }

    /** Tags are checked here, with the quotas: before anything is registered. */
    @Override
    public CloudPlan<AwsRulePlan.Fields> plan(FirewallPolicy policy, ClusterSecurityGroupsArgs args) {
        args.tags().forEach((key, value) -> Text.requirePrintable("tags." + Text.requirePrintable("tags key", key), value));
        return AwsRulePlan.of(policy, args.cluster().egressMode(), args.quotaLimits(), args.cluster().clusterName());
    }

    @Override
    public SecurityGroup newGroup(String name, CloudPlan.Group group, ClusterSecurityGroupsArgs args,
            Optional<Output<Boolean>> gate, CustomResourceOptions options) {
        Map<String, String> tags = new LinkedHashMap<>(args.tags());
        tags.put("Name", args.cluster().clusterName() + "-" + group.key());
        tags.put("portcullis.dev/group", group.key());
        if (group.nodes() instanceof Peer.AllNodes) { // the one group every node carries holds the cluster tag
            tags.put("kubernetes.io/cluster/" + args.cluster().clusterName(), "owned");
        }
        // Every group waits for the gate on late values. It rides on the tags, which AWS updates in place:
        // on vpcId, which forces replacement, a preview with a value still unknown would show every
        // group replaced.
        Output<Map<String, String>> taggedAfterGate = gate.map(g -> g.applyValue(checked -> Map.copyOf(tags)))
                .orElse(Output.of(tags));
        return new SecurityGroup(name, SecurityGroupArgs.builder()
                .vpcId(args.vpcId().applyValue(AwsBindingSyntax::vpcId)) // an id known only now is checked now
                .description(group.description())
                .revokeRulesOnDelete(true) // groups reference each other; revoke before delete
                .tags(taggedAfterGate)
                .build(), options);
    }

    @Override
    public CustomResource newRule(String name, CloudPlan.Rule<AwsRulePlan.Fields> rule, RuleEnds ends,
            ClusterSecurityGroupsArgs args, CustomResourceOptions options) {
        return rule.direction() == Direction.INGRESS
                ? new SecurityGroupIngressRule(name, fill(SecurityGroupIngressRuleArgs.builder(), INGRESS, rule, ends).build(), options)
                : new SecurityGroupEgressRule(name, fill(SecurityGroupEgressRuleArgs.builder(), EGRESS, rule, ends).build(), options);
    }

    /** The setters of an ingress or egress rule's builder: the two builders are alike but share no type. */
    private record Setters<B>(BiFunction<B, Output<String>, B> securityGroupId, BiFunction<B, String, B> ipProtocol,
            BiFunction<B, String, B> description, BiFunction<B, Integer, B> fromPort, BiFunction<B, Integer, B> toPort,
            BiFunction<B, Output<String>, B> referencedSecurityGroupId, BiFunction<B, Output<String>, B> cidrIpv4,
            BiFunction<B, Output<String>, B> cidrIpv6, BiFunction<B, Output<String>, B> prefixListId) {}

    private static final Setters<SecurityGroupIngressRuleArgs.Builder> INGRESS = new Setters<>(
            SecurityGroupIngressRuleArgs.Builder::securityGroupId, SecurityGroupIngressRuleArgs.Builder::ipProtocol,
            SecurityGroupIngressRuleArgs.Builder::description, SecurityGroupIngressRuleArgs.Builder::fromPort,
            SecurityGroupIngressRuleArgs.Builder::toPort, SecurityGroupIngressRuleArgs.Builder::referencedSecurityGroupId,
            SecurityGroupIngressRuleArgs.Builder::cidrIpv4, SecurityGroupIngressRuleArgs.Builder::cidrIpv6,
            SecurityGroupIngressRuleArgs.Builder::prefixListId);

    private static final Setters<SecurityGroupEgressRuleArgs.Builder> EGRESS = new Setters<>(
            SecurityGroupEgressRuleArgs.Builder::securityGroupId, SecurityGroupEgressRuleArgs.Builder::ipProtocol,
            SecurityGroupEgressRuleArgs.Builder::description, SecurityGroupEgressRuleArgs.Builder::fromPort,
            SecurityGroupEgressRuleArgs.Builder::toPort, SecurityGroupEgressRuleArgs.Builder::referencedSecurityGroupId,
            SecurityGroupEgressRuleArgs.Builder::cidrIpv4, SecurityGroupEgressRuleArgs.Builder::cidrIpv6,
            SecurityGroupEgressRuleArgs.Builder::prefixListId);

    /** One source per rule, as {@code aws.vpc} rules demand: a cluster group, or the bound value by its kind. */
    private static <B> B fill(B builder, Setters<B> set, CloudPlan.Rule<AwsRulePlan.Fields> rule, RuleEnds ends) {
        B b = set.securityGroupId().apply(builder, ends.securityGroupId());
        b = set.ipProtocol().apply(b, rule.fields().ipProtocol());
        b = set.description().apply(b, rule.description());
        if (rule.fields().fromPort().isPresent()) {
            b = set.fromPort().apply(b, rule.fields().fromPort().get());
        }
        if (rule.fields().toPort().isPresent()) {
            b = set.toPort().apply(b, rule.fields().toPort().get());
        }
        if (ends.remoteGroupId().isPresent()) {
            return set.referencedSecurityGroupId().apply(b, ends.remoteGroupId().get());
        }
        Output<String> value = ends.remoteValue().orElseThrow();
        return switch (ends.remoteKind().orElseThrow()) {
            case IPV4_CIDR -> set.cidrIpv4().apply(b, value);
            case IPV6_CIDR -> set.cidrIpv6().apply(b, value);
            case SECURITY_GROUP -> set.referencedSecurityGroupId().apply(b, value);
            case PREFIX_LIST -> set.prefixListId().apply(b, value);
            case ADDRESS_GROUP -> throw new IllegalStateException("planned away: AWS has no address groups");
        };
    }

}
