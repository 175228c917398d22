package dev.portcullis.aws;

import dev.portcullis.component.testing.RecordingMocks;
import dev.portcullis.component.UserRuleArgs;
import static dev.portcullis.aws.ClusterSecurityGroupsTest.EGRESS;
import static dev.portcullis.aws.ClusterSecurityGroupsTest.GROUP;
import static dev.portcullis.aws.ClusterSecurityGroupsTest.INGRESS;
import static dev.portcullis.aws.ClusterSecurityGroupsTest.rke2;
import static dev.portcullis.aws.ClusterSecurityGroupsTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.Sets;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestResult;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bad input, quotas, addressing and identity: what must hold before and across deployments. */
class ClusterSecurityGroupsGuardsTest {

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    private static String failure(RecordingMocks mocks, ClusterSecurityGroupsArgs args) {
        TestResult result = run(mocks, ctx -> new ClusterSecurityGroups("fw", args, null));
        assertThat(result.exceptions()).as("the program must fail").isNotEmpty();
        assertThat(mocks.registered()).as("nothing may be registered when input is bad").isEmpty();
        Throwable error = result.exceptions().get(0);
        while (error.getCause() != null && !(error instanceof IllegalArgumentException)) {
            error = error.getCause();
        }
        return error.getMessage();
    }

    @Test
    void badInputRegistersNothingAndNamesTheField() {
        assertThat(failure(new RecordingMocks(), rke2().distribution("rke3").build()))
                .isEqualTo("distribution 'rke3' is unknown: allowed values are " + String.join(", ", dev.portcullis.core.catalog.Catalog.names()));
        assertThatThrownBy(() -> rke2().peer("admins", "10.0.0.1/8"))
                .hasMessage("peers.admins[1]: CIDR 10.0.0.1/8 is not canonical: host bits are set. Did you mean 10.0.0.0/8?");
        assertThat(failure(new RecordingMocks(), rke2().egress("deny").build()))
                .isEqualTo("egress 'deny' is unknown: allowed values are allow-all, restricted");
        assertThat(failure(new RecordingMocks(), ClusterSecurityGroupsArgs.builder().vpcId("vpc-00000001").clusterName("c")
                .distribution("rke2").build()))
                .startsWith("external peer 'admins' is not bound, but rke2 needs it for TCP 6443");
        assertThat(failure(new RecordingMocks(), rke2().peer("admins", "0.0.0.0/0").build()))
                .startsWith("internet exposure refused: server nodes would admit TCP 6443 (Kubernetes API for kubectl) from 0.0.0.0/0");
        assertThatThrownBy(() -> rke2().clusterName("prod cluster").build())
                .hasMessage("clusterName 'prod cluster' is invalid: expected letters, digits and '-', at most 63 characters, "
                        + "starting with a letter or digit");
        assertThat(failure(new RecordingMocks(), rke2().extraRule(UserRuleArgs.of("bastion", "server", "tcp", "22", "ssh")).build()))
                .isEqualTo("extraRules[0]: from 'bastion' is unknown: expected all-nodes, a role (server, agent), a named "
                        + "peer, a CIDR (10.0.0.0/16, 2001:db8::/32), a security group id (sg- and 8 or 17 hex digits) or a "
                        + "prefix list id (pl- and 8 or 17 hex digits)");
    }

    @Test
    void aPlanOverTheRuleQuotaFailsWithCountsPerGroupAndTheWaysOut() {
        assertThat(failure(new RecordingMocks(), rke2().maxEntriesPerGroup(3).build()))
                .isEqualTo("security group quota exceeded: server inbound IPv4 has 4 entries "
                        + "(limit 3 per group, direction and IP family). All counts: all-nodes in 3/3 out 1/0, "
                        + "server in 4/3 out 0/0, agent in 0/0 out 0/0 (IPv4/IPv6). Ways out: bind fewer or wider CIDRs (a prefix list "
                        + "counts its max entries), use egress allow-all, disable options you do not need, or raise the limit after AWS "
                        + "raised your 'Inbound or outbound rules per security group' quota");
        assertThat(failure(new RecordingMocks(), ClusterSecurityGroupsArgs.builder().vpcId("vpc-00000001").clusterName("c")
                .distribution("rke1").peer("rancher", "198.51.100.0/24").peer("admins", "192.0.2.0/24")
                .peer("ingress-clients").peer("nodeport-clients").ownGroupsPerInterface(2).build()))
                .startsWith("security groups per network interface exceeded: a node holding every role carries 6 groups");
    }

    @Test
    void publicAddressingNeedsEachRolesAddressesAndAddsHostRulesForThem() {
        assertThat(failure(new RecordingMocks(), rke2().nodeAddressing("public").publicAddresses("server", "203.0.113.10").build()))
                .startsWith("publicAddresses are missing for roles [agent]");

        var mocks = new RecordingMocks();
        run(mocks, ctx -> new ClusterSecurityGroups("fw", rke2().nodeAddressing("public")
                .publicAddresses("server", "203.0.113.10", "203.0.113.11")
                .publicAddresses("agent", "203.0.113.20").build(), null)).throwOnError();
        assertThat(mocks.names(INGRESS)).contains(
                "fw-server-in-tcp-9345-all-nodes",
                "fw-server-in-tcp-9345-203.0.113.10_32",
                "fw-server-in-tcp-9345-203.0.113.20_32",
                "fw-server-in-tcp-2379-2380-203.0.113.11_32");
        assertThat(mocks.names(INGRESS)).doesNotContain("fw-server-in-tcp-2379-2380-203.0.113.20_32");
        assertThat(mocks.inputs("fw-server-in-tcp-9345-203.0.113.20_32"))
                .containsEntry("cidrIpv4", "203.0.113.20/32")
                .containsEntry("description", "TCP 9345 from 203.0.113.20/32: RKE2 supervisor API (public address of agent nodes)");
    }

    @Test
    void addingOnePortAddsExactlyOneResourceAndChangesNone() {
        var before = new RecordingMocks();
        run(before, ctx -> new ClusterSecurityGroups("fw", rke2().build(), null)).throwOnError();
        PulumiTest.cleanup();
        var after = new RecordingMocks();
        run(after, ctx -> new ClusterSecurityGroups("fw", rke2().extraRule(UserRuleArgs.of("admins", "agent", "tcp", "8443", "dashboard")).build(), null))
                .throwOnError();

        Map<String, Map<String, Object>> old = byName(before);
        Map<String, Map<String, Object>> now = byName(after);
        assertThat(now.keySet()).containsAll(old.keySet());
        assertThat(now.keySet()).hasSize(old.size() + 1);
        old.forEach((name, inputs) -> assertThat(now.get(name)).as(name).isEqualTo(inputs));
        assertThat(now).containsKey("fw-agent-in-tcp-8443-192.0.2.0_24");
    }

    @Test
    void aPortNextToAnExistingRangeReplacesThatOneRuleWithTheMergedOne() {
        var before = new RecordingMocks();
        run(before, ctx -> new ClusterSecurityGroups("fw", rke2().build(), null)).throwOnError();
        PulumiTest.cleanup();
        var after = new RecordingMocks();
        run(after, ctx -> new ClusterSecurityGroups("fw", rke2().enableOptions("etcd-metrics").build(), null)).throwOnError();

        Map<String, Map<String, Object>> old = byName(before);
        Map<String, Map<String, Object>> now = byName(after);
        // 2381 joins 2379-2380: the merged rule is a new name, which Pulumi creates before it
        // deletes the old one, so the flow never closes; nothing else changes (the scraper's
        // peer is bound to nothing here).
        assertThat(Sets.difference(old.keySet(), now.keySet()))
                .containsExactly("fw-server-in-tcp-2379-2380-server");
        assertThat(Sets.difference(now.keySet(), old.keySet()))
                .containsExactly("fw-server-in-tcp-2379-2381-server");
        old.forEach((name, inputs) -> {
            if (now.containsKey(name)) {
                assertThat(now.get(name)).as(name).isEqualTo(inputs);
            }
        });
    }

    @Test
    void theSameArgsInAnotherOrderRegisterTheSameResources() {
        var first = new RecordingMocks();
        run(first, ctx -> new ClusterSecurityGroups("fw", rke2().peer("admins", "198.51.100.0/24", "pl-0abc0abc")
                .enableOptions("etcd-metrics", "nodeports").build(), null)).throwOnError();
        PulumiTest.cleanup();
        var second = new RecordingMocks();
        run(second, ctx -> new ClusterSecurityGroups("fw", ClusterSecurityGroupsArgs.builder()
                .peer("monitoring").peer("nodeport-clients").enableOptions("nodeports", "etcd-metrics")
                .peer("admins", "pl-0abc0abc", "198.51.100.0/24", "192.0.2.0/24").peer("ingress-clients")
                .distribution("rke2").clusterName("prod").vpcId("vpc-0123abcd").build(), null)).throwOnError();
        assertThat(byName(second)).isEqualTo(byName(first));
    }

    @Test
    void twoClustersInOneStackNeverCollide() {
        var mocks = new RecordingMocks();
        run(mocks, ctx -> {
            new ClusterSecurityGroups("blue", rke2().clusterName("blue").build(), null);
            new ClusterSecurityGroups("green", rke2().clusterName("green").build(), null);
        }).throwOnError();
        assertThat(mocks.registered().stream().map(r -> r.type + "::" + r.name)).doesNotHaveDuplicates();
        assertThat(mocks.names(GROUP)).hasSize(6);
        assertThat(mocks.inputs("green-all-nodes")).extracting("tags").asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("kubernetes.io/cluster/green", "owned");
    }

    @Test
    void restrictedEgressOpensOnlyWhatTheBlueprintSends() {
        var mocks = new RecordingMocks();
        run(mocks, ctx -> new ClusterSecurityGroups("fw", ClusterSecurityGroupsArgs.builder().vpcId("vpc-00000001")
                .clusterName("dh").distribution("deckhouse").egress("restricted")
                .peer("admins", "192.0.2.0/24").peer("ingress-clients", "0.0.0.0/0").peer("vpn-clients")
                .peer("load-balancers", "sg-0e1b0e1b").peer("nodeport-clients").peer("dns", "198.51.100.53/32")
                .peer("ntp", "198.51.100.123/32").peer("registry", "pl-0e915e90").build(), null)).throwOnError();
        assertThat(mocks.names(EGRESS)).contains(
                "fw-all-nodes-out-udp-53-198.51.100.53_32",
                "fw-all-nodes-out-tcp-53-198.51.100.53_32",
                "fw-all-nodes-out-udp-123-198.51.100.123_32",
                "fw-all-nodes-out-tcp-443-prefix-list-pl-0e915e90");
        assertThat(mocks.names(EGRESS)).noneMatch(n -> n.contains("-out-all-"));
        assertThat(mocks.inputs("fw-frontend-in-tcp-10256-group-sg-0e1b0e1b")).containsEntry("referencedSecurityGroupId", "sg-0e1b0e1b");
    }

    @Test
    void theCompactProfileIsOneAllTrafficReferencePlusThePerPortRulesFromOutside() {
        var mocks = new RecordingMocks();
        run(mocks, ctx -> new ClusterSecurityGroups("fw", rke2().profile("compact").build(), null)).throwOnError();
        assertThat(mocks.names(INGRESS)).containsExactly("fw-all-nodes-in-all-all-nodes", "fw-server-in-tcp-6443-192.0.2.0_24");
        assertThat(mocks.inputs("fw-all-nodes-in-all-all-nodes")).containsEntry("ipProtocol", "-1")
                .containsEntry("referencedSecurityGroupId", "fw-all-nodes").doesNotContainKeys("fromPort", "toPort");
        assertThat(failure(new RecordingMocks(), rke2().profile("loose").build()))
                .isEqualTo("profile 'loose' is unknown: allowed values are least-privilege, compact");
    }

    /**
     * The cloud resources by name. The component itself is left out: its inputs are the args as
     * written (a preview shows them), and a component has no provider, so its update replaces nothing.
     */
    private static Map<String, Map<String, Object>> byName(RecordingMocks mocks) {
        Map<String, Map<String, Object>> out = new HashMap<>();
        mocks.registered().stream().filter(r -> !r.type.equals(ClusterSecurityGroups.TYPE)).forEach(r -> out.put(r.name, r.inputs));
        return out;
    }
}
