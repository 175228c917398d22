package dev.portcullis.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.core.Blueprint;
import dev.portcullis.core.ClusterSpec;
import dev.portcullis.core.Direction;
import dev.portcullis.core.Exclusion;
import dev.portcullis.core.FirewallPolicy;
import dev.portcullis.core.FirewallRule;
import dev.portcullis.core.Option;
import dev.portcullis.core.Peer;
import dev.portcullis.core.PolicyCompiler;
import dev.portcullis.core.Protocol;
import dev.portcullis.core.Requirement;
import dev.portcullis.core.SourceDeviation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Talos Linux: the default policy row by row, one test per recorded departure from the sources,
 * and every CNI with every combination of its options.
 */
class TalosCatalogTest {
    private static final Blueprint TALOS = Catalog.blueprint("talos");

    static FirewallPolicy policy(String cni, Collection<String> options) {
        return PolicyCompiler.compile(ClusterSpec.documentation(TALOS, cni, options));
    }

    static FirewallPolicy defaults() {
        return policy(TALOS.defaultCni(), TALOS.defaultOptions(TALOS.defaultCni()));
    }

    static List<String> ingressKeys(FirewallPolicy policy) {
        return policy.rules(Direction.INGRESS).stream().map(FirewallRule::key).toList();
    }

    static List<String> egressKeys(FirewallPolicy policy) {
        return policy.rules(Direction.EGRESS).stream().map(FirewallRule::key).toList();
    }

    static List<String> localPorts(FirewallPolicy policy) {
        return policy.exclusions().stream().map(Exclusion::requirement).map(Requirement::service).toList();
    }

    @Test
    @DisplayName("default policy: flannel, kube-proxy and discovery; node-to-node egress mirrors ingress and is left out")
    void defaultPolicyRowByRow() {
        List<String> actual = new ArrayList<>();
        FirewallPolicy policy = defaults();
        for (FirewallRule rule : policy.rules()) {
            if (rule.direction() == Direction.EGRESS && rule.peer() instanceof Peer.Nodes) {
                continue;
            }
            actual.add(String.join(" ", rule.target().key(), rule.direction() == Direction.INGRESS ? "in" : "out",
                    rule.protocol().key(), rule.ports().map(Object::toString).orElse("-"), rule.peer().key()));
        }
        for (Exclusion exclusion : policy.exclusions()) {
            actual.add(String.join(" ", "kept-out", exclusion.requirement().protocol().key(),
                    exclusion.requirement().ports().map(Object::toString).orElse("-"), exclusion.requirement().purpose()));
        }
        assertThat(policy.spec().options()).containsExactly("discovery", "kube-proxy");
        assertThat(actual).containsExactlyElementsOf(table("""
                all-nodes     in   tcp   10250        controlplane
                all-nodes     in   tcp   50000        controlplane
                all-nodes     in   udp   4789         all-nodes
                all-nodes     out  tcp   443          discovery-service
                all-nodes     out  tcp   443          registry
                all-nodes     out  udp   123          ntp
                controlplane  in   tcp   2379-2380    controlplane
                controlplane  in   tcp   6443         all-nodes
                controlplane  in   tcp   6443         admins
                controlplane  in   tcp   50000        admins
                controlplane  in   tcp   50001        worker
                worker        in   tcp   10256        load-balancers
                worker        in   tcp   30000-32767  all-nodes
                worker        in   tcp   30000-32767  nodeport-clients
                worker        in   udp   30000-32767  all-nodes
                worker        in   udp   30000-32767  nodeport-clients
                kept-out           tcp   53           host DNS cache
                kept-out           tcp   7445         KubePrism: the node's load balancer in front of the API servers
                kept-out           tcp   10248        kubelet health
                kept-out           tcp   10249        kube-proxy metrics
                kept-out           tcp   10257        kube-controller-manager
                kept-out           tcp   10259        kube-scheduler
                kept-out           udp   53           host DNS cache
                """));
    }

    @Test
    @DisplayName("the roles are controlplane and worker, flannel is the default CNI, and none, cilium and calico are offered")
    void vocabulary() {
        assertThat(TALOS.roles()).extracting(Object::toString).containsExactly("controlplane", "worker");
        assertThat(TALOS.defaultCni()).isEqualTo("flannel");
        assertThat(TALOS.cnis()).extracting(c -> c.name()).containsExactly("flannel", "cilium", "calico", "none");
        assertThat(TALOS.options()).filteredOn(Option::enabledByDefault).extracting(Option::name)
                .containsExactly("kube-proxy", "discovery", "cilium-vxlan");
    }

    @Test
    @DisplayName("every row cites docs.siderolabs.com, kubernetes.io, the CNI's docs or Talos code at a tag")
    void everyRowCitesAnOfficialPageOrTaggedCode() {
        assertThat(TALOS.requirements()).extracting(r -> r.reference().toString()).allMatch(url ->
                url.startsWith("https://docs.siderolabs.com/") || url.startsWith("https://kubernetes.io/docs/")
                        || url.startsWith("https://docs.cilium.io/") || url.startsWith("https://docs.tigera.io/")
                        || url.startsWith("https://github.com/siderolabs/talos/blob/v1.13.9/"));
    }

    @Test
    @DisplayName("Cilium, as Talos's guide installs it: VXLAN 8472, health 4240 and ping; native routing needs the pod network instead")
    void cilium() {
        assertThat(ingressKeys(policy("cilium", List.of("kube-proxy", "discovery", "cilium-vxlan"))))
                .contains("all-nodes-in-udp-8472-all-nodes", "all-nodes-in-tcp-4240-all-nodes", "all-nodes-in-icmp-8-0-all-nodes")
                .noneMatch(k -> k.contains("-4789-"));
        assertThat(ingressKeys(policy("cilium", List.of("cilium-native-routing", "hubble"))))
                .contains("all-nodes-in-all-pod-network", "all-nodes-in-tcp-4240-all-nodes", "all-nodes-in-tcp-4244-all-nodes")
                .noneMatch(k -> k.contains("-8472-") || k.contains("10256"));
        assertThatThrownBy(() -> policy("cilium", List.of("hubble")))
                .hasMessage("cni 'cilium' of talos needs one of its cilium-routing options: cilium-vxlan (the default), "
                        + "cilium-native-routing");
    }

    @Test
    @DisplayName("Calico, as Talos's guide installs it (VXLAN, BGP disabled): UDP 4789 and Typha 5473, no BGP")
    void calico() {
        assertThat(ingressKeys(policy("calico", List.of())))
                .contains("all-nodes-in-udp-4789-all-nodes", "all-nodes-in-tcp-5473-all-nodes")
                .noneMatch(k -> k.contains("-179-"));
    }

    @Test
    @DisplayName("CNI none: no tunnel port, Talos's own and Kubernetes's ports remain")
    void noCni() {
        assertThat(ingressKeys(policy("none", List.of())))
                .contains("controlplane-in-tcp-50001-worker", "controlplane-in-tcp-6443-all-nodes")
                .noneMatch(k -> k.contains("-4789-") || k.contains("-8472-"));
    }

    @Test
    @DisplayName("opt-in features open their ports only when chosen")
    void optInFeatures() {
        assertThat(ingressKeys(defaults())).noneMatch(k -> k.contains("51820") || k.contains("2381"));
        assertThat(ingressKeys(policy("flannel", List.of("kubespan", "etcd-metrics", "metrics-server", "talos-api-access"))))
                .contains("all-nodes-in-udp-51820-all-nodes", "controlplane-in-tcp-2381-monitoring",
                        "all-nodes-in-tcp-10250-all-nodes", "controlplane-in-tcp-50000-all-nodes");
        assertThat(egressKeys(policy("flannel", List.of()))).noneMatch(k -> k.contains("discovery-service"));
    }

    /** Every CNI with every set of its options that the blueprint accepts. */
    static Stream<Arguments> everyCombination() {
        List<Arguments> out = new ArrayList<>();
        for (var cni : TALOS.cnis()) {
            List<Option> free = TALOS.options().stream()
                    .filter(o -> o.appliesTo(cni.name()) && o.exclusiveGroup().isEmpty()).toList();
            List<List<String>> transports = TALOS.options().stream().anyMatch(o -> o.appliesTo(cni.name()) && o.exclusiveGroup().isPresent())
                    ? TALOS.options().stream().filter(o -> o.appliesTo(cni.name()) && o.exclusiveGroup().isPresent())
                            .map(o -> List.of(o.name())).toList()
                    : List.of(List.of());
            for (List<String> transport : transports) {
                for (int mask = 0; mask < 1 << free.size(); mask++) {
                    Set<String> options = new TreeSet<>(transport);
                    for (int i = 0; i < free.size(); i++) {
                        if ((mask & 1 << i) != 0) {
                            options.add(free.get(i).name());
                        }
                    }
                    out.add(Arguments.of(cni.name(), options));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyCombination")
    @DisplayName("every CNI and option combination compiles, and every flow it needs is a rule or is kept out with a reason")
    void everyCombinationCompilesWithoutLosingAFlow(String cni, Set<String> options) {
        ClusterSpec spec = ClusterSpec.documentation(TALOS, cni, options);
        FirewallPolicy policy = PolicyCompiler.compile(spec);
        Set<String> accounted = new TreeSet<>();
        policy.rules().forEach(rule -> accounted.addAll(rule.purposes()));
        policy.exclusions().forEach(exclusion -> accounted.add(exclusion.requirement().purpose()));
        assertThat(accounted).containsAll(PolicyCompiler.activeRequirements(spec).stream().map(Requirement::purpose).toList());
        assertThat(ingressKeys(policy)).contains("controlplane-in-tcp-50001-worker", "controlplane-in-tcp-2379-2380-controlplane");
    }

    @Test
    @DisplayName("each recorded departure from the sources has its test below")
    void everyDeviationIsSpecified() {
        assertThat(TALOS.deviations()).hasSize(17)
                .extracting(SourceDeviation::reference).allMatch(uri -> uri.getScheme().equals("https"));
    }

    @Nested
    @DisplayName("where the catalog departs from its sources")
    class Deviations {
        @Test
        @DisplayName("'50001 trustd, used by: control plane nodes, worker nodes' (v1.5 and before): control planes sign their own certificates")
        void trustdIsReachedByWorkersOnly() {
            assertThat(ingressKeys(defaults())).contains("controlplane-in-tcp-50001-worker")
                    .doesNotContain("controlplane-in-tcp-50001-controlplane", "controlplane-in-tcp-50001-all-nodes")
                    .noneMatch(k -> k.startsWith("worker-in-tcp-50001"));
        }

        @Test
        @DisplayName("'worker 50000 apid, used by: control plane nodes': admins too, but only with maintenance-mode (first configuration)")
        void workersApidFromAdminsOnlyInMaintenanceMode() {
            assertThat(ingressKeys(defaults())).noneMatch(k -> k.startsWith("worker-in-tcp-50000") || k.equals("all-nodes-in-tcp-50000-admins"));
            assertThat(ingressKeys(policy("flannel", List.of("maintenance-mode"))))
                    .contains("all-nodes-in-tcp-50000-admins", "all-nodes-in-tcp-50000-controlplane");
        }

        @Test
        @DisplayName("firewall 'trustd-ingress from $CLUSTER_SUBNET': from workers only")
        void trustdNotFromTheWholeSubnet() {
            assertThat(ingressKeys(defaults())).filteredOn(k -> k.contains("-50001-")).containsExactly("controlplane-in-tcp-50001-worker");
        }

        @Test
        @DisplayName("firewall 'kubelet-ingress 10250 from $CLUSTER_SUBNET': from control planes; from all nodes only with metrics-server")
        void kubeletFromControlPlanes() {
            assertThat(ingressKeys(defaults())).filteredOn(k -> k.contains("-10250-")).containsExactly("all-nodes-in-tcp-10250-controlplane");
            assertThat(ingressKeys(policy("flannel", List.of("metrics-server")))).contains("all-nodes-in-tcp-10250-all-nodes");
        }

        @Test
        @DisplayName("firewall 'apid-ingress on workers from $CLUSTER_SUBNET': from control planes, which proxy talosctl")
        void workersApidFromControlPlanes() {
            assertThat(ingressKeys(defaults())).filteredOn(k -> k.contains("-50000-"))
                    .containsExactly("all-nodes-in-tcp-50000-controlplane", "controlplane-in-tcp-50000-admins");
        }

        @Test
        @DisplayName("firewall '50000 and 6443 on control planes from 0.0.0.0/0 and ::/0': from admins, internet only by consent")
        void controlPlaneApisFromAdmins() {
            assertThat(ingressKeys(defaults())).contains("controlplane-in-tcp-50000-admins", "controlplane-in-tcp-6443-admins");
            var spec = ClusterSpec.builder(TALOS).bind("admins", Peer.cidr("0.0.0.0/0"));
            TALOS.externalPeers().keySet().stream().filter(p -> !p.equals("admins")).forEach(p -> spec.bind(p));
            assertThatThrownBy(() -> PolicyCompiler.compile(spec.build()))
                    .hasMessageStartingWith("internet exposure refused: controlplane nodes would admit TCP ")
                    .hasMessageEndingWith("bind admins to the networks that need it, or allow 'admins' to be the internet "
                            + "(allowInternet) to accept that exposure");
        }

        @Test
        @DisplayName("firewall 'cni-vxlan: UDP 4789 and 8472 in one rule': only the chosen CNI's tunnel port")
        void onlyTheChosenTunnelPort() {
            assertThat(ingressKeys(defaults())).contains("all-nodes-in-udp-4789-all-nodes").noneMatch(k -> k.contains("-8472-"));
            assertThat(ingressKeys(policy("cilium", List.of("cilium-vxlan")))).contains("all-nodes-in-udp-8472-all-nodes")
                    .noneMatch(k -> k.contains("-4789-"));
        }

        @Test
        @DisplayName("firewall block mode 'pod/service subnets allowed for native routing CNIs': pod-network only with native routing")
        void podNetworkOnlyWhenRoutedNatively() {
            assertThat(ingressKeys(defaults())).noneMatch(k -> k.contains("pod-network"));
            assertThat(ingressKeys(policy("cilium", List.of("cilium-vxlan")))).noneMatch(k -> k.contains("pod-network"));
            assertThat(ingressKeys(policy("cilium", List.of("cilium-native-routing")))).contains("all-nodes-in-all-pod-network");
            assertThat(egressKeys(policy("cilium", List.of("cilium-native-routing")))).contains("all-nodes-out-all-pod-network");
        }

        @Test
        @DisplayName("flannel upstream 'vxlan Port: kernel default 8472': Talos's flannel tunnels on UDP 4789")
        void flannelUses4789() {
            assertThat(TALOS.requirements()).filteredOn(r -> r.purpose().equals("flannel VXLAN"))
                    .extracting(Requirement::service).containsExactly("UDP 4789");
            assertThat(ingressKeys(defaults())).noneMatch(k -> k.contains("-8472-"));
        }

        @Test
        @DisplayName("AWS guide 'IpProtocol=tcp,FromPort=51820' for KubeSpan: WireGuard is UDP, and opt-in")
        void kubeSpanIsUdp() {
            assertThat(TALOS.requirements()).filteredOn(r -> r.purpose().startsWith("KubeSpan"))
                    .extracting(Requirement::service).containsExactly("UDP 51820");
            assertThat(ingressKeys(policy("flannel", List.of("kubespan")))).contains("all-nodes-in-udp-51820-all-nodes")
                    .noneMatch(k -> k.contains("tcp-51820"));
        }

        @Test
        @DisplayName("AWS guide '--protocol all --source-group': only the catalog's ports between nodes, never all traffic")
        void noAllTrafficBetweenNodes() {
            assertThat(defaults().rules()).noneMatch(rule -> rule.protocol().equals(Protocol.ALL));
        }

        @Test
        @DisplayName("KubeSpan 'one end of all node-node communication allows UDP 51820 inbound': every node from every node")
        void kubeSpanBothWays() {
            assertThat(ingressKeys(policy("flannel", List.of("kubespan")))).filteredOn(k -> k.contains("51820"))
                    .containsExactly("all-nodes-in-udp-51820-all-nodes");
        }

        @Test
        @DisplayName("KubePrism 'port 7445, available on every node': listens on 127.0.0.1, kept out")
        void kubePrismIsLocal() {
            assertThat(localPorts(defaults())).contains("TCP 7445");
            assertThat(defaults().rules()).noneMatch(rule -> rule.key().contains("7445"));
        }

        @Test
        @DisplayName("Kubernetes table '10257 kube-controller-manager, 10259 kube-scheduler': Talos binds both to 127.0.0.1")
        void controllerManagerAndSchedulerAreLocal() {
            assertThat(localPorts(defaults())).contains("TCP 10257", "TCP 10259");
            assertThat(defaults().rules()).noneMatch(rule -> rule.key().contains("10257") || rule.key().contains("10259"));
        }

        @Test
        @DisplayName("Kubernetes table '2379-2380 used by kube-apiserver, etcd': between control planes only")
        void etcdBetweenControlPlanes() {
            assertThat(ingressKeys(defaults())).filteredOn(k -> k.contains("2379"))
                    .containsExactly("controlplane-in-tcp-2379-2380-controlplane");
        }

        @Test
        @DisplayName("Kubernetes table '10256 kube-proxy, Load balancers': only while kube-proxy runs")
        void kubeProxyHealthFollowsKubeProxy() {
            assertThat(ingressKeys(defaults())).contains("worker-in-tcp-10256-load-balancers");
            assertThat(ingressKeys(policy("cilium", List.of("cilium-vxlan", "discovery")))).noneMatch(k -> k.contains("10256"));
            assertThat(localPorts(policy("cilium", List.of("cilium-vxlan")))).doesNotContain("TCP 10249");
        }

        @Test
        @DisplayName("etcd metrics guide 'listen-metrics-urls http://0.0.0.0:2381': opt-in, from the monitoring peer only")
        void etcdMetricsAreOptIn() {
            assertThat(TALOS.requirements()).noneMatch(r -> r.ports().map(p -> p.from() == 2381).orElse(false) && r.condition().isAlways());
            assertThat(ingressKeys(policy("flannel", List.of("etcd-metrics")))).filteredOn(k -> k.contains("2381"))
                    .containsExactly("controlplane-in-tcp-2381-monitoring");
        }
    }

    private static List<String> table(String text) {
        return text.lines().map(line -> line.trim().replaceAll(" {2,}", " ")).toList();
    }
}
