package dev.portcullis.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import dev.portcullis.core.Cidr;
import dev.portcullis.core.ClusterSpec;
import dev.portcullis.core.EgressMode;
import dev.portcullis.core.FirewallPolicy;
import dev.portcullis.core.InternetExposure;
import dev.portcullis.core.NodeAddressing;
import dev.portcullis.core.Peer;
import dev.portcullis.core.PolicyCompiler;
import dev.portcullis.core.catalog.Catalog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GroupAuditTest {
    static final String ALL = "sg-0a11a11a11a11a11a";
    static final String CP = "sg-0c0c0c0c0c0c0c0c0";
    static final String WORKER = "sg-0b0b0b0b0b0b0b0b0";

    static FirewallPolicy kubeadm() {
        return PolicyCompiler.compile(ClusterSpec.builder(Catalog.blueprint("kubeadm")).leaveExternalPeersUnbound().build());
    }

    static GroupAudit.Settings settings(Cloud cloud, NodeAddressing addressing, EgressMode egress, String... groups) {
        return new GroupAudit.Settings(cloud, GroupMapping.parse(cloud, Catalog.blueprint("kubeadm"), List.of(groups)), addressing,
                ImmutableList.of(), egress, "prod");
    }

    static AuditReport aws(FirewallPolicy policy, AuditInput input, String... groups) {
        return GroupAudit.audit(policy, settings(Cloud.AWS, NodeAddressing.PRIVATE, EgressMode.ALLOW_ALL, groups), List.of(input));
    }

    static Finding finding(AuditReport report, String id) {
        return SocketAuditTest.finding(report, id);
    }

    /** describe-security-group-rules JSON from rows: id, group, egress, protocol, from, to, source. */
    static AuditInput rules(String... rows) {
        List<String> objects = new ArrayList<>();
        for (String row : rows) {
            String[] f = row.split(" ");
            String source = f[6].startsWith("sg-") ? "\"ReferencedGroupInfo\": {\"GroupId\": \"" + f[6] + "\"}"
                    : f[6].startsWith("pl-") ? "\"PrefixListId\": \"" + f[6] + "\""
                    : (f[6].contains(":") ? "\"CidrIpv6\": \"" : "\"CidrIpv4\": \"") + f[6] + "\"";
            objects.add("{\"SecurityGroupRuleId\": \"" + f[0] + "\", \"GroupId\": \"" + f[1] + "\", \"IsEgress\": " + f[2]
                    + ", \"IpProtocol\": \"" + f[3] + "\", \"FromPort\": " + f[4] + ", \"ToPort\": " + f[5] + ", " + source + "}");
        }
        return new AuditInput("rules.json", "{\"SecurityGroupRules\": [\n" + String.join(",\n", objects) + "\n]}");
    }

    @Nested
    class AnAwsClusterWithAnAllTrafficSelfRuleAndTheKubeletOpenToTheInternet {
        final AuditReport report = aws(kubeadm(), Fixtures.input("groups/aws-describe-security-group-rules.json"),
                "all-nodes=" + ALL, "control-plane=" + CP, "worker=" + WORKER);

        @Test
        void theKubeletOpenToTheInternetIsCritical() {
            Finding kubelet = finding(report, "internet-exposed:sgr-0c0c0c0c0c0c00002");
            assertThat(kubelet.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(kubelet.protocol()).isEqualTo("tcp");
            assertThat(kubelet.ports()).isEqualTo("10250");
            assertThat(kubelet.subject()).isEqualTo("sgr-0c0c0c0c0c0c00002 (sg-0c0c0c0c0c0c0c0c0 inbound TCP 10250 from 0.0.0.0/0)");
            assertThat(kubelet.message()).isEqualTo("sgr-0c0c0c0c0c0c00002 (sg-0c0c0c0c0c0c0c0c0 inbound TCP 10250 from 0.0.0.0/0) "
                    + "opens TCP 10250 on control-plane nodes to the whole internet; the catalog does not mark them (Kubelet API) public");
            assertThat(kubelet.policy().entry()).isEqualTo("all-nodes-in-tcp-10250-control-plane");
            assertThat(kubelet.locations()).containsExactly(new Location("aws-describe-security-group-rules.json", 41));
        }

        @Test
        void theAllTrafficSelfRuleIsTheCompactProfileWithTheCountOfPortsBeyondTheRequired() {
            Finding compact = finding(report, "compact-profile:sgr-0a1b2c3d4e5f60001");
            assertThat(compact.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(compact.message()).startsWith("compact profile: 125530 ports beyond the required. ")
                    .endsWith("where the policy needs 5540 TCP and UDP ports and no other protocol");
            assertThat(compact.policy().entry()).contains("control-plane-in-tcp-6443-all-nodes");
        }

        @Test
        void itFailsAtHighAndTheRestIsJudgedToo() {
            assertThat(report.hasAtLeast(Severity.HIGH)).isTrue();
            assertThat(report.findings()).extracting(Finding::id).containsExactly(
                    "internet-exposed:sgr-0c0c0c0c0c0c00002",
                    "compact-profile:sgr-0a1b2c3d4e5f60001",
                    "excess-rule:sgr-0c0c0c0c0c0c00003",
                    "closed-to-outside:worker-in-udp-30000-32767-nodeport-clients",
                    "public-by-design:sgr-0b0b0b0b0b0b00001");
            assertThat(report.notes()).contains("rules of groups not given with --group were not judged: sg-0d0d0d0d0d0d0d0d0 (1 rules)");
        }

        @Test
        void theNodePortsOpenToTheInternetArePublicByDesign() {
            Finding nodePorts = finding(report, "public-by-design:sgr-0b0b0b0b0b0b00001");
            assertThat(nodePorts.severity()).isEqualTo(Severity.INFO);
            assertThat(nodePorts.policy().entry()).isEqualTo("requirement: TCP 30000-32767 NodePort Services");
        }

        @Test
        void itEndsWithTheProgramAndTheImportCommands() {
            AuditReport.Remediation remediation = report.remediation().orElseThrow();
            assertThat(remediation.program()).contains(
                    ".peer(\"admins\", \"203.0.113.0/24\") // 203.0.113.0/24 in sgr-0c0c0c0c0c0c00001",
                    ".peer(\"load-balancers\", \"10.0.0.0/16\") // 10.0.0.0/16 in sgr-0b0b0b0b0b0b00002",
                    ".peer(\"nodeport-clients\", \"0.0.0.0/0\") // 0.0.0.0/0 in sgr-0b0b0b0b0b0b00001",
                    ".distribution(\"kubeadm\")");
            assertThat(remediation.program()).doesNotContain("10250");
            assertThat(remediation.imports()).containsExactly(
                    "pulumi import aws:ec2/securityGroup:SecurityGroup all-nodes-sg-0a11a11a11a11a11a sg-0a11a11a11a11a11a",
                    "pulumi import aws:ec2/securityGroup:SecurityGroup control-plane-sg-0c0c0c0c0c0c0c0c0 sg-0c0c0c0c0c0c0c0c0",
                    "pulumi import aws:ec2/securityGroup:SecurityGroup worker-sg-0b0b0b0b0b0b0b0b0 sg-0b0b0b0b0b0b0b0b0",
                    "pulumi import aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule all-nodes-in-sgr-0a1b2c3d4e5f60001 sgr-0a1b2c3d4e5f60001",
                    "pulumi import aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule all-nodes-out-sgr-0a1b2c3d4e5f60002 sgr-0a1b2c3d4e5f60002",
                    "pulumi import aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule control-plane-in-sgr-0c0c0c0c0c0c00001 sgr-0c0c0c0c0c0c00001",
                    "pulumi import aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule control-plane-in-sgr-0c0c0c0c0c0c00002 sgr-0c0c0c0c0c0c00002",
                    "pulumi import aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule control-plane-in-sgr-0c0c0c0c0c0c00003 sgr-0c0c0c0c0c0c00003",
                    "pulumi import aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule worker-in-sgr-0b0b0b0b0b0b00001 sgr-0b0b0b0b0b0b00001",
                    "pulumi import aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule worker-in-sgr-0b0b0b0b0b0b00002 sgr-0b0b0b0b0b0b00002");
        }
    }

    @Nested
    class TheSameClusterOnOpenStack {
        static final String OS_ALL = "5a0c3c2e-1111-4a5b-9c8d-000000000001";
        static final String OS_CP = "6b1d4d3f-2222-4b6c-8d9e-000000000002";
        static final String OS_WORKER = "7c2e5e4a-3333-4c7d-9e0f-000000000003";
        final AuditReport report = GroupAudit.audit(kubeadm(), settings(Cloud.OPENSTACK, NodeAddressing.PRIVATE, EgressMode.ALLOW_ALL,
                "all-nodes=" + OS_ALL, "control-plane=" + OS_CP, "worker=" + OS_WORKER),
                List.of(Fixtures.input("groups/openstack-rule-list.json")));

        @Test
        void theKubeletOpenToTheInternetIsCriticalAndTheSelfRuleIsTheCompactProfile() {
            Finding kubelet = finding(report, "internet-exposed:2b3c4d5e-0000-4000-8000-000000000004");
            assertThat(kubelet.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(kubelet.ports()).isEqualTo("10250");
            assertThat(kubelet.locations()).containsExactly(new Location("openstack-rule-list.json", 35));
            assertThat(finding(report, "compact-profile:0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0").message())
                    .startsWith("compact profile: 125530 ports beyond the required. ");
            assertThat(report.hasAtLeast(Severity.HIGH)).isTrue();
        }

        @Test
        void aRemoteGroupWinsOverTheIpRangeTheClientFillsIn() {
            // Both rows carry the client's "IP Range": "0.0.0.0/0"; neither is judged as the internet.
            assertThat(report.findings()).extracting(Finding::id)
                    .doesNotContain("internet-exposed:0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0",
                            "excess-rule:3c4d5e6f-0000-4000-8000-000000000008");
            // The remote group is the source: all traffic from the cluster's own group, the compact profile.
            assertThat(finding(report, "compact-profile:0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0").subject()).isEqualTo(
                    "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0 (" + OS_ALL + " inbound all traffic from group " + OS_ALL + ")");
            // The remote address group is the source: an outside party standing for load-balancers.
            assertThat(report.remediation().orElseThrow().program()).contains(".peer(\"load-balancers\") // address group "
                    + "9e4a7a6c-5555-4e9f-8a1b-000000000005 in 3c4d5e6f-0000-4000-8000-000000000008");
        }

        @Test
        void pingFromTheInternetIsBeyondThePolicy() {
            Finding ping = finding(report, "excess-rule:3c4d5e6f-0000-4000-8000-000000000007");
            assertThat(ping.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(ping.protocol()).isEqualTo("icmp-8-0");
        }

        @Test
        void theImportCommandsUseTheOpenStackTypes() {
            assertThat(report.remediation().orElseThrow().imports()).contains(
                    "pulumi import openstack:networking/secGroup:SecGroup all-nodes-" + OS_ALL + " " + OS_ALL,
                    "pulumi import openstack:networking/secGroupRule:SecGroupRule control-plane-in-2b3c4d5e-0000-4000-8000-000000000004 "
                            + "2b3c4d5e-0000-4000-8000-000000000004");
            assertThat(report.remediation().orElseThrow().program()).contains("dev.portcullis.openstack.ClusterSecurityGroups(")
                    .contains(".peer(\"load-balancers\") // address group 9e4a7a6c-5555-4e9f-8a1b-000000000005 in "
                            + "3c4d5e6f-0000-4000-8000-000000000008: bind its CIDRs instead")
                    .doesNotContain("vpcId");
        }
    }

    @Nested
    class LeastPrivilegeGroupsWithGaps {
        final AuditInput input = Fixtures.input("groups/aws-describe-security-groups.json");
        final String[] groups = {"all-nodes=sg-0e1e1e1e1e1e1e1e1", "control-plane=sg-0f2f2f2f2f2f2f2f2", "worker=sg-0d3d3d3d3d3d3d3d3"};

        @Test
        void flowsTheClusterNeedsAndNoRuleAdmitsAreMissingWithTheRuleThatWouldAddThem() {
            AuditReport report = aws(kubeadm(), input, groups);
            Finding etcd = finding(report, "missing-flow:control-plane-in-tcp-2379-2380-control-plane");
            assertThat(etcd.severity()).isEqualTo(Severity.HIGH);
            assertThat(etcd.message()).isEqualTo("the live groups do not admit all of TCP 2379-2380 from control-plane nodes "
                    + "(etcd server client API): TCP 2380 is missing for control-plane nodes from control-plane nodes");
            assertThat(etcd.fix()).isEqualTo("add an inbound rule on sg-0f2f2f2f2f2f2f2f2: TCP 2380 from group sg-0f2f2f2f2f2f2f2f2 "
                    + "(policy rule control-plane-in-tcp-2379-2380-control-plane)");
            Finding nodePorts = finding(report, "missing-flow:worker-in-udp-30000-32767-all-nodes");
            assertThat(nodePorts.message()).endsWith("UDP 30000-32767 is missing for worker nodes from control-plane nodes, "
                    + "worker nodes from worker nodes");
        }

        @Test
        void aPrivateCidrStandingForNodesShouldBeAReference() {
            Finding cidr = finding(aws(kubeadm(), input, groups), "cidr-for-nodes:sg-0e1e1e1e1e1e1e1e1/in/tcp-10250/10.0.0.0/16");
            assertThat(cidr.severity()).isEqualTo(Severity.LOW);
            assertThat(cidr.fix()).isEqualTo("replace the CIDR with a reference to group sg-0f2f2f2f2f2f2f2f2 (what Portcullis creates)");
            assertThat(cidr.locations()).containsExactly(new Location("aws-describe-security-groups.json", 11));
        }

        @Test
        void withPublicAddressingReferencesCannotMatchAndTheirFlowsAreMissing() {
            AuditReport report = GroupAudit.audit(kubeadm(), settings(Cloud.AWS, NodeAddressing.PUBLIC, EgressMode.ALLOW_ALL, groups),
                    List.of(input));
            Finding api = finding(report, "reference-public-addressing:sg-0f2f2f2f2f2f2f2f2/in/tcp-6443/sg-0e1e1e1e1e1e1e1e1");
            assertThat(api.severity()).isEqualTo(Severity.HIGH);
            assertThat(api.message()).isEqualTo("sg-0f2f2f2f2f2f2f2f2/in/tcp-6443/sg-0e1e1e1e1e1e1e1e1 (sg-0f2f2f2f2f2f2f2f2 inbound "
                    + "TCP 6443 from group sg-0e1e1e1e1e1e1e1e1) carries node-to-node flows by group reference, but nodes reach each "
                    + "other over public addresses, which no reference matches: those flows are cut");
            assertThat(report.findings()).extracting(Finding::id).contains("missing-flow:control-plane-in-tcp-6443-all-nodes")
                    .noneMatch(id -> id.startsWith("cidr-for-nodes"));
            assertThat(report.remediation().orElseThrow().program()).contains(".nodeAddressing(\"public\")");
        }

        @Test
        void describeSecurityGroupsHasNoRuleIdsSoTheImportsSayHowToGetThem() {
            AuditReport report = aws(kubeadm(), input, groups);
            assertThat(report.remediation().orElseThrow().imports()).last().asString()
                    .startsWith("# describe-security-groups lists no rule ids: run aws ec2 describe-security-group-rules");
            assertThat(report.remediation().orElseThrow().program()).contains(".vpcId(\"vpc-0123456789abcdef0\")",
                    ".peer(\"admins\", \"203.0.113.0/24\", \"pl-0a1b2c3d4e5f67890\")");
        }
    }

    @Test
    void ruleMatchingTheInternetOnPartOfItsPortsIsCriticalForThatPartAndPublicForTheRest() {
        AuditReport report = aws(kubeadm(), rules("sgr-1 " + WORKER + " false tcp 29000 31000 0.0.0.0/0"), "worker=" + WORKER);
        assertThat(finding(report, "internet-exposed:sgr-1").ports()).isEqualTo("29000-29999");
        assertThat(finding(report, "public-by-design:sgr-1").ports()).isEqualTo("30000-31000");
    }

    @Test
    void internetWideIsJudgedOnTheUnionOfTheSourcesOfAPort() {
        // Each half of a /9's worth of public space is below the threshold; together they are internet-wide.
        AuditReport report = aws(kubeadm(), rules("sgr-1 " + CP + " false tcp 10250 10250 17.0.0.0/10",
                "sgr-2 " + CP + " false tcp 10250 10250 17.64.0.0/10"), "control-plane=" + CP);
        assertThat(InternetExposure.isInternetWide(List.of(Cidr.parse("17.0.0.0/10")))).isFalse();
        assertThat(InternetExposure.isInternetWide(List.of(Cidr.parse("17.0.0.0/10"), Cidr.parse("17.64.0.0/10")))).isTrue();
        assertThat(report.findings()).anyMatch(f -> f.id().equals("internet-exposed:sgr-1"))
                .anyMatch(f -> f.id().equals("internet-exposed:sgr-2"));
        assertThat(finding(report, "internet-exposed:sgr-1").message()).contains("(together with sgr-2)");
    }

    @Test
    void theUnionLogicReportsTheRulesAWideUnionCannotDoWithout() {
        // Internet-wide by address arithmetic alone: the IPv4 sources cover all 2^32 addresses.
        java.util.function.Predicate<java.util.Collection<Cidr>> covers = cidrs -> {
            com.google.common.collect.RangeSet<Long> space = com.google.common.collect.TreeRangeSet.create();
            for (Cidr c : cidrs) {
                long start = new java.math.BigInteger(1, c.network().getAddress()).longValue();
                space.add(com.google.common.collect.Range.closedOpen(start, start + (1L << (32 - c.prefixLength()))));
            }
            return space.encloses(com.google.common.collect.Range.closedOpen(0L, 1L << 32));
        };
        AuditInput input = rules("sgr-1 " + CP + " false tcp 10250 10260 0.0.0.0/1", "sgr-2 " + CP + " false tcp 10255 10270 128.0.0.0/1",
                "sgr-3 " + CP + " false tcp 10250 10250 10.0.0.0/8");
        GroupAudit.Settings settings = settings(Cloud.AWS, NodeAddressing.PRIVATE, EgressMode.ALLOW_ALL, "control-plane=" + CP);
        LiveGroups live = new LiveGroups(kubeadm(), settings, LiveRules.read(Cloud.AWS, input).rules());
        List<Finding> findings = InternetSweep.findings(live, InternetSweep.sweep(live, covers));
        assertThat(findings).extracting(Finding::id, Finding::ports)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("internet-exposed:sgr-1", "10255-10260"),
                        org.assertj.core.groups.Tuple.tuple("internet-exposed:sgr-2", "10255-10260"));
        assertThat(findings.get(0).message()).contains("(together with sgr-2)");
    }

    @Test
    void allTrafficFromTheInternetIsCriticalOnEveryPrivatePort() {
        AuditReport report = aws(kubeadm(), rules("sgr-9 " + ALL + " false -1 -1 -1 0.0.0.0/0"), "all-nodes=" + ALL);
        Finding all = finding(report, "internet-exposed:sgr-9");
        assertThat(all.ports()).isEqualTo("TCP 1-65535, UDP 1-65535");
        assertThat(all.message()).contains("on control-plane, worker nodes to the whole internet").contains("and every other protocol");
    }

    @Test
    void aBoundPeerIsHeldToItsNetworks() {
        FirewallPolicy policy = PolicyCompiler.compile(ClusterSpec.builder(Catalog.blueprint("kubeadm"))
                .bind("admins", Peer.cidr("203.0.113.0/24")).leaveExternalPeersUnbound().build());
        AuditReport report = aws(policy, rules("sgr-1 " + CP + " false tcp 6443 6443 198.51.100.0/24"), "control-plane=" + CP);
        assertThat(finding(report, "excess-rule:sgr-1").severity()).isEqualTo(Severity.MEDIUM);
        Finding missing = finding(report, "missing-flow:control-plane-in-tcp-6443-203.0.113.0_24");
        assertThat(missing.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(report.remediation().orElseThrow().program()).contains(".peer(\"admins\", \"203.0.113.0/24\") // as --peer bound it");
    }

    @Test
    void egressIsJudgedOnlyWhenRestricted() {
        AuditInput input = rules("sgr-1 " + ALL + " true tcp 22 22 198.51.100.7/32", "sgr-2 " + ALL + " true -1 -1 -1 0.0.0.0/0");
        assertThat(aws(kubeadm(), input, "all-nodes=" + ALL).findings()).extracting(Finding::id)
                .noneMatch(id -> id.startsWith("excess-rule"));
        AuditReport restricted = GroupAudit.audit(kubeadm(), settings(Cloud.AWS, NodeAddressing.PRIVATE, EgressMode.RESTRICTED,
                "all-nodes=" + ALL), List.of(input));
        assertThat(restricted.findings()).extracting(Finding::id).contains("excess-rule:sgr-1", "excess-rule:sgr-2");
    }

    @Test
    void rolesWithoutAGroupAreSaidToBeUnchecked() {
        AuditReport report = aws(kubeadm(), rules("sgr-1 " + CP + " false tcp 6443 6443 " + CP), "control-plane=" + CP);
        assertThat(report.notes()).contains("no live group is mapped to worker (or all-nodes): flows to worker nodes were not "
                + "checked; add --group worker=ID");
    }

    @Test
    void groupMappingsAreValidatedWithTheAllowedRoles() {
        var kubeadm = Catalog.blueprint("kubeadm");
        assertThatThrownBy(() -> GroupMapping.parse(Cloud.AWS, kubeadm, List.of(WORKER))).hasMessage(
                "--group '" + WORKER + "' is malformed: expected ROLE=ID with ROLE one of all-nodes, control-plane, worker");
        assertThatThrownBy(() -> GroupMapping.parse(Cloud.AWS, kubeadm, List.of("server=" + WORKER))).hasMessage(
                "--group role 'server' is unknown for kubeadm: allowed values are all-nodes, control-plane, worker");
        assertThatThrownBy(() -> GroupMapping.parse(Cloud.AWS, kubeadm, List.of("worker=" + WORKER, "control-plane=" + WORKER)))
                .hasMessage("--group id '" + WORKER + "' is mapped to worker and to control-plane: map it once (all-nodes="
                        + WORKER + " if every node carries it)");
        assertThatThrownBy(() -> GroupMapping.parse(Cloud.AWS, kubeadm, List.of())).hasMessage(
                "--group is missing: map at least one live group to a role, as ROLE=ID");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} {1}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "AWS       | worker=sg-1                                  | --group worker 'sg-1' is not a security group id (sg- and 8 or 17 hex digits)",
            "AWS       | \"worker= \"                                 | --group worker '' is not a security group id (sg- and 8 or 17 hex digits)",
            "AWS       | worker=sg-0b0b0b0b0b0b0b0b0;touch${IFS}x     | --group worker 'sg-0b0b0b0b0b0b0b0b0;touch${IFS}x' is not a security group id (sg- and 8 or 17 hex digits)",
            "AWS       | worker=sg-0B0B0B0B                           | --group worker 'sg-0B0B0B0B' is not a security group id (sg- and 8 or 17 hex digits)",
            "AWS       | all-nodes=7c2e5e4a-3333-4c7d-9e0f-000000000003 | --group all-nodes '7c2e5e4a-3333-4c7d-9e0f-000000000003' is not a security group id (sg- and 8 or 17 hex digits)",
            "OPENSTACK | worker=sg-0b0b0b0b0b0b0b0b0                  | --group worker 'sg-0b0b0b0b0b0b0b0b0' is not a security group UUID (lower-case)",
            "OPENSTACK | worker=7C2E5E4A-3333-4C7D-9E0F-000000000003  | --group worker '7C2E5E4A-3333-4C7D-9E0F-000000000003' is not a security group UUID (lower-case)",
            "OPENSTACK | worker=$(id)                                 | --group worker '$(id)' is not a security group UUID (lower-case)",
    })
    void groupIdsMustHaveTheCloudsFormBecauseTheyEndUpInShellCommands(Cloud cloud, String entry, String message) {
        assertThatThrownBy(() -> GroupMapping.parse(cloud, Catalog.blueprint("kubeadm"), List.of(entry))).hasMessage(message);
    }

    @Test
    void groupIdsOfTheCloudsFormAreAccepted() {
        var kubeadm = Catalog.blueprint("kubeadm");
        assertThat(GroupMapping.parse(Cloud.AWS, kubeadm, List.of("worker=sg-0b0b0b0b", "control-plane=" + CP)).scopes())
                .containsOnlyKeys("sg-0b0b0b0b", CP);
        assertThat(GroupMapping.parse(Cloud.OPENSTACK, kubeadm, List.of("worker=7c2e5e4a-3333-4c7d-9e0f-000000000003")).scopes())
                .containsOnlyKeys("7c2e5e4a-3333-4c7d-9e0f-000000000003");
    }

    @Nested
    class ARuleListedMoreThanOnce {
        final AuditInput kubelet = rules("sgr-1 " + CP + " false tcp 10250 10250 0.0.0.0/0");

        @Test
        void isJudgedOnceWhenTheSameListingIsGivenTwice() {
            AuditReport report = GroupAudit.audit(kubeadm(), settings(Cloud.AWS, NodeAddressing.PRIVATE, EgressMode.ALLOW_ALL,
                    "control-plane=" + CP), List.of(new AuditInput("a.json", kubelet.text()), new AuditInput("b.json", kubelet.text())));
            assertThat(report.findings()).filteredOn(f -> f.id().equals("internet-exposed:sgr-1")).singleElement()
                    .extracting(Finding::locations).isEqualTo(List.of(new Location("a.json", 2)));
            assertThat(report.inputs()).containsExactly("a.json", "b.json");
        }

        @Test
        void isJudgedOnceWhenOneListingRepeatsIt() {
            AuditReport report = aws(kubeadm(), rules("sgr-1 " + CP + " false tcp 10250 10250 0.0.0.0/0",
                    "sgr-1 " + CP + " false tcp 10250 10250 0.0.0.0/0"), "control-plane=" + CP);
            assertThat(report.findings()).extracting(Finding::id).containsOnlyOnce("internet-exposed:sgr-1");
        }

        @Test
        void isJudgedOnceWhenTwoGroupListingsShareAGroup() {
            String text = Fixtures.text("groups/aws-describe-security-groups.json");
            String[] groups = {"all-nodes=sg-0e1e1e1e1e1e1e1e1", "control-plane=sg-0f2f2f2f2f2f2f2f2", "worker=sg-0d3d3d3d3d3d3d3d3"};
            AuditReport once = aws(kubeadm(), new AuditInput("groups.json", text), groups);
            AuditReport twice = GroupAudit.audit(kubeadm(), settings(Cloud.AWS, NodeAddressing.PRIVATE, EgressMode.ALLOW_ALL, groups),
                    List.of(new AuditInput("groups.json", text), new AuditInput("again.json", text)));
            assertThat(twice.findings()).isEqualTo(once.findings());
        }

        @Test
        void isRefusedWhenItsIdComesWithTwoContentsNamingBothPlaces() {
            AuditInput other = rules("sgr-1 " + CP + " false tcp 10250 10255 0.0.0.0/0");
            assertThatThrownBy(() -> GroupAudit.audit(kubeadm(), settings(Cloud.AWS, NodeAddressing.PRIVATE, EgressMode.ALLOW_ALL,
                    "control-plane=" + CP), List.of(new AuditInput("monday.json", kubelet.text()), new AuditInput("tuesday.json", other.text()))))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("rule sgr-1 is listed twice with different ports: in input 'monday.json' line 2 and in input "
                            + "'tuesday.json' line 2; give listings taken at one time, each rule once");
        }
    }
}
