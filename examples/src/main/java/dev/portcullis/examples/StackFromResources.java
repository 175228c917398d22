package dev.portcullis.examples;

import com.pulumi.Context;
import com.pulumi.aws.ec2.LaunchTemplate;
import com.pulumi.aws.ec2.LaunchTemplateArgs;
import com.pulumi.aws.ec2.ManagedPrefixList;
import com.pulumi.aws.ec2.ManagedPrefixListArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.SubnetArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcArgs;
import dev.portcullis.component.PeerBinding;
import dev.portcullis.core.Port;
import dev.portcullis.core.catalog.Catalog;
import dev.portcullis.openstack.networking.AddressGroupV2;
import dev.portcullis.openstack.networking.AddressGroupV2Args;
import dev.portcullis.openstack.networking.Network;
import dev.portcullis.openstack.networking.NetworkArgs;
import dev.portcullis.openstack.networking.PortArgs;
import dev.portcullis.openstack.networking.PortFixedIpArgs;
import dev.portcullis.openstack.networking.SecGroup;
import dev.portcullis.openstack.networking.SecGroupArgs;

/**
 * A cluster's firewall wired to the resources around it, on each cloud: the network, a load
 * balancer's group as the ingress clients, an admin range another resource reports, a prefix list
 * (an address group in Neutron), and per role the launch template (AWS) or port (OpenStack) that
 * carries the role's groups. Every binding is another resource's output, so a preview of a new stack
 * shows every group and rule under the names the update keeps.
 */
public final class StackFromResources {
    private StackFromResources() {}

    /** The AWS stack. */
    public static void aws(Context ctx) {
        var vpc = new Vpc("cluster", VpcArgs.builder().cidrBlock("10.0.0.0/16").build());
        var nodes = new Subnet("nodes", SubnetArgs.builder().vpcId(vpc.id()).cidrBlock("10.0.0.0/20").build());
        var office = new Subnet("office", SubnetArgs.builder().vpcId(vpc.id()).cidrBlock("10.0.16.0/24").build());
        var alb = new SecurityGroup("alb", SecurityGroupArgs.builder().vpcId(vpc.id()).description("Ingress ALB").build());
        var scrapers = new ManagedPrefixList("scrapers", ManagedPrefixListArgs.builder().name("scrapers")
                .addressFamily("IPv4").maxEntries(5).build());

        var groups = new dev.portcullis.aws.ClusterSecurityGroups("edge", dev.portcullis.aws.ClusterSecurityGroupsArgs.builder()
                .vpcId(vpc.id()).clusterName("edge").distribution("rke2").enableOptions("ingress", "etcd-metrics")
                .peer("ingress-clients", PeerBinding.securityGroup(alb.id()).label("alb"))
                .peer("admins", PeerBinding.ipv4Cidr(office.cidrBlock().applyValue(c -> c.orElseThrow())).label("office"))
                .peer("monitoring", PeerBinding.prefixList(scrapers.id(), 5).label("scrapers"))
                .peer("nodeport-clients").peer("pod-network")
                .allowFrom(PeerBinding.securityGroup(alb.id()).label("alb-health"), Port.tcp(10256), "agent")
                .build(), null);

        for (var role : Catalog.blueprint("rke2").roles()) {
            new LaunchTemplate("edge-" + role.name() + "-template", LaunchTemplateArgs.builder()
                    .namePrefix("edge-" + role.name() + "-").imageId("ami-0123456789abcdef0").instanceType("t3.large")
                    .vpcSecurityGroupIds(groups.securityGroupIdsFor(role.name())) // waits for every rule
                    .build());
        }
        ctx.export("nodesSubnet", nodes.id());
        ctx.export("groupIds", groups.groupIds());
        ctx.export("portMatrix", groups.portMatrix());
    }

    /** The OpenStack stack. */
    public static void openstack(Context ctx) {
        var network = new Network("cluster", NetworkArgs.builder().name("cluster").build());
        var nodes = new dev.portcullis.openstack.networking.Subnet("nodes", dev.portcullis.openstack.networking.SubnetArgs
                .builder().networkId(network.id()).cidr("10.0.0.0/20").ipVersion(4).build());
        var office = new dev.portcullis.openstack.networking.Subnet("office", dev.portcullis.openstack.networking.SubnetArgs
                .builder().networkId(network.id()).cidr("10.0.16.0/24").ipVersion(4).build());
        var amphorae = new SecGroup("lb", SecGroupArgs.builder().name("lb").description("Octavia amphorae").build());
        var scrapers = new AddressGroupV2("scrapers", AddressGroupV2Args.builder().name("scrapers").addresses("10.9.0.0/24").build());

        var groups = new dev.portcullis.openstack.ClusterSecurityGroups("edge", dev.portcullis.openstack.ClusterSecurityGroupsArgs
                .builder().clusterName("edge").distribution("rke2").enableOptions("ingress", "etcd-metrics")
                .peer("ingress-clients", PeerBinding.remoteGroup(amphorae.id()).label("lb"))
                .peer("admins", PeerBinding.ipv4Cidr(office.cidr()).label("office"))
                .peer("monitoring", PeerBinding.addressGroup(scrapers.id()).label("scrapers"))
                .peer("nodeport-clients").peer("pod-network")
                .build(), null);

        for (var role : Catalog.blueprint("rke2").roles()) {
            new dev.portcullis.openstack.networking.Port("edge-" + role.name() + "-port", PortArgs.builder()
                    .networkId(network.id())
                    .fixedIps(PortFixedIpArgs.builder().subnetId(nodes.id()).build())
                    .securityGroupIds(groups.securityGroupIdsFor(role.name())) // waits for every rule
                    .build());
        }
        ctx.export("groupIds", groups.groupIds());
        ctx.export("portMatrix", groups.portMatrix());
    }

}
