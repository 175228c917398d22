package dev.portcullis.core.catalog;

import static dev.portcullis.core.catalog.SeedDeviationsTest.catalogPorts;
import static dev.portcullis.core.catalog.SeedDeviationsTest.defaults;
import static dev.portcullis.core.catalog.SeedDeviationsTest.ingressKeys;
import static dev.portcullis.core.catalog.SeedDeviationsTest.localPorts;
import static dev.portcullis.core.catalog.SeedDeviationsTest.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.core.ClusterSpec;
import dev.portcullis.core.Direction;
import dev.portcullis.core.FirewallPolicy;
import dev.portcullis.core.FirewallRule;
import dev.portcullis.core.IpStack;
import dev.portcullis.core.Peer;
import dev.portcullis.core.PolicyCompiler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * k0s: the default policies row by row, one test per departure from k0s's own tables (each named
 * after the row it departs from), and every CNI, pod transport and option combination compiling.
 */
class K0sCatalogTest {

    private static List<String> egressKeys(FirewallPolicy policy) {
        return policy.rules(Direction.EGRESS).stream().map(FirewallRule::key).toList();
    }

    @Nested
    @DisplayName("default policies, row by row")
    class Defaults {
        @Test
        void kubeRouterWithItsDefaultOverlay() {
            DefaultPoliciesTest.assertDefaultPolicy("k0s", """
                    controller    in   tcp     2380         controller
                    controller    in   tcp     6443         worker
                    controller    in   tcp     6443         admins
                    controller    in   tcp     8132         worker
                    controller    in   tcp     9443         controller
                    worker        in   all     -            pod-network
                    worker        in   ip-4    -            worker
                    worker        in   tcp     179          worker
                    worker        in   tcp     10250        worker
                    worker        out  all     -            pod-network
                    kept-out           tcp     2379         etcd client API
                    kept-out           tcp     8092         konnectivity-server health
                    kept-out           tcp     8133         konnectivity-server admin
                    kept-out           tcp     10248        kubelet health
                    kept-out           tcp     10257        kube-controller-manager
                    kept-out           tcp     10259        kube-scheduler
                    kept-out           tcp     20244        kube-router health
                    kept-out           tcp     50051        kube-router GoBGP admin
                    """);
        }

        @Test
        void calicoWithVxlan() {
            DefaultPoliciesTest.assertDefaultPolicy("k0s", "calico", """
                    controller    in   tcp     2380         controller
                    controller    in   tcp     6443         worker
                    controller    in   tcp     6443         admins
                    controller    in   tcp     8132         worker
                    controller    in   tcp     9443         controller
                    worker        in   tcp     10250        worker
                    worker        in   udp     4789         worker
                    kept-out           tcp     2379         etcd client API
                    kept-out           tcp     8092         konnectivity-server health
                    kept-out           tcp     8133         konnectivity-server admin
                    kept-out           tcp     9099         Calico Felix health
                    kept-out           tcp     10248        kubelet health
                    kept-out           tcp     10257        kube-controller-manager
                    kept-out           tcp     10259        kube-scheduler
                    """);
        }

        @Test
        void customCniAddsNoPort() {
            DefaultPoliciesTest.assertDefaultPolicy("k0s", "custom", """
                    controller    in   tcp     2380         controller
                    controller    in   tcp     6443         worker
                    controller    in   tcp     6443         admins
                    controller    in   tcp     8132         worker
                    controller    in   tcp     9443         controller
                    worker        in   tcp     10250        worker
                    kept-out           tcp     2379         etcd client API
                    kept-out           tcp     8092         konnectivity-server health
                    kept-out           tcp     8133         konnectivity-server admin
                    kept-out           tcp     10248        kubelet health
                    kept-out           tcp     10257        kube-controller-manager
                    kept-out           tcp     10259        kube-scheduler
                    """);
        }
    }

    @Nested
    @DisplayName("k0s \"Required ports and protocols\"")
    class RequiredPortsTable {
        @Test
        @DisplayName("'TCP | 112 | keepalived … port 122': VRRP is IP protocol 112, between controllers, only with cplb")
        void keepalivedIsVrrpNotATcpPort() {
            assertThat(catalogPorts("k0s")).doesNotContain(112, 122);
            assertThat(ingressKeys(defaults("k0s"))).noneMatch(k -> k.contains("ip-112"));
            assertThat(ingressKeys(policy("k0s", "kube-router", List.of("kube-router-overlay-subnet", "cplb"))))
                    .contains("controller-in-ip-112-controller");
        }

        @Test
        @DisplayName("'TCP | 10250 | kubelet | controller, worker ⟶ host *': the API server uses the konnectivity tunnel; "
                + "10250 is worker to worker, for metrics-server")
        void kubeletIsReachedByWorkersOnly() {
            assertThat(ingressKeys(defaults("k0s"))).contains("worker-in-tcp-10250-worker")
                    .noneMatch(k -> k.contains("10250-controller") || k.startsWith("controller-in-tcp-10250"));
            assertThat(ingressKeys(policy("k0s", "kube-router", List.of("kube-router-overlay-subnet", "etcd"))))
                    .noneMatch(k -> k.contains("10250"));
        }

        @Test
        @DisplayName("'TCP | 8132 | konnectivity | worker ⟷ controller': agents dial the server, nothing opens on workers")
        void konnectivityIsDialledByWorkers() {
            assertThat(ingressKeys(defaults("k0s"))).contains("controller-in-tcp-8132-worker")
                    .noneMatch(k -> k.startsWith("worker-in") && k.contains("8132"));
        }

        @Test
        @DisplayName("'TCP | 2380 | etcd | controller ⟷ controller': only with embedded etcd; kine has no peers")
        void etcdPeersOnlyWithEmbeddedEtcd() {
            assertThat(ingressKeys(defaults("k0s"))).contains("controller-in-tcp-2380-controller");
            FirewallPolicy kine = policy("k0s", "kube-router", List.of("kube-router-overlay-subnet", "metrics-server"));
            assertThat(ingressKeys(kine)).noneMatch(k -> k.contains("2380")).contains("controller-in-tcp-9443-controller");
            assertThat(localPorts(kine)).doesNotContain("TCP 2379");
        }

        @Test
        @DisplayName("'TCP | 179 | kube-router | worker ⟷ worker': Calico's bird mode runs BGP too, its vxlan mode none")
        void calicoBirdModeRunsBgp() {
            for (String bird : List.of("calico-ipip", "calico-ipip-cross-subnet", "calico-no-encapsulation")) {
                assertThat(ingressKeys(policy("k0s", "calico", List.of(bird)))).as(bird).contains("worker-in-tcp-179-worker");
            }
            assertThat(ingressKeys(defaults("k0s"))).contains("worker-in-tcp-179-worker");
            assertThat(ingressKeys(policy("k0s", "calico", List.of("calico-vxlan")))).noneMatch(k -> k.contains("-179-"));
        }

        @Test
        @DisplayName("no row for kube-router's tunnel: IP-in-IP to other subnets, native routing within one, ip6ip6 for IPv6")
        void kubeRouterKeepsItsOverlay() {
            assertThat(ingressKeys(defaults("k0s"))).contains("worker-in-ip-4-worker", "worker-in-all-pod-network");
            assertThat(ingressKeys(policy("k0s", "kube-router", List.of("kube-router-overlay-full"))))
                    .contains("worker-in-ip-4-worker", "worker-in-all-pod-network");
            assertThat(ingressKeys(policy("k0s", "kube-router", List.of("kube-router-no-overlay"))))
                    .contains("worker-in-all-pod-network").doesNotContain("worker-in-ip-4-worker");
            assertThat(ingressKeys(policy("k0s", "kube-router", List.of("kube-router-overlay-subnet", "ipv6"))))
                    .contains("worker-in-ip-4-worker", "worker-in-ip-41-worker");
            assertThat(ingressKeys(defaults("k0s"))).doesNotContain("worker-in-ip-41-worker");
        }

        @Test
        @DisplayName("no row for pod traffic to node addresses: kube-router neither masquerades nor tunnels it, so every "
                + "kube-router mode admits the pod network to workers; Calico masquerades it")
        void kubeRouterPodsReachNodesFromPodAddresses() {
            for (String mode : List.of("kube-router-overlay-subnet", "kube-router-overlay-full", "kube-router-no-overlay")) {
                FirewallPolicy policy = policy("k0s", "kube-router", List.of(mode, "metrics-server"));
                assertThat(ingressKeys(policy)).as(mode).contains("worker-in-all-pod-network", "worker-in-tcp-10250-worker");
                assertThat(egressKeys(policy)).as(mode).contains("worker-out-all-pod-network");
            }
            assertThat(ingressKeys(policy("k0s", "calico", List.of("calico-ipip", "metrics-server"))))
                    .contains("worker-in-tcp-10250-worker").doesNotContain("worker-in-all-pod-network");
        }

        @Test
        @DisplayName("'UDP | 4789 | calico | worker ⟷ worker': only in vxlan mode; bird mode is IP-in-IP or unencapsulated")
        void vxlanOnlyInVxlanMode() {
            assertThat(ingressKeys(policy("k0s", "calico", List.of("calico-vxlan")))).contains("worker-in-udp-4789-worker");
            assertThat(ingressKeys(policy("k0s", "calico", List.of("calico-ipip"))))
                    .contains("worker-in-ip-4-worker").noneMatch(k -> k.contains("4789"));
            assertThat(ingressKeys(policy("k0s", "calico", List.of("calico-no-encapsulation"))))
                    .contains("worker-in-all-pod-network").noneMatch(k -> k.contains("4789") || k.contains("ip-4"));
        }

        @Test
        @DisplayName("'all traffic to and from the podCIDR and serviceCIDR … on nodes with a worker role': the pod-network "
                + "peer on workers where pods are routed natively; service addresses never cross the network")
        void podCidrBecomesThePodNetworkPeerOnWorkers() {
            FirewallPolicy policy = defaults("k0s");
            assertThat(ingressKeys(policy)).contains("worker-in-all-pod-network")
                    .noneMatch(k -> k.startsWith("controller") && k.contains("pod-network"));
            assertThat(egressKeys(policy)).contains("worker-out-all-pod-network");
            assertThat(Catalog.blueprint("k0s").externalPeers()).containsOnlyKeys("admins", "load-balancers", "monitoring",
                    "nodeport-clients", "pod-network");
            assertThat(ingressKeys(policy("k0s", "calico", List.of("calico-vxlan")))).noneMatch(k -> k.contains("pod-network"));
        }

        @Test
        @DisplayName("no row for Calico WireGuard: option calico-wireguard opens 51820, and 51821 with ipv6")
        void calicoWireGuard() {
            assertThat(ingressKeys(policy("k0s", "calico", List.of("calico-vxlan", "calico-wireguard"))))
                    .contains("worker-in-udp-51820-worker").noneMatch(k -> k.contains("51821"));
            assertThat(ingressKeys(policy("k0s", "calico", List.of("calico-ipip", "calico-wireguard", "ipv6"))))
                    .contains("worker-in-udp-51820-51821-worker", "worker-in-all-pod-network");
        }
    }

    @Nested
    @DisplayName("other k0s pages and code")
    class OtherSources {
        @Test
        @DisplayName("firewalld 'k0s-worker: tcp 179, udp 4789, tcp 10250' on every worker: each port with what uses it")
        void workerServicePortsFollowTheCni() {
            assertThat(ingressKeys(defaults("k0s"))).noneMatch(k -> k.contains("4789"));
            assertThat(ingressKeys(policy("k0s", "calico", List.of("calico-vxlan")))).noneMatch(k -> k.contains("-179-"));
            assertThat(ingressKeys(policy("k0s", "custom", List.of())))
                    .noneMatch(k -> k.startsWith("worker-in"));
        }

        @Test
        @DisplayName("configuration 'adminPort … (default 8133)': konnectivity-server binds it to 127.0.0.1")
        void konnectivityAdminIsLocal() {
            assertThat(localPorts(defaults("k0s"))).contains("TCP 8133", "TCP 8092");
            assertThat(ingressKeys(defaults("k0s"))).noneMatch(k -> k.contains("8133") || k.contains("8092"));
        }

        @Test
        @DisplayName("configuration 'metricsPort … (default: 8080)': read by nothing k0s deploys, so only with monitoring")
        void kubeRouterMetricsOnlyWithMonitoring() {
            assertThat(ingressKeys(defaults("k0s"))).noneMatch(k -> k.contains("8080"));
            assertThat(ingressKeys(policy("k0s", "kube-router", List.of("kube-router-overlay-subnet", "metrics-server", "monitoring"))))
                    .contains("worker-in-tcp-8080-worker", "worker-in-tcp-8080-monitoring", "worker-in-tcp-10249-10250-worker",
                            "worker-in-tcp-10249-monitoring");
        }

        @Test
        @DisplayName("Calico.Overlay 'Will be ignored in vxlan mode': the manifest applies CrossSubnet to the VXLAN pool")
        void vxlanCrossSubnetRoutesNatively() {
            assertThat(ingressKeys(policy("k0s", "calico", List.of("calico-vxlan-cross-subnet"))))
                    .contains("worker-in-udp-4789-worker", "worker-in-all-pod-network");
        }

        @Test
        @DisplayName("userSpaceProxyBindPort 6444 'listens on every interface': reached only through the VIP redirect")
        void cplbProxyIsLocal() {
            FirewallPolicy cplb = policy("k0s", "kube-router", List.of("kube-router-overlay-subnet", "etcd", "cplb"));
            assertThat(localPorts(cplb)).contains("TCP 6444");
            // The VIP holder forwards to every controller: with the workers, all nodes reach 6443.
            assertThat(ingressKeys(cplb)).contains("controller-in-tcp-6443-all-nodes").noneMatch(k -> k.contains("6444"));
        }

        @Test
        @DisplayName("the node-local load balancer binds loopback: nllb adds no network rule")
        void nodeLocalLoadBalancingIsLocal() {
            FirewallPolicy nllb = policy("k0s", "kube-router", List.of("kube-router-overlay-subnet", "etcd", "metrics-server", "nllb"));
            assertThat(localPorts(nllb)).contains("TCP 7132", "TCP 7443", "TCP 8093");
            assertThat(nllb.rules()).isEqualTo(defaults("k0s").rules());
        }

        @Test
        @DisplayName("high-availability: a load balancer that connects from its own addresses reaches 6443, 8132 and 9443")
        void externalLoadBalancer() {
            assertThat(ingressKeys(policy("k0s", "kube-router", List.of("kube-router-overlay-subnet", "external-load-balancer"))))
                    .contains("controller-in-tcp-6443-load-balancers", "controller-in-tcp-8132-load-balancers",
                            "controller-in-tcp-9443-load-balancers");
        }
    }

    @Nested
    @DisplayName("refusals")
    class Refusals {
        @Test
        void theDefaultOverlayNeedsThePodNetworkBound() {
            var spec = ClusterSpec.builder(Catalog.blueprint("k0s")).bind("admins");
            assertThatThrownBy(() -> PolicyCompiler.compile(spec.build()))
                    .hasMessage("external peer 'pod-network' is not bound, but k0s needs it for all traffic (pod traffic routed "
                            + "between nodes without encapsulation): bind it to CIDRs, prefix lists or groups, or to an empty list "
                            + "to keep those ports closed to it");
        }

        @Test
        void aPodTransportCannotBeLeftOut() {
            assertThatThrownBy(() -> policy("k0s", "kube-router", List.of("etcd")))
                    .hasMessage("cni 'kube-router' of k0s needs one of its kube-router-overlay options: kube-router-overlay-subnet "
                            + "(the default), kube-router-overlay-full, kube-router-no-overlay");
            assertThatThrownBy(() -> policy("k0s", "calico", List.of("calico-ipip", "calico-vxlan")))
                    .hasMessage("options 'calico-ipip' and 'calico-vxlan' of k0s are alternatives (calico-mode): enable only one of them");
        }

        @Test
        void ipv6IsAnOptionOfTheBuiltInCnis() {
            assertThatThrownBy(() -> policy("k0s", "custom", List.of("ipv6")))
                    .hasMessage("option 'ipv6' of k0s applies only to cni calico or kube-router, but cni is 'custom'");
        }
    }

    /** Each CNI with each of its pod transports (or none), and what that transport must open. */
    static Stream<Arguments> transports() {
        return Stream.of(
                Arguments.of("kube-router", "kube-router-overlay-subnet", List.of("worker-in-ip-4-worker", "worker-in-all-pod-network")),
                Arguments.of("kube-router", "kube-router-overlay-full", List.of("worker-in-ip-4-worker", "worker-in-all-pod-network")),
                Arguments.of("kube-router", "kube-router-no-overlay", List.of("worker-in-all-pod-network")),
                Arguments.of("calico", "calico-vxlan", List.of("worker-in-udp-4789-worker")),
                Arguments.of("calico", "calico-vxlan-cross-subnet", List.of("worker-in-udp-4789-worker", "worker-in-all-pod-network")),
                Arguments.of("calico", "calico-ipip", List.of("worker-in-tcp-179-worker", "worker-in-ip-4-worker")),
                Arguments.of("calico", "calico-ipip-cross-subnet",
                        List.of("worker-in-tcp-179-worker", "worker-in-ip-4-worker", "worker-in-all-pod-network")),
                Arguments.of("calico", "calico-no-encapsulation", List.of("worker-in-tcp-179-worker", "worker-in-all-pod-network")),
                Arguments.of("custom", "", List.of()));
    }

    private static final Map<String, List<String>> INDEPENDENT_OPTIONS = Map.of(
            "kube-router", List.of("ipv6", "etcd", "metrics-server", "nllb", "cplb", "external-load-balancer", "monitoring", "nodeports"),
            "calico", List.of("ipv6", "calico-wireguard", "etcd", "metrics-server", "nllb", "cplb", "external-load-balancer",
                    "monitoring", "nodeports"),
            "custom", List.of("etcd", "metrics-server", "nllb", "cplb", "external-load-balancer", "monitoring", "nodeports"));

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("transports")
    void everyOptionCombinationCompiles(String cni, String transport, List<String> transportKeys) {
        List<String> independent = INDEPENDENT_OPTIONS.get(cni);
        for (int mask = 0; mask < 1 << independent.size(); mask++) {
            List<String> options = new ArrayList<>();
            if (!transport.isEmpty()) {
                options.add(transport);
            }
            for (int i = 0; i < independent.size(); i++) {
                if ((mask & 1 << i) != 0) {
                    options.add(independent.get(i));
                }
            }
            FirewallPolicy policy = PolicyCompiler.compile(ClusterSpec.builder(Catalog.blueprint("k0s")).cni(cni).options(options)
                    .ipStack(IpStack.DUAL).leaveExternalPeersUnbound().build());
            List<String> keys = ingressKeys(policy);
            assertThat(keys).as("%s %s", cni, options).contains("controller-in-tcp-8132-worker",
                    options.contains("cplb") ? "controller-in-tcp-6443-all-nodes" : "controller-in-tcp-6443-worker")
                    .containsAll(transportKeys);
            // Controllers are never reached from the pod network, and never open anything on workers.
            assertThat(policy.rules(Direction.INGRESS)).as("%s %s", cni, options).noneMatch(rule -> rule.target() instanceof Peer.AllNodes
                    || rule.target().equals(Peer.role("worker")) && rule.peer().equals(Peer.role("controller"))
                    || rule.target().equals(Peer.role("controller")) && rule.peer().equals(Peer.external("pod-network")));
        }
    }
}
