package dev.portcullis.openstack;

import dev.portcullis.component.testing.RecordingMocks;
import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.test.PulumiTest;
import dev.portcullis.core.Blueprint;
import dev.portcullis.core.Direction;
import dev.portcullis.core.FirewallPolicy;
import dev.portcullis.core.FirewallRule;
import dev.portcullis.core.IpFamily;
import dev.portcullis.core.Peer;
import dev.portcullis.core.catalog.Catalog;
import dev.portcullis.openstack.networking.SecGroup;
import dev.portcullis.openstack.networking.SecGroupRule;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every distribution's default policy in Neutron, dual-stack: a rule per policy rule and ethertype. */
class EveryDistributionTest {

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    static Stream<String> distributions() {
        return Catalog.all().stream().map(Blueprint::distribution);
    }

    @ParameterizedTest
    @MethodSource("distributions")
    void eachPolicyRuleBecomesOneRulePerEthertypeItCanMatch(String distribution) {
        var args = ClusterSecurityGroupsArgs.builder().clusterName("c").distribution(distribution).ipFamily("dual")
                .maxSecurityGroupRules(1000);
        int i = 0;
        for (String peer : Catalog.blueprint(distribution).externalPeers().keySet()) {
            args.peer(peer, "198.51.100." + (i * 16) + "/28", "2001:db8:0:" + (++i) + "::/64");
        }
        var mocks = new RecordingMocks();
        AtomicReference<FirewallPolicy> policy = new AtomicReference<>();
        PulumiTest.withMocks(mocks).runTest(ctx -> policy.set(
                new ClusterSecurityGroups("os", args.build(), null).policy())).throwOnError();

        int expected = 0;
        for (FirewallRule rule : policy.get().rules(Direction.INGRESS)) {
            for (IpFamily family : IpFamily.values()) {
                if (rule.protocol().family().map(f -> f != family).orElse(false)
                        || rule.peer().family().map(f -> f != family).orElse(false)) {
                    continue;
                }
                expected++;
                var inputs = mocks.inputs("os-" + rule.key() + "-" + family.label().toLowerCase(Locale.ROOT));
                assertThat(inputs).containsEntry("direction", "ingress").containsEntry("ethertype", family.label())
                        .containsEntry("securityGroupId", "os-" + rule.target().key());
                if (rule.peer() instanceof Peer.Nodes nodes) {
                    assertThat(inputs).containsEntry("remoteGroupId", "os-" + nodes.key()).doesNotContainKey("remoteIpPrefix");
                } else {
                    assertThat(inputs).containsEntry("remoteIpPrefix", rule.peer().displayName()).doesNotContainKey("remoteGroupId");
                }
                rule.ports().ifPresent(p -> assertThat(List.of(inputs.get("portRangeMin"), inputs.get("portRangeMax")))
                        .containsExactly((double) p.from(), (double) p.to()));
            }
        }
        long ingressRules = mocks.ofType(SecGroupRule.TYPE).stream().filter(r -> "ingress".equals(r.inputs.get("direction"))).count();
        assertThat(ingressRules).isEqualTo(expected);
        assertThat(mocks.ofType(SecGroup.TYPE)).hasSize(Catalog.blueprint(distribution).roles().size() + 1)
                .allSatisfy(g -> assertThat(g.inputs).containsEntry("deleteDefaultRules", true));
    }
}
