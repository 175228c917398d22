package dev.portcullis.bench;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import java.util.Map;

/**
 * What an engineer would write by hand for an RKE2 cluster with Canal: the same three groups and
 * eight rules Portcullis registers, spelled out resource by resource. The baseline of the
 * synthesis benchmark (the benchmark checks both register identical resources).
 */
final class HandWrittenRke2 {
    private HandWrittenRke2() {}

    static void cluster(String name, String cluster, String vpcId, String adminsCidr) {
        var all = group(name, cluster, vpcId, "all-nodes", "All nodes of cluster " + cluster + " (Portcullis)", true);
        var server = group(name, cluster, vpcId, "server", "server nodes of cluster " + cluster + " (Portcullis)", false);
        group(name, cluster, vpcId, "agent", "agent nodes of cluster " + cluster + " (Portcullis)", false);

        ingress(name + "-all-nodes-in-tcp-10250-all-nodes", all.id(), "tcp", 10250, 10250, all.id(), null,
                "TCP 10250 from all nodes: kubelet metrics");
        ingress(name + "-all-nodes-in-tcp-30000-32767-all-nodes", all.id(), "tcp", 30000, 32767, all.id(), null,
                "TCP 30000-32767 from all nodes: NodePort port range");
        ingress(name + "-all-nodes-in-udp-8472-all-nodes", all.id(), "udp", 8472, 8472, all.id(), null,
                "UDP 8472 from all nodes: Canal CNI with VXLAN");
        ingress(name + "-server-in-tcp-2379-2380-server", server.id(), "tcp", 2379, 2380, server.id(), null,
                "TCP 2379-2380 from server nodes: etcd client port; etcd peer port");
        ingress(name + "-server-in-tcp-6443-" + adminsCidr.replace('/', '_'), server.id(), "tcp", 6443, 6443, null, adminsCidr,
                "TCP 6443 from " + adminsCidr + ": Kubernetes API for kubectl");
        ingress(name + "-server-in-tcp-6443-all-nodes", server.id(), "tcp", 6443, 6443, all.id(), null,
                "TCP 6443 from all nodes: Kubernetes API");
        ingress(name + "-server-in-tcp-9345-all-nodes", server.id(), "tcp", 9345, 9345, all.id(), null,
                "TCP 9345 from all nodes: RKE2 supervisor API");
        new SecurityGroupEgressRule(name + "-all-nodes-out-all-0.0.0.0_0", SecurityGroupEgressRuleArgs.builder()
                .securityGroupId(all.id()).ipProtocol("-1").cidrIpv4("0.0.0.0/0")
                .description("All traffic to 0.0.0.0/0: egress mode allow-all").build());
    }

    private static SecurityGroup group(String name, String cluster, String vpcId, String key, String description,
            boolean clusterTag) {
        Map<String, String> tags = clusterTag
                ? Map.of("Name", cluster + "-" + key, "portcullis.dev/group", key, "kubernetes.io/cluster/" + cluster, "owned")
                : Map.of("Name", cluster + "-" + key, "portcullis.dev/group", key);
        return new SecurityGroup(name + "-" + key, SecurityGroupArgs.builder().vpcId(vpcId).description(description)
                .revokeRulesOnDelete(true).tags(tags).build());
    }

    private static void ingress(String name, Output<String> groupId, String protocol, int from, int to,
            Output<String> referenced, String cidr, String description) {
        var args = SecurityGroupIngressRuleArgs.builder().securityGroupId(groupId).ipProtocol(protocol)
                .fromPort(from).toPort(to).description(description);
        if (referenced != null) {
            args.referencedSecurityGroupId(referenced);
        } else {
            args.cidrIpv4(cidr);
        }
        new SecurityGroupIngressRule(name, args.build());
    }
}
