package dev.portcullis.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.core.ClusterSpec;
import dev.portcullis.core.Direction;
import dev.portcullis.core.FirewallPolicy;
import dev.portcullis.core.FirewallRule;
import dev.portcullis.core.Peer;
import dev.portcullis.core.PolicyCompiler;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Without encapsulation, packets between pods on different nodes carry pod addresses that no group
 * reference matches: every mode that routes pods natively admits the pod network, and no
 * encapsulated mode does.
 */
class NativeRoutingTest {
    private static final String POD_CIDR = "10.42.0.0/16";

    private static FirewallPolicy compile(String distribution, String cni, List<String> options) {
        var blueprint = Catalog.blueprint(distribution);
        var spec = ClusterSpec.builder(blueprint).cni(cni).options(options);
        blueprint.externalPeers().keySet().stream().filter(p -> !p.equals("pod-network")).forEach(p -> spec.bind(p));
        spec.bind("pod-network", Peer.cidr(POD_CIDR));
        return PolicyCompiler.compile(spec.build());
    }

    private static List<String> keys(FirewallPolicy policy, Direction direction) {
        return policy.rules(direction).stream().map(FirewallRule::key).toList();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
            "rke2, cilium, cilium-native-routing",
            "rke2, calico, calico-no-encapsulation",
            "k3s, flannel, host-gw",
            "kubeadm, cilium, cilium-native-routing",
            "kubeadm, calico, calico-no-encapsulation",
            "kubeadm, flannel, flannel-host-gw",
            "talos, cilium, cilium-native-routing"})
    void nativeRoutingAdmitsThePodNetworkBothWays(String distribution, String cni, String routing) {
        FirewallPolicy policy = compile(distribution, cni, List.of(routing));
        assertThat(keys(policy, Direction.INGRESS)).contains("all-nodes-in-all-10.42.0.0_16");
        assertThat(keys(policy, Direction.EGRESS)).contains("all-nodes-out-all-10.42.0.0_16");
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
            "rke2, canal, ''",
            "rke2, cilium, cilium-vxlan",
            "rke2, calico, calico-vxlan",
            "k3s, flannel, vxlan",
            "kubeadm, calico, calico-ipip",
            "kubeadm, calico, calico-vxlan",
            "kubeadm, cilium, cilium-vxlan",
            "kubeadm, cilium, cilium-geneve",
            "kubeadm, flannel, flannel-vxlan",
            "k3s, flannel, wireguard-native",
            "talos, flannel, ''",
            "talos, calico, ''",
            "talos, cilium, cilium-vxlan"})
    void encapsulatedModesLeaveThePodNetworkOut(String distribution, String cni, String routing) {
        FirewallPolicy policy = compile(distribution, cni, routing.isEmpty() ? List.of() : List.of(routing));
        assertThat(policy.rules()).noneMatch(rule -> rule.key().contains("10.42.0.0_16"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"kubeadm, cilium, cilium-native-routing"})
    void thePodNetworkMustBeBound(String distribution, String cni, String routing) {
        var spec = ClusterSpec.builder(Catalog.blueprint(distribution)).cni(cni).options(List.of(routing))
                .bind("admins").bind("load-balancers").bind("nodeport-clients");
        assertThatThrownBy(() -> PolicyCompiler.compile(spec.build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("external peer 'pod-network' is not bound, but kubeadm needs it for all traffic (pod traffic routed "
                        + "between nodes without encapsulation): bind it to CIDRs, prefix lists or groups, or to an empty list "
                        + "to keep those ports closed to it");
    }
}
