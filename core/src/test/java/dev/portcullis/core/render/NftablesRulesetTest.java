package dev.portcullis.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.core.Blueprint;
import dev.portcullis.core.Binding;
import dev.portcullis.core.ClusterSpec;
import dev.portcullis.core.FirewallPolicy;
import dev.portcullis.core.IpStack;
import dev.portcullis.core.NodeRole;
import dev.portcullis.core.Peer;
import dev.portcullis.core.PolicyCompiler;
import dev.portcullis.core.catalog.Catalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NftablesRulesetTest {

    static Stream<Arguments> everyRoleOfEveryDistribution() {
        List<Arguments> out = new ArrayList<>();
        for (Blueprint blueprint : Catalog.all()) {
            for (var cni : blueprint.cnis()) {
                for (NodeRole role : blueprint.roles()) {
                    out.add(Arguments.of(blueprint.distribution(), cni.name(), role.name()));
                }
            }
        }
        return out.stream();
    }

    private static FirewallPolicy dualStack(String distribution, String cni) {
        Blueprint blueprint = Catalog.blueprint(distribution);
        return PolicyCompiler.compile(ClusterSpec.builder(blueprint).cni(cni).ipStack(IpStack.DUAL)
                .leaveExternalPeersUnbound().build());
    }

    @Test
    void aRoleGetsAStatefulDefaultDropInputWithLoopbackAndItsGroupsRules() {
        String ruleset = NftablesRuleset.render(dualStack("k3s", "flannel"), NodeRole.of("agent"));
        assertThat(ruleset)
                .contains("type filter hook input priority filter; policy drop;\n    ct state established,related accept\n")
                .contains("    iif \"lo\" accept comment \"local-only traffic stays on the node\"\n")
                .contains("    ip saddr @all_nodes_v4 udp dport 8472 accept comment \"UDP 8472 from all nodes: Flannel VXLAN\"\n")
                .contains("    ip6 saddr @all_nodes_v6 udp dport 8472 accept")
                .contains("    # not opened: TCP 10248 kubelet health (K3s listens on the loopback interface only)\n")
                .doesNotContain("dport 6443"); // 6443 is the servers', not the agents'
        assertThat(NftablesRuleset.render(dualStack("k3s", "flannel"), NodeRole.of("server")))
                .contains("    ip saddr @admins_v4 tcp dport 6443 accept");
    }

    @Test
    void cloudObjectsHaveNoHostFirewallMeaning() {
        Blueprint rke2 = Catalog.blueprint("rke2");
        FirewallPolicy policy = PolicyCompiler.compile(ClusterSpec.builder(rke2).bind("admins", List.of(Binding.literal(Binding.Kind.PREFIX_LIST, "pl-0abc")))
                .bind("ingress-clients").bind("nodeport-clients").bind("monitoring").build());
        assertThatThrownBy(() -> NftablesRuleset.render(policy, NodeRole.of("server")))
                .hasMessage("nftables cannot express rule server-in-tcp-6443-prefix-list-pl-0abc: its peer admins (prefix list pl-0abc) is not a "
                        + "known CIDR; bind the peer to CIDRs for a host firewall");
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("everyRoleOfEveryDistribution")
    void everyRulesetIsValidNftables(String distribution, String cni, String role, @TempDir Path dir)
            throws IOException, InterruptedException {
        String ruleset = NftablesRuleset.render(dualStack(distribution, cni), NodeRole.of(role));
        Path file = dir.resolve(role + ".nft");
        Files.writeString(file, ruleset, StandardCharsets.UTF_8);
        Path nft = Stream.of("/usr/sbin/nft", "/sbin/nft").map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
        Assumptions.assumeTrue(nft != null, "nft is not installed (apt-get install nftables): syntax not checked");
        Process check = new ProcessBuilder(nft.toString(), "-c", "-f", file.toString()).redirectErrorStream(true).start();
        boolean done = check.waitFor(30, TimeUnit.SECONDS);
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Assumptions.assumeFalse(output.contains("Operation not permitted"),
                "nft -c needs CAP_NET_ADMIN here: syntax not checked");
        assertThat(done).isTrue();
        assertThat(check.exitValue()).as(output + "\n" + ruleset).isZero();
    }
}
