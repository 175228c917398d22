package dev.portcullis.aws;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResource;
import dev.portcullis.component.FirewallComponent;
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
 * {@code publicAddresses}; the policy then admits them as /32 (/128) sources too.
 *
 * <p>Everything is validated, the exposure gate passed and the AWS quotas checked before any resource
 * is registered; values known only at deployment pass the same checks when they resolve. Resource
 * names come from what a rule admits, prefixed with this component's name.
 */
public final class ClusterSecurityGroups
        extends FirewallComponent<ClusterSecurityGroupsArgs, AwsRulePlan.Fields, SecurityGroup, CustomResource> {
    public static final String TYPE = "portcullis:aws:ClusterSecurityGroups";

    // The outputs, declared here for Pulumi's component provider (it reads a class's own fields only).
    @Export(name = "groupIds", refs = {Map.class, String.class, String.class}, tree = "[0,1,2]")
    private final Output<Map<String, String>> groupIds;
    @Export(name = "ruleIds", refs = {List.class, String.class}, tree = "[0,1]")
    private final Output<List<String>> ruleIds;
    @Export(name = "policyJson", refs = {String.class}, tree = "[0]")
    private final Output<String> policyJson;
    @Export(name = "portMatrix", refs = {String.class}, tree = "[0]")
    private final Output<String> portMatrix;

    public ClusterSecurityGroups(String name, ClusterSecurityGroupsArgs args, ComponentResourceOptions options) {
        super(TYPE, name, args, AwsTranslator.INSTANCE, options);
        this.groupIds = groupIds();
        this.ruleIds = ruleIds();
        this.policyJson = policyJson();
        this.portMatrix = portMatrix();
    }
}
