package dev.portcullis.aws;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.portcullis.core.Blueprint;
import dev.portcullis.core.Cidr;
import dev.portcullis.core.ClusterSpec;
import dev.portcullis.core.FirewallPolicy;
import dev.portcullis.core.IpStack;
import dev.portcullis.core.NodeRole;
import dev.portcullis.core.PolicyCompiler;
import dev.portcullis.core.TextInputs;
import dev.portcullis.core.catalog.Catalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Args → spec → policy → AWS plan: everything the component decides before registering anything. */
record AwsClusterPlan(FirewallPolicy policy, AwsRulePlan rules) {
    private static final Pattern CLUSTER_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9-]{0,62}");

    /** @throws IllegalArgumentException naming the field, the bad value and what is allowed */
    static AwsClusterPlan of(ClusterSecurityGroupsArgs args) {
        if (!CLUSTER_NAME.matcher(args.clusterName()).matches()) {
            throw new IllegalArgumentException("clusterName '" + args.clusterName()
                    + "' is invalid: expected letters, digits and '-', at most 63 characters, starting with a letter or digit");
        }
        Blueprint blueprint = Catalog.blueprint(args.distribution());
        ClusterSpec.Builder spec = ClusterSpec.builder(blueprint).ipStack(IpStack.parse(args.ipFamily()));
        args.cni().ifPresent(spec::cni);
        args.options().ifPresent(spec::options);
        spec.enable(args.enableOptions().toArray(String[]::new));
        args.peers().forEach((name, bindings) -> {
            List<dev.portcullis.core.Peer> peers = new ArrayList<>();
            for (int i = 0; i < bindings.size(); i++) {
                peers.add(TextInputs.binding("peers." + name + "[" + i + "]", bindings.get(i)));
            }
            spec.bind(name, peers);
        });
        args.allowInternet().forEach(spec::allowInternet);
        for (int i = 0; i < args.extraRules().size(); i++) {
            ExtraRuleArgs rule = args.extraRules().get(i);
            spec.extra(TextInputs.requirement("extraRules[" + i + "]", blueprint, args.peers().keySet(),
                    rule.from(), rule.to(), rule.protocol(), rule.ports().orElse(null), rule.description()));
        }
        FirewallPolicy policy = PolicyCompiler.compile(spec.build());

        ImmutableMap.Builder<NodeRole, ImmutableList<Cidr>> addresses = ImmutableMap.builder();
        for (Map.Entry<String, List<String>> entry : args.publicAddresses().entrySet()) {
            NodeRole role = NodeRole.of(entry.getKey());
            if (!blueprint.hasRole(role)) {
                throw new IllegalArgumentException("publicAddresses role '" + role + "' is unknown: allowed values are "
                        + String.join(", ", blueprint.roles().stream().map(NodeRole::name).toList()));
            }
            ImmutableList.Builder<Cidr> cidrs = ImmutableList.builder();
            for (int i = 0; i < entry.getValue().size(); i++) {
                cidrs.add(TextInputs.address("publicAddresses." + role + "[" + i + "]", entry.getValue().get(i)));
            }
            addresses.put(role, cidrs.build());
        }
        AwsRulePlan.Settings settings = new AwsRulePlan.Settings(EgressMode.parse(args.egress()),
                NodeAddressing.parse(args.nodeAddressing()), addresses.build(), args.quotaLimits(), args.clusterName());
        return new AwsClusterPlan(policy, AwsRulePlan.of(policy, settings));
    }
}
