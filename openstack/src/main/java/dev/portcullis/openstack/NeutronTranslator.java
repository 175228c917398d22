package dev.portcullis.openstack;

import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import dev.portcullis.component.CloudPlan;
import dev.portcullis.component.CloudTranslator;
import dev.portcullis.core.PatternSyntax;
import dev.portcullis.core.Direction;
import dev.portcullis.core.FirewallPolicy;
import dev.portcullis.core.Text;
import dev.portcullis.openstack.networking.SecGroup;
import dev.portcullis.openstack.networking.SecGroupArgs;
import dev.portcullis.openstack.networking.SecGroupRule;
import dev.portcullis.openstack.networking.SecGroupRuleArgs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** OpenStack's part of the component: Neutron UUIDs, the project quota, SecGroups and SecGroupRules. */
enum NeutronTranslator implements CloudTranslator<ClusterSecurityGroupsArgs, NeutronRulePlan.Fields, SecGroup, SecGroupRule> {
    INSTANCE;

    /** Tags and region are checked here, with the project quota: before anything is registered. */
    @Override
    public CloudPlan<NeutronRulePlan.Fields> plan(FirewallPolicy policy, ClusterSecurityGroupsArgs args) {
        args.tags().forEach(tag -> Text.requirePrintable("tags", tag));
        args.region().ifPresent(region -> Text.requirePrintable("region", region));
        return NeutronRulePlan.of(policy, args.cluster().egressMode(), args.quota(), args.cluster().clusterName());
    }

    @Override
    public SecGroup newGroup(String name, CloudPlan.Group group, ClusterSecurityGroupsArgs args,
            Optional<Output<Boolean>> gate, CustomResourceOptions options) {
        List<String> tags = new ArrayList<>(args.tags());
        tags.add("portcullis-cluster=" + args.cluster().clusterName());
        tags.add("portcullis-group=" + group.key());
        String groupName = args.cluster().clusterName() + "-" + group.key();
        SecGroupArgs.Builder groupArgs = SecGroupArgs.builder()
                .name(gate.map(g -> g.applyValue(ok -> groupName)).orElse(Output.of(groupName))) // waits for the gate
                .description(group.description())
                .deleteDefaultRules(true) // egress is explicit; defaults would cost quota on every group
                .tags(tags);
        args.region().ifPresent(groupArgs::region);
        return new SecGroup(name, groupArgs.build(), options);
    }

    @Override
    public SecGroupRule newRule(String name, CloudPlan.Rule<NeutronRulePlan.Fields> rule, RuleEnds ends,
            ClusterSecurityGroupsArgs args, CustomResourceOptions options) {
        NeutronRulePlan.Fields fields = rule.fields();
        SecGroupRuleArgs.Builder ruleArgs = SecGroupRuleArgs.builder()
                .direction(rule.direction() == Direction.INGRESS ? "ingress" : "egress")
                .ethertype(fields.ethertype().label())
                .securityGroupId(ends.securityGroupId())
                .description(rule.description());
        fields.protocol().ifPresent(ruleArgs::protocol);
        fields.portRangeMin().ifPresent(ruleArgs::portRangeMin);
        fields.portRangeMax().ifPresent(ruleArgs::portRangeMax);
        ends.remoteGroupId().ifPresent(ruleArgs::remoteGroupId);
        ends.remoteValue().ifPresent(value -> {
            switch (ends.remoteKind().orElseThrow()) {
                case IPV4_CIDR, IPV6_CIDR -> ruleArgs.remoteIpPrefix(value);
                case SECURITY_GROUP -> ruleArgs.remoteGroupId(value);
                case ADDRESS_GROUP -> ruleArgs.remoteAddressGroupId(value);
                case PREFIX_LIST -> throw new IllegalStateException("planned away: Neutron has no prefix lists");
            }
        });
        args.region().ifPresent(ruleArgs::region);
        return new SecGroupRule(name, ruleArgs.build(), options);
    }


    @Override
    public PatternSyntax syntax() {
        return NeutronBindingSyntax.INSTANCE;
    }
}
