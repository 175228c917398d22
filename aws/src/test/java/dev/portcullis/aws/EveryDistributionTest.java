package dev.portcullis.aws;

import dev.portcullis.component.testing.RecordingMocks;
import static dev.portcullis.aws.ClusterSecurityGroupsTest.EGRESS;
import static dev.portcullis.aws.ClusterSecurityGroupsTest.GROUP;
import static dev.portcullis.aws.ClusterSecurityGroupsTest.INGRESS;
import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.test.PulumiTest;
import dev.portcullis.core.Blueprint;
import dev.portcullis.core.Direction;
import dev.portcullis.core.FirewallPolicy;
import dev.portcullis.core.FirewallRule;
import dev.portcullis.core.Peer;
import dev.portcullis.core.catalog.Catalog;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every distribution's default policy, registered under the mock engine, rule for rule. */
class EveryDistributionTest {

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    static Stream<String> distributions() {
        return Catalog.all().stream().map(Blueprint::distribution);
    }

    /** Binds every named peer to its own documentation CIDR. */
    static ClusterSecurityGroupsArgs.Builder defaults(String distribution) {
        var args = ClusterSecurityGroupsArgs.builder().vpcId("vpc-00000001").clusterName("c").distribution(distribution);
        int i = 0;
        for (String peer : Catalog.blueprint(distribution).externalPeers().keySet()) {
            args.peer(peer, "198.51.100." + (i++ * 16) + "/28");
        }
        return args;
    }

    @ParameterizedTest
    @MethodSource("distributions")
    void eachPolicyRuleBecomesOneRuleOnItsGroupWithItsSource(String distribution) {
        var mocks = new RecordingMocks();
        AtomicReference<FirewallPolicy> policy = new AtomicReference<>();
        PulumiTest.withMocks(mocks).runTest(ctx -> policy.set(
                new ClusterSecurityGroups("fw", defaults(distribution).build(), null).policy())).throwOnError();

        List<FirewallRule> ingress = policy.get().rules(Direction.INGRESS);
        assertThat(mocks.names(INGRESS)).hasSize(ingress.size());
        for (FirewallRule rule : ingress) {
            var inputs = mocks.inputs("fw-" + rule.key());
            assertThat(inputs.get("securityGroupId")).isEqualTo("fw-" + rule.target().key());
            assertThat(inputs.get("ipProtocol")).isEqualTo(AwsRulePlan.ipProtocol(rule.protocol()));
            assertThat(inputs.get("description")).isEqualTo(rule.description());
            rule.ports().ifPresent(p -> assertThat(List.of(inputs.get("fromPort"), inputs.get("toPort")))
                    .containsExactly((double) p.from(), (double) p.to()));
            if (rule.peer() instanceof Peer.Nodes nodes) {
                assertThat(inputs.get("referencedSecurityGroupId")).isEqualTo("fw-" + nodes.key());
            } else {
                assertThat(inputs.get("cidrIpv4")).isEqualTo(rule.peer().displayName());
            }
        }
        assertThat(mocks.names(GROUP)).hasSize(Catalog.blueprint(distribution).roles().size() + 1);
        assertThat(mocks.names(EGRESS)).containsExactly("fw-all-nodes-out-all-0.0.0.0_0");
        assertThat(mocks.registered().stream().filter(r -> r.type.equals(GROUP))
                .filter(r -> ((java.util.Map<?, ?>) r.inputs.get("tags")).containsKey("kubernetes.io/cluster/c")))
                .as("exactly one group carries the cluster tag").hasSize(1);
    }
}
