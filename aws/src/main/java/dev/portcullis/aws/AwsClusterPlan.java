package dev.portcullis.aws;

import dev.portcullis.core.ClusterRequest;
import dev.portcullis.core.EgressMode;
import dev.portcullis.core.FirewallPolicy;
import dev.portcullis.core.Text;
import dev.portcullis.core.PolicyCompiler;
import dev.portcullis.core.TextInputs;

/** Args → spec → policy → AWS plan: everything the component decides before registering anything. */
record AwsClusterPlan(FirewallPolicy policy, AwsRulePlan rules) {
    /** @throws IllegalArgumentException naming the field, the bad value and what is allowed */
    static AwsClusterPlan of(ClusterSecurityGroupsArgs args) {
        TextInputs.clusterName(args.clusterName());
        args.tags().forEach((key, value) -> {
            Text.requirePrintable("tags key", key);
            Text.requirePrintable("tags." + key, value);
        });
        ClusterRequest request = args.request();
        FirewallPolicy policy = PolicyCompiler.compile(request.toSpec(AwsBindingSyntax.INSTANCE));
        AwsRulePlan.Settings settings = new AwsRulePlan.Settings(EgressMode.parse(args.egress()), args.quotaLimits(),
                args.clusterName());
        return new AwsClusterPlan(policy, AwsRulePlan.of(policy, settings));
    }
}
