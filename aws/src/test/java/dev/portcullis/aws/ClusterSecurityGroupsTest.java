package dev.portcullis.aws;

import dev.portcullis.component.testing.RecordingMocks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClusterSecurityGroupsTest {
    static final String GROUP = "aws:ec2/securityGroup:SecurityGroup";
    static final String INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    static final String EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    static ClusterSecurityGroupsArgs.Builder rke2() {
        return ClusterSecurityGroupsArgs.builder()
                .vpcId("vpc-0123abcd")
                .clusterName("prod")
                .distribution("rke2")
                .peer("admins", "192.0.2.0/24")
                .peer("ingress-clients")
                .peer("nodeport-clients")
                .peer("monitoring");
    }

    static TestResult run(RecordingMocks mocks, Consumer<com.pulumi.Context> program) {
        return PulumiTest.withMocks(mocks).runTest(program);
    }

    @Test
    void rke2DefaultsBecomeThreeGroupsAndReferencedRules() {
        var mocks = new RecordingMocks();
        run(mocks, ctx -> new ClusterSecurityGroups("fw", rke2().build(), null)).throwOnError();

        assertThat(mocks.names(GROUP)).containsExactly("fw-agent", "fw-all-nodes", "fw-server");
        assertThat(mocks.inputs("fw-all-nodes")).contains(
                entry("vpcId", "vpc-0123abcd"),
                entry("description", "All nodes of cluster prod (Portcullis)"),
                entry("revokeRulesOnDelete", true),
                entry("tags", Map.of("Name", "prod-all-nodes", "portcullis.dev/group", "all-nodes",
                        "kubernetes.io/cluster/prod", "owned")));
        assertThat(mocks.inputs("fw-server")).extracting("tags")
                .isEqualTo(Map.of("Name", "prod-server", "portcullis.dev/group", "server"));

        assertThat(mocks.names(INGRESS)).containsExactly(
                "fw-all-nodes-in-tcp-10250-all-nodes",
                "fw-all-nodes-in-tcp-30000-32767-all-nodes",
                "fw-all-nodes-in-udp-8472-all-nodes",
                "fw-server-in-tcp-2379-2380-server",
                "fw-server-in-tcp-6443-192.0.2.0_24",
                "fw-server-in-tcp-6443-all-nodes",
                "fw-server-in-tcp-9345-all-nodes");
        assertThat(mocks.inputs("fw-server-in-tcp-9345-all-nodes")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "securityGroupId", "fw-server",
                "referencedSecurityGroupId", "fw-all-nodes",
                "ipProtocol", "tcp",
                "fromPort", 9345.0,
                "toPort", 9345.0,
                "description", "TCP 9345 from all nodes: RKE2 supervisor API"));
        assertThat(mocks.inputs("fw-server-in-tcp-6443-192.0.2.0_24"))
                .containsEntry("cidrIpv4", "192.0.2.0/24")
                .doesNotContainKeys("referencedSecurityGroupId", "cidrIpv6", "prefixListId");
        assertThat(mocks.names(EGRESS)).containsExactly("fw-all-nodes-out-all-0.0.0.0_0");
        assertThat(mocks.inputs("fw-all-nodes-out-all-0.0.0.0_0")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "securityGroupId", "fw-all-nodes", "ipProtocol", "-1", "cidrIpv4", "0.0.0.0/0",
                "description", "All traffic to 0.0.0.0/0: egress mode allow-all"));
    }

    @Test
    void everyRuleHasExactlyOneSourceAndEveryChildIsParentedToTheComponent() {
        var mocks = new RecordingMocks();
        var result = run(mocks, ctx -> new ClusterSecurityGroups("fw", rke2().egress("restricted").ipFamily("dual")
                .peer("admins", "2001:db8::/48", "pl-0abc0abc", "sg-01b01b01").build(), null)).throwOnError();

        for (var rule : mocks.registered()) {
            if (rule.type.equals(INGRESS) || rule.type.equals(EGRESS)) {
                assertThat(rule.inputs.keySet().stream()
                        .filter(k -> List.of("referencedSecurityGroupId", "cidrIpv4", "cidrIpv6", "prefixListId").contains(k)))
                        .as(rule.name).hasSize(1);
            }
        }
        List<String> urns = new ArrayList<>();
        for (Resource resource : result.resources()) {
            urns.add(PulumiTest.extractValue(resource.urn()));
        }
        assertThat(urns).doesNotHaveDuplicates();
        assertThat(urns.stream().filter(u -> u.contains("$aws:")))
                .hasSize(mocks.registered().size() - 1)
                .allMatch(u -> u.contains("Stack$portcullis:aws:ClusterSecurityGroups$aws:"));
        assertThat(mocks.names(INGRESS)).contains("fw-server-in-tcp-6443-2001.db8.._48", "fw-server-in-tcp-6443-prefix-list-pl-0abc0abc",
                "fw-server-in-tcp-6443-group-sg-01b01b01");
        assertThat(mocks.names(EGRESS)).contains("fw-all-nodes-out-tcp-9345-server", "fw-all-nodes-out-udp-8472-all-nodes");
    }

    @Test
    void aNodeGetsTheAllNodesGroupAndItsRoleGroupsOnceTheRulesExist() {
        var mocks = new RecordingMocks();
        AtomicReference<Output<List<String>>> ids = new AtomicReference<>();
        run(mocks, ctx -> {
            var groups = new ClusterSecurityGroups("fw", ClusterSecurityGroupsArgs.builder().vpcId("vpc-00000001")
                    .clusterName("c1").distribution("rke1").peer("rancher", "198.51.100.0/24").peer("admins", "192.0.2.0/24")
                    .peer("ingress-clients").peer("nodeport-clients").build(), null);
            ids.set(groups.securityGroupIdsFor("etcd", "controlplane"));
        }).throwOnError();
        assertThat(PulumiTest.extractValue(ids.get())).containsExactly("fw-all-nodes", "fw-etcd", "fw-controlplane");
    }
}
