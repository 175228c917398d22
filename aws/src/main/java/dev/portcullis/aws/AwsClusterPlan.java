package dev.portcullis.aws;

import dev.portcullis.core.ClusterRequest;
import dev.portcullis.core.EgressMode;
import dev.portcullis.core.FirewallPolicy;
import dev.portcullis.core.NodeAddressing;
import dev.portcullis.core.PolicyCompiler;
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
        ClusterRequest request = args.request();
        FirewallPolicy policy = PolicyCompiler.compile(request.toSpec());
        AwsRulePlan.Settings settings = new AwsRulePlan.Settings(EgressMode.parse(args.egress()),
                NodeAddressing.parse(args.nodeAddressing()), request.publicAddressCidrs(), args.quotaLimits(),
                args.clusterName());
        return new AwsClusterPlan(policy, AwsRulePlan.of(policy, settings));
    }
}
