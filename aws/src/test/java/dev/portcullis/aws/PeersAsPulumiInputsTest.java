package dev.portcullis.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.Context;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.SubnetArgs;
import com.pulumi.core.Output;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import dev.portcullis.component.PeerBinding;
import dev.portcullis.component.testing.RecordingMocks;
import dev.portcullis.core.Port;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Peers bound to other resources' outputs: named from the peer and the label, never from a value
 * that may be unknown, so a preview registers every rule under the name the update keeps; and checked
 * by the same gate when the values resolve.
 */
class PeersAsPulumiInputsTest {
    private static final String INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    /** An ALB's group made in the same program, bound as the ingress clients; an admin range from a subnet's output. */
    private static final Consumer<Context> PROGRAM = ctx -> {
            // The mocks' ids are the logical names: this one is named like the group id AWS would return.
            var alb = new SecurityGroup("sg-0a1b0a1b", SecurityGroupArgs.builder().vpcId("vpc-0123abcd").description("ALB").build());
            var office = new Subnet("office", SubnetArgs.builder().vpcId("vpc-0123abcd").cidrBlock("192.0.2.0/24").build());
            Output<String> adminRange = office.cidrBlock().applyValue(range -> range.orElseThrow());
            new ClusterSecurityGroups("fw", ClusterSecurityGroupsArgs.builder().vpcId("vpc-0123abcd").clusterName("prod")
                    .distribution("rke2").enableOptions("ingress")
                    .peer("ingress-clients", PeerBinding.securityGroup(alb.id()).label("alb"))
                    .peer("admins", PeerBinding.ipv4Cidr(adminRange))
                    .peer("nodeport-clients").peer("monitoring").peer("pod-network")
                    .allowFrom(PeerBinding.securityGroup(alb.id()).label("probes"), Port.tcp(10256), "agent")
                    .build(), null);
    };

    @Test
    void aLoadBalancersGroupAndAnAdminRangeFromOutputsBecomeRulesNamedByPeerAndLabel() {
        var mocks = new RecordingMocks();
        PulumiTest.withMocks(mocks).runTest(PROGRAM).throwOnError();
        assertThat(mocks.inputs("fw-all-nodes-in-tcp-443-ingress-clients.alb"))
                .containsEntry("referencedSecurityGroupId", "sg-0a1b0a1b").doesNotContainKey("cidrIpv4")
                .containsEntry("description", "TCP 443 from ingress-clients/alb: ingress controller HTTPS");
        assertThat(mocks.inputs("fw-server-in-tcp-6443-admins.ipv4")).containsEntry("cidrIpv4", "192.0.2.0/24");
        assertThat(mocks.inputs("fw-agent-in-tcp-10256-probes.probes")).containsEntry("referencedSecurityGroupId", "sg-0a1b0a1b");
    }

    @Test
    void aPreviewWithUnknownIdsRegistersEveryGroupAndRuleUnderTheNamesTheUpdateKeeps() {
        var update = new RecordingMocks();
        PulumiTest.withMocks(update).runTest(PROGRAM).throwOnError();
        PulumiTest.cleanup();
        // A new stack: the ALB has no id yet, and the admin range is not known either.
        var preview = RecordingMocks.unknownIds(r -> r.name.equals("sg-0a1b0a1b") || r.name.equals("office"));
        TestResult result = PulumiTest.withOptions(TestOptions.builder().preview(true).build()).withMocks(preview)
                .runTest(PROGRAM);
        result.throwOnError();
        assertThat(names(preview)).isEqualTo(names(update)).contains(
                INGRESS_RULE + " fw-all-nodes-in-tcp-443-ingress-clients.alb", INGRESS_RULE + " fw-server-in-tcp-6443-admins.ipv4");
        assertThat(preview.names(INGRESS_RULE)).hasSize(update.names(INGRESS_RULE).size());
    }

    @Test
    void aPreviewOfAnExistingStackWithOneValueUnknownReplacesNothingElse() {
        // A new load balancer in an existing stack: its group id is unknown, the admin range is known.
        var preview = RecordingMocks.unknownIds(r -> r.name.equals("sg-0a1b0a1b"));
        PulumiTest.withOptions(TestOptions.builder().preview(true).build()).withMocks(preview).runTest(PROGRAM).throwOnError();
        // vpcId forces replacement, so the gate must not make it unknown; the admin rule keeps its own value.
        assertThat(preview.inputs("fw-server")).containsEntry("vpcId", "vpc-0123abcd");
        assertThat(preview.inputs("fw-server-in-tcp-6443-admins.ipv4")).containsEntry("cidrIpv4", "192.0.2.0/24");
    }

    @Test
    void twoBindingsKnownOnlyAtDeploymentNeedTheirOwnLabels() {
        var mocks = new RecordingMocks();
        TestResult result = PulumiTest.withMocks(mocks).runTest(ctx -> new ClusterSecurityGroups("fw",
                ClusterSecurityGroupsArgs.builder().vpcId("vpc-0123abcd").clusterName("prod").distribution("rke2")
                        .peer("admins", PeerBinding.ipv4Cidr(Output.of("192.0.2.0/24")), PeerBinding.ipv4Cidr(Output.of("198.51.100.0/24")))
                        .peer("ingress-clients").peer("nodeport-clients").peer("monitoring").peer("pod-network")
                        .build(), null));
        assertThat(message(result)).isEqualTo("peers.admins: two ipv4 bindings known only at deployment are both named "
                + "'ipv4': give each its own label, e.g. PeerBinding.ipv4Cidr(output).label(\"office\")");
        assertThat(mocks.registered()).isEmpty();
    }

    @Test
    void aTypedValueGivenAsTextIsCheckedAgainstTheCloudsFormBeforeAnythingIsRegistered() {
        var mocks = new RecordingMocks();
        TestResult result = PulumiTest.withMocks(mocks).runTest(ctx -> new ClusterSecurityGroups("fw",
                ClusterSecurityGroupsArgs.builder().vpcId("vpc-0123abcd").clusterName("prod").distribution("rke2")
                        .peer("admins", PeerBinding.securityGroup("alb-sg"))
                        .peer("ingress-clients").peer("nodeport-clients").peer("monitoring").peer("pod-network")
                        .build(), null));
        assertThat(message(result)).isEqualTo("peers.admins[0] 'alb-sg' is not a security group id (sg- and 8 or 17 hex digits)");
        assertThat(mocks.registered()).isEmpty();
    }

    @Test
    void thePolicyOutputReportsLateValuesOnceTheyAreKnown() {
        var mocks = new RecordingMocks();
        var policy = new java.util.concurrent.atomic.AtomicReference<String>();
        PulumiTest.withMocks(mocks).runTest(ctx -> {
            var groups = new ClusterSecurityGroups("fw", ClusterSecurityGroupsArgs.builder().vpcId("vpc-0123abcd")
                    .clusterName("prod").distribution("rke2").peer("admins", PeerBinding.ipv4Cidr(Output.of("203.0.113.0/24")))
                    .peer("ingress-clients").peer("nodeport-clients").peer("monitoring").peer("pod-network").build(), null);
            groups.policyJson().applyValue(json -> {
                policy.set(json);
                return json;
            });
        }).throwOnError();
        assertThat(policy.get()).contains("\"value\": \"203.0.113.0/24\"");
    }

    private static List<String> names(RecordingMocks mocks) {
        return mocks.registered().stream().map(r -> r.type + " " + r.name).sorted().toList();
    }

    @Test
    void aLateValueOfTheWrongFormFailsTheUpdateNamingTheFieldAndCreatesNoGroupOrRule() {
        var mocks = new RecordingMocks();
        TestResult result = PulumiTest.withMocks(mocks).runTest(ctx -> new ClusterSecurityGroups("fw",
                ClusterSecurityGroupsArgs.builder().vpcId("vpc-0123abcd").clusterName("prod").distribution("rke2")
                        .peer("admins", PeerBinding.securityGroup(Output.of("alb-sg")).label("alb"))
                        .peer("ingress-clients").peer("nodeport-clients").peer("monitoring").peer("pod-network")
                        .build(), null));
        assertThat(message(result)).isEqualTo("peers.admins[alb] 'alb-sg' is not a security group id (sg- and 8 "
                + "or 17 hex digits)");
        assertThat(mocks.registered()).extracting(r -> r.type).containsOnly(ClusterSecurityGroups.TYPE);
    }

    @Test
    void aLateInternetWideRangeIsRefusedByTheSameGate() {
        var mocks = new RecordingMocks();
        TestResult result = PulumiTest.withMocks(mocks).runTest(ctx -> new ClusterSecurityGroups("fw",
                ClusterSecurityGroupsArgs.builder().vpcId("vpc-0123abcd").clusterName("prod").distribution("rke2")
                        .peer("admins", PeerBinding.ipv4Cidr(Output.of("0.0.0.0/1")).label("a"),
                                PeerBinding.ipv4Cidr(Output.of("128.0.0.0/1")).label("b"))
                        .peer("ingress-clients").peer("nodeport-clients").peer("monitoring").peer("pod-network")
                        .build(), null));
        assertThat(message(result)).startsWith("internet exposure refused: server nodes would admit TCP 6443 (Kubernetes API "
                + "for kubectl) from 0.0.0.0/1, 128.0.0.0/1 (admins)");
        assertThat(mocks.registered()).extracting(r -> r.type).containsOnly(ClusterSecurityGroups.TYPE);
    }

    @Test
    void twoLabelledBindingsOfOneValueAreRefusedAsDuplicates() {
        TestResult result = PulumiTest.withMocks(new RecordingMocks()).runTest(ctx -> new ClusterSecurityGroups("fw",
                ClusterSecurityGroupsArgs.builder().vpcId("vpc-0123abcd").clusterName("prod").distribution("rke2")
                        .peer("admins", PeerBinding.ipv4Cidr(Output.of("192.0.2.0/24")).label("office"),
                                PeerBinding.ipv4Cidr(Output.of("192.0.2.0/24")).label("vpn"))
                        .peer("ingress-clients").peer("nodeport-clients").peer("monitoring").peer("pod-network")
                        .build(), null));
        assertThat(message(result)).startsWith("rules server-in-tcp-6443-admins.office and server-in-tcp-6443-admins.vpn "
                + "admit the same traffic");
    }

    @Test
    void aPrefixListCountsItsMaximumEntriesAgainstTheQuota() {
        TestResult result = PulumiTest.withMocks(new RecordingMocks()).runTest(ctx -> new ClusterSecurityGroups("fw",
                ClusterSecurityGroupsArgs.builder().vpcId("vpc-0123abcd").clusterName("prod").distribution("rke2")
                        .peer("admins", PeerBinding.prefixList(Output.of("pl-0abc0abc"), 58))
                        .peer("ingress-clients").peer("nodeport-clients").peer("monitoring").peer("pod-network")
                        .build(), null));
        assertThat(message(result)).startsWith("security group quota exceeded: server inbound IPv4 has 61 entries");
    }

    private static String message(TestResult result) {
        assertThat(result.exceptions()).as("the program must fail").isNotEmpty();
        Throwable error = result.exceptions().get(0);
        while (error.getCause() != null && !(error instanceof IllegalArgumentException)) {
            error = error.getCause();
        }
        return error.getMessage();
    }
}
