package dev.portcullis.aws;

import dev.portcullis.core.ClusterRequest;
import dev.portcullis.core.EgressMode;
import dev.portcullis.core.FirewallPolicy;
import dev.portcullis.core.NodeAddressing;
import dev.portcullis.core.PolicyCompiler;
import dev.portcullis.core.TextInputs;

/** Args → spec → policy → AWS plan: everything the component decides before registering anything. */
record AwsClusterPlan(FirewallPolicy policy, AwsRulePlan rules) {
    /** @throws IllegalArgumentException naming the field, the bad value and what is allowed */
    static AwsClusterPlan of(ClusterSecurityGroupsArgs args) {
        TextInputs.clusterName(args.clusterName());
        ClusterRequest request = args.request();
        FirewallPolicy policy = PolicyCompiler.compile(request.toSpec());
        AwsRulePlan.Settings settings = new AwsRulePlan.Settings(EgressMode.parse(args.egress()),
                NodeAddressing.parse(args.nodeAddressing()), request.publicAddressCidrs(), args.quotaLimits(),
                args.clusterName());
        return new AwsClusterPlan(policy, AwsRulePlan.of(policy, settings));
    }
}
