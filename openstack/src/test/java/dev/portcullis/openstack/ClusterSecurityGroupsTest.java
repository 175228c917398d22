package dev.portcullis.openstack;

import dev.portcullis.component.testing.RecordingMocks;
import dev.portcullis.component.UserRuleArgs;
import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.core.Output;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestResult;
import dev.portcullis.openstack.networking.SecGroup;
import dev.portcullis.openstack.networking.SecGroupRule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClusterSecurityGroupsTest {

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    static ClusterSecurityGroupsArgs.Builder rke2() {
        return ClusterSecurityGroupsArgs.builder().clusterName("prod").distribution("rke2")
                .peer("admins", "192.0.2.0/24").peer("ingress-clients").peer("nodeport-clients").peer("monitoring");
    }

    private static String failure(ClusterSecurityGroupsArgs args) {
        var mocks = new RecordingMocks();
        TestResult result = PulumiTest.withMocks(mocks).runTest(ctx -> new ClusterSecurityGroups("os", args, null));
        assertThat(result.exceptions()).isNotEmpty();
        assertThat(mocks.registered()).as("nothing may be registered when input is bad").isEmpty();
        Throwable error = result.exceptions().get(0);
        while (error.getCause() != null && !(error instanceof IllegalArgumentException)) {
            error = error.getCause();
        }
        return error.getMessage();
    }

    @Test
    void anOptionThatAddsAPurposeToExistingPortsLeavesTheirRulesUntouched() {
        // Every Neutron rule input replaces the rule, and Neutron would refuse the new copy while the
        // old one exists (its duplicate check ignores descriptions): rule inputs depend on the name only.
        var calico = new RecordingMocks();
        PulumiTest.withMocks(calico).runTest(ctx -> new ClusterSecurityGroups("os", rke2().cni("calico").build(), null))
                .throwOnError();
        PulumiTest.cleanup();
        var windows = new RecordingMocks();
        PulumiTest.withMocks(windows).runTest(ctx -> new ClusterSecurityGroups("os", rke2().cni("calico")
                .enableOptions("windows").build(), null)).throwOnError();

        String vxlan = "os-all-nodes-in-udp-4789-all-nodes-ipv4";
        assertThat(windows.inputs(vxlan)).isEqualTo(calico.inputs(vxlan))
                .containsEntry("description", "UDP 4789 from all nodes");
    }

    @Test
    void rke2DefaultsBecomeGroupsWithoutDefaultRulesAndRemoteGroupRulesPerEthertype() {
        var mocks = new RecordingMocks();
        PulumiTest.withMocks(mocks).runTest(ctx -> new ClusterSecurityGroups("os", rke2().build(), null)).throwOnError();

        assertThat(mocks.names(SecGroup.TYPE)).containsExactly("os-agent", "os-all-nodes", "os-server");
        assertThat(mocks.inputs("os-server")).isEqualTo(Map.of(
                "name", "prod-server",
                "description", "server nodes of cluster prod (Portcullis)",
                "deleteDefaultRules", true,
                "tags", List.of("portcullis-cluster=prod", "portcullis-group=server")));
        assertThat(mocks.names(SecGroupRule.TYPE)).containsExactly(
                "os-all-nodes-in-tcp-10250-all-nodes-ipv4",
                "os-all-nodes-in-tcp-30000-32767-all-nodes-ipv4",
                "os-all-nodes-in-udp-8472-all-nodes-ipv4",
                "os-all-nodes-out-any-ipv4",
                "os-server-in-tcp-2379-2380-server-ipv4",
                "os-server-in-tcp-6443-192.0.2.0_24-ipv4",
                "os-server-in-tcp-6443-all-nodes-ipv4",
                "os-server-in-tcp-9345-all-nodes-ipv4");
        assertThat(mocks.inputs("os-server-in-tcp-9345-all-nodes-ipv4")).isEqualTo(Map.of(
                "direction", "ingress",
                "ethertype", "IPv4",
                "securityGroupId", "os-server",
                "protocol", "tcp",
                "portRangeMin", 9345.0,
                "portRangeMax", 9345.0,
                "remoteGroupId", "os-all-nodes",
                "description", "TCP 9345 from all nodes"));
        assertThat(mocks.inputs("os-all-nodes-out-any-ipv4")).isEqualTo(Map.of(
                "direction", "egress", "ethertype", "IPv4", "securityGroupId", "os-all-nodes",
                "description", "All IPv4 traffic out: egress mode allow-all"));
    }

    @Test
    void dualStackGivesEachGroupReferenceOneRulePerEthertypeAndCidrsTheirOwnFamily() {
        var mocks = new RecordingMocks();
        PulumiTest.withMocks(mocks).runTest(ctx -> new ClusterSecurityGroups("os", rke2().ipFamily("dual").cni("cilium")
                .peer("admins", "2001:db8::/48").build(), null)).throwOnError();
        assertThat(mocks.names(SecGroupRule.TYPE)).contains(
                "os-server-in-tcp-9345-all-nodes-ipv4", "os-server-in-tcp-9345-all-nodes-ipv6",
                "os-server-in-tcp-6443-2001.db8.._48-ipv6", "os-server-in-tcp-6443-192.0.2.0_24-ipv4",
                "os-all-nodes-in-icmp-8-0-all-nodes-ipv4", "os-all-nodes-in-icmpv6-128-0-all-nodes-ipv6",
                "os-all-nodes-out-any-ipv4", "os-all-nodes-out-any-ipv6");
        assertThat(mocks.names(SecGroupRule.TYPE)).doesNotContain("os-server-in-tcp-6443-2001.db8.._48-ipv4",
                "os-all-nodes-in-icmp-8-0-all-nodes-ipv6");
        assertThat(mocks.inputs("os-all-nodes-in-icmpv6-128-0-all-nodes-ipv6")).containsEntry("protocol", "ipv6-icmp")
                .containsEntry("portRangeMin", 128.0).containsEntry("portRangeMax", 0.0).containsEntry("ethertype", "IPv6");
    }

    @Test
    void theProjectQuotaIsCheckedBeforeAnythingIsRegistered() {
        assertThat(failure(rke2().securityGroupRulesInUse(95).build()))
                .isEqualTo("Neutron project quota exceeded: this cluster needs 3 security groups and 8 rules; with 1 groups "
                        + "and 95 rules already in the project that makes 4/10 groups and 103/100 rules. Ways out: ask for a "
                        + "larger security_group / security_group_rule quota and set maxSecurityGroups / maxSecurityGroupRules, "
                        + "use ipFamily ipv4 (dual-stack doubles node-to-node rules), bind fewer CIDRs (an address group counts "
                        + "once per family), or disable options you do not need");
        assertThat(failure(rke2().securityGroupsInUse(8).build())).contains("makes 11/10 groups");
        assertThat(failure(rke2().nodeAddressing("public").build()))
                .startsWith("publicAddresses are missing for roles [server, agent]: with nodeAddressing public, nodes reach "
                        + "each other from their public (elastic, floating) IPs");
        assertThat(failure(rke2().cni("weave").build()))
                .isEqualTo("cni of rke2 'weave' is unknown: allowed values are calico, canal, cilium, flannel, none");
    }

    @Test
    void restrictedEgressDropsAllowAllAndFloatingIpsGetHostRules() {
        var mocks = new RecordingMocks();
        PulumiTest.withMocks(mocks).runTest(ctx -> new ClusterSecurityGroups("os", rke2().egress("restricted")
                .nodeAddressing("public").publicAddresses("server", "203.0.113.10").publicAddresses("agent", "203.0.113.20")
                .build(), null)).throwOnError();
        assertThat(mocks.names(SecGroupRule.TYPE)).noneMatch(n -> n.contains("-out-any-"))
                .contains("os-all-nodes-out-tcp-9345-server-ipv4",
                        "os-server-in-tcp-9345-203.0.113.20_32-ipv4",
                        "os-server-in-tcp-2379-2380-203.0.113.10_32-ipv4")
                .doesNotContain("os-server-in-tcp-2379-2380-203.0.113.20_32-ipv4");
        assertThat(mocks.inputs("os-server-in-tcp-9345-203.0.113.20_32-ipv4"))
                .containsEntry("remoteIpPrefix", "203.0.113.20/32").doesNotContainKey("remoteGroupId")
                .containsEntry("description", "TCP 9345 from 203.0.113.20/32");
    }

    @Test
    void addingOnePortAddsOneRuleAndRenamesNone() {
        var before = new RecordingMocks();
        PulumiTest.withMocks(before).runTest(ctx -> new ClusterSecurityGroups("os", rke2().build(), null)).throwOnError();
        PulumiTest.cleanup();
        var after = new RecordingMocks();
        PulumiTest.withMocks(after).runTest(ctx -> new ClusterSecurityGroups("os", rke2()
                .extraRule(UserRuleArgs.of("admins", "agent", "tcp", "8443", "dashboard")).build(), null))
                .throwOnError();
        Map<String, Map<String, Object>> old = byName(before);
        Map<String, Map<String, Object>> now = byName(after);
        assertThat(now).hasSize(old.size() + 1).containsKey("os-agent-in-tcp-8443-192.0.2.0_24-ipv4");
        old.forEach((name, inputs) -> assertThat(now.get(name)).as(name).isEqualTo(inputs));
    }

    @Test
    void aPortCarriesTheAllNodesGroupAndItsRoleGroupsOnceRulesExist() {
        var mocks = new RecordingMocks();
        AtomicReference<Output<List<String>>> ids = new AtomicReference<>();
        PulumiTest.withMocks(mocks).runTest(ctx -> ids.set(
                new ClusterSecurityGroups("os", rke2().build(), null).securityGroupIdsFor("agent"))).throwOnError();
        assertThat(PulumiTest.extractValue(ids.get())).containsExactly("os-all-nodes", "os-agent");
    }

    private static Map<String, Map<String, Object>> byName(RecordingMocks mocks) {
        Map<String, Map<String, Object>> out = new HashMap<>();
        // The component is left out: its inputs are the args as written, and its update replaces nothing.
        mocks.registered().stream().filter(r -> !r.type.equals(ClusterSecurityGroups.TYPE)).forEach(r -> out.put(r.name, r.inputs));
        return out;
    }
}
