package dev.portcullis.core.catalog;

import static dev.portcullis.core.catalog.SeedDeviationsTest.catalogPorts;
import static dev.portcullis.core.catalog.SeedDeviationsTest.ingressKeys;
import static dev.portcullis.core.catalog.SeedDeviationsTest.localPorts;
import static dev.portcullis.core.catalog.SeedDeviationsTest.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.core.Blueprint;
import dev.portcullis.core.Direction;
import dev.portcullis.core.Exclusion;
import dev.portcullis.core.FirewallPolicy;
import dev.portcullis.core.FirewallRule;
import dev.portcullis.core.Option;
import dev.portcullis.core.Peer;
import dev.portcullis.core.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * MicroK8s: the policy of each CNI row by row (as {@link DefaultPoliciesTest} writes them), one test
 * per departure from the "Services and ports" page and the CNIs' own tables, and every CNI with
 * every combination of its options compiling.
 */
class MicroK8sCatalogTest {
    private static final Blueprint MICROK8S = Catalog.blueprint("microk8s");

    @Nested
    @DisplayName("policies row by row")
    class Policies {
        @Test
        void defaultIsCalicoVxlanOnDqlite() {
            assertPolicy("calico", List.of(), """
                    all-nodes  in   tcp  10250        node
                    all-nodes  in   tcp  25000        node
                    all-nodes  in   udp  4789         all-nodes
                    node       in   tcp  16443        all-nodes
                    node       in   tcp  16443        admins
                    node       in   tcp  19001        node
                    node       in   tcp  25000        all-nodes
                    kept-out        tcp  1338         containerd metrics
                    kept-out        tcp  9099         Calico Felix health
                    kept-out        tcp  10248        kubelet healthz
                    kept-out        tcp  10249        kube-proxy metrics
                    kept-out        tcp  10256        kube-proxy health check
                    kept-out        tcp  10257        kube-controller-manager
                    kept-out        tcp  10259        kube-scheduler
                    kept-out        tcp  16443        API server proxy of a worker
                    """);
        }

        @Test
        void flannelIsTheNonHaClusterOnEtcd() {
            assertPolicy("flannel", List.of(), """
                    all-nodes  in   tcp  10250        node
                    all-nodes  in   tcp  25000        node
                    all-nodes  in   udp  8472         all-nodes
                    node       in   tcp  12379        worker
                    node       in   tcp  16443        all-nodes
                    node       in   tcp  16443        admins
                    node       in   tcp  25000        all-nodes
                    kept-out        tcp  1338         containerd metrics
                    kept-out        tcp  2380         etcd peer port (ha-cluster disabled)
                    kept-out        tcp  10248        kubelet healthz
                    kept-out        tcp  10249        kube-proxy metrics
                    kept-out        tcp  10256        kube-proxy health check
                    kept-out        tcp  10257        kube-controller-manager
                    kept-out        tcp  10259        kube-scheduler
                    kept-out        tcp  16443        API server proxy of a worker
                    """);
        }

        @Test
        void kubeOvnAddsGeneveAndOvnCentral() {
            assertPolicy("kube-ovn", List.of(), """
                    all-nodes  in   tcp  10250        node
                    all-nodes  in   tcp  25000        node
                    all-nodes  in   udp  6081         all-nodes
                    node       in   tcp  6641-6642    all-nodes
                    node       in   tcp  6643-6644    node
                    node       in   tcp  16443        all-nodes
                    node       in   tcp  16443        admins
                    node       in   tcp  19001        node
                    node       in   tcp  25000        all-nodes
                    kept-out        tcp  1338         containerd metrics
                    kept-out        tcp  10248        kubelet healthz
                    kept-out        tcp  10249        kube-proxy metrics
                    kept-out        tcp  10256        kube-proxy health check
                    kept-out        tcp  10257        kube-controller-manager
                    kept-out        tcp  10259        kube-scheduler
                    kept-out        tcp  16443        API server proxy of a worker
                    """);
        }

        @Test
        void everyAddonOnCalico() {
            assertPolicy("calico", List.of("ingress", "nodeports", "metrics-server", "observability"), """
                    all-nodes  in   tcp  80           ingress-clients
                    all-nodes  in   tcp  443          ingress-clients
                    all-nodes  in   tcp  9100         all-nodes
                    all-nodes  in   tcp  10249-10250  all-nodes
                    all-nodes  in   tcp  25000        node
                    all-nodes  in   tcp  30000-32767  nodeport-clients
                    all-nodes  in   udp  4789         all-nodes
                    all-nodes  in   udp  30000-32767  nodeport-clients
                    node       in   tcp  10257        all-nodes
                    node       in   tcp  10259        all-nodes
                    node       in   tcp  16443        all-nodes
                    node       in   tcp  16443        admins
                    node       in   tcp  19001        node
                    node       in   tcp  25000        all-nodes
                    kept-out        tcp  1338         containerd metrics
                    kept-out        tcp  9099         Calico Felix health
                    kept-out        tcp  10248        kubelet healthz
                    kept-out        tcp  10249        kube-proxy metrics
                    kept-out        tcp  10256        kube-proxy health check
                    kept-out        tcp  10257        kube-controller-manager
                    kept-out        tcp  10259        kube-scheduler
                    kept-out        tcp  16443        API server proxy of a worker
                    """);
        }

        private void assertPolicy(String cni, List<String> options, String table) {
            FirewallPolicy policy = policy("microk8s", cni, options);
            List<String> actual = new ArrayList<>();
            for (FirewallRule rule : policy.rules()) {
                if (rule.direction() == Direction.EGRESS && rule.peer() instanceof Peer.Nodes) {
                    continue; // node-to-node egress mirrors ingress
                }
                actual.add(String.join(" ", rule.target().key(), rule.direction() == Direction.INGRESS ? "in" : "out",
                        rule.protocol().key(), rule.ports().map(Object::toString).orElse("-"), rule.peer().key()));
            }
            for (Exclusion exclusion : policy.exclusions()) {
                actual.add(String.join(" ", "kept-out", exclusion.requirement().protocol().key(),
                        exclusion.requirement().ports().map(Object::toString).orElse("-"), exclusion.requirement().purpose()));
            }
            assertThat(actual).containsExactlyElementsOf(table.lines().map(l -> l.trim().replaceAll(" {2,}", " ")).toList());
        }
    }

    @Nested
    @DisplayName("departures from the sources")
    class Deviations {
        @Test
        @DisplayName("'10255 | kubelet | Read only port': MicroK8s runs the kubelet with --read-only-port=0")
        void readOnlyKubeletPortIsClosed() {
            assertThat(catalogPorts("microk8s")).doesNotContain(10255);
        }

        @Test
        @DisplayName("'10251 | kube-schedule' and '10252 | kube-controller' insecure HTTP: gone from current Kubernetes")
        void insecureControllerPortsAreGone() {
            assertThat(catalogPorts("microk8s")).doesNotContain(10251, 10252);
        }

        @Test
        @DisplayName("'12379 | etcd': only with ha-cluster disabled (flannel), from workers to the node")
        void etcdClientPortOnlyWithFlannel() {
            assertThat(ingressKeys(defaults())).noneMatch(k -> k.contains("12379"));
            assertThat(ingressKeys(policy("microk8s", "flannel", List.of()))).contains("node-in-tcp-12379-worker")
                    .noneMatch(k -> k.contains("12379-all-nodes") || k.contains("12379-node"));
        }

        @Test
        @DisplayName("'2380 | etcd | Used for peer connections' (localhost): local, and only with ha-cluster disabled")
        void etcdPeerPortIsLocalAndOnlyWithFlannel() {
            assertThat(localPorts(policy("microk8s", "flannel", List.of()))).contains("TCP 2380");
            assertThat(localPorts(defaults())).doesNotContain("TCP 2380");
            assertThat(ingressKeys(policy("microk8s", "flannel", List.of()))).noneMatch(k -> k.contains("2380"));
        }

        @Test
        @DisplayName("'10257 | kube-controller', '10259 | kube-scheduler' on the host interface: kept out unless observability scrapes them")
        void controllerAndSchedulerOnlyForObservability() {
            assertThat(localPorts(defaults())).contains("TCP 10257", "TCP 10259");
            assertThat(ingressKeys(defaults())).noneMatch(k -> k.contains("10257") || k.contains("10259"));
            assertThat(ingressKeys(policy("microk8s", "calico", List.of("observability"))))
                    .contains("node-in-tcp-10257-all-nodes", "node-in-tcp-10259-all-nodes")
                    .noneMatch(k -> k.startsWith("worker-") || k.startsWith("all-nodes-in-tcp-10257"));
        }

        @Test
        @DisplayName("'19001 | dqlite': between nodes only, never workers, and not with ha-cluster disabled")
        void dqliteBetweenNodesOnly() {
            assertThat(ingressKeys(defaults())).contains("node-in-tcp-19001-node")
                    .noneMatch(k -> k.contains("19001") && !k.equals("node-in-tcp-19001-node"));
            assertThat(ingressKeys(policy("microk8s", "none", List.of()))).contains("node-in-tcp-19001-node");
            assertThat(ingressKeys(policy("microk8s", "flannel", List.of()))).noneMatch(k -> k.contains("19001"));
        }

        @Test
        @DisplayName("no row for the workers' API server proxy: it listens on :16443, but only the worker itself uses it")
        void workerApiServerProxyIsLocal() {
            assertThat(defaults().exclusions()).anyMatch(e -> e.requirement().service().equals("TCP 16443")
                    && e.requirement().destination().equals(Peer.role("worker")));
            assertThat(ingressKeys(defaults())).filteredOn(k -> k.contains("16443"))
                    .containsExactly("node-in-tcp-16443-all-nodes", "node-in-tcp-16443-admins");
        }

        @Test
        @DisplayName("no row for flannel (ha-cluster disabled): VXLAN on flannel's default UDP 8472, not Calico's 4789")
        void flannelVxlanPort() {
            assertThat(ingressKeys(policy("microk8s", "flannel", List.of()))).contains("all-nodes-in-udp-8472-all-nodes")
                    .noneMatch(k -> k.contains("4789"));
        }

        @Test
        @DisplayName("Calico's own table (BGP 179, IP-in-IP, Typha 5473): MicroK8s's manifest uses VXLAN only, without Typha")
        void calicoIsVxlanOnly() {
            FirewallPolicy policy = defaults();
            assertThat(ingressKeys(policy)).contains("all-nodes-in-udp-4789-all-nodes")
                    .noneMatch(k -> k.contains("-179-") || k.contains("5473"));
            assertThat(policy.rules()).noneMatch(r -> r.protocol().equals(Protocol.number(4)));
        }

        @Test
        @DisplayName("Kube-OVN's table (Geneve 6081, STT 7471, VXLAN 4789): the addon tunnels with Geneve only")
        void kubeOvnTunnelsWithGeneve() {
            assertThat(ingressKeys(policy("microk8s", "kube-ovn", List.of()))).contains("all-nodes-in-udp-6081-all-nodes")
                    .noneMatch(k -> k.contains("7471") || k.contains("4789"));
        }

        @Test
        @DisplayName("Kube-OVN's metrics ports (10660, 10661, 10665): opt-in, and only with kube-ovn")
        void kubeOvnMetricsAreOptIn() {
            assertThat(ingressKeys(policy("microk8s", "kube-ovn", List.of())))
                    .noneMatch(k -> k.contains("10660") || k.contains("10661") || k.contains("10665"));
            assertThat(ingressKeys(policy("microk8s", "kube-ovn", List.of("kube-ovn-metrics"))))
                    .contains("node-in-tcp-10660-10661-all-nodes", "all-nodes-in-tcp-10665-all-nodes");
            assertThatThrownBy(() -> policy("microk8s", "calico", List.of("kube-ovn-metrics")))
                    .hasMessage("option 'kube-ovn-metrics' of microk8s applies only to cni kube-ovn, but cni is 'calico'");
        }

        @Test
        @DisplayName("every departure above is recorded in the blueprint, and so in docs/ports/microk8s.md")
        void deviationsAreRecorded() {
            assertThat(MICROK8S.deviations()).extracting(d -> d.row().substring(0, d.row().indexOf(' ')))
                    .containsExactly("10255", "10251", "12379", "2380", "10257", "19001", "no", "no", "BGP", "ovs-ovn",
                            "kube-ovn-controller");
            assertThat(MICROK8S.deviations()).extracting(d -> d.reference().getHost())
                    .allMatch(host -> host.equals("github.com") || host.endsWith(".io"));
        }
    }

    @Test
    @DisplayName("every CNI encapsulates pod traffic: no pod-network peer and no all-traffic rule")
    void noPodNetworkIsNeeded() {
        assertThat(MICROK8S.externalPeers()).containsOnlyKeys("admins", "ingress-clients", "nodeport-clients");
        for (var cni : MICROK8S.cnis()) {
            assertThat(policy("microk8s", cni.name(), List.of()).rules()).noneMatch(r -> r.protocol().equals(Protocol.ALL));
        }
    }

    static Stream<Arguments> combinations() {
        List<Arguments> out = new ArrayList<>();
        for (var cni : MICROK8S.cnis()) {
            List<String> options = MICROK8S.options().stream().filter(o -> o.appliesTo(cni.name())).map(Option::name).toList();
            for (int mask = 0; mask < 1 << options.size(); mask++) {
                List<String> chosen = new ArrayList<>();
                for (int i = 0; i < options.size(); i++) {
                    if ((mask & 1 << i) != 0) {
                        chosen.add(options.get(i));
                    }
                }
                out.add(Arguments.of(cni.name(), chosen));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("combinations")
    @DisplayName("every CNI with every combination of its options compiles and keeps the API, join and configuration flows")
    void everyCombinationCompiles(String cni, List<String> options) {
        assertThat(ingressKeys(policy("microk8s", cni, options))).contains("node-in-tcp-16443-all-nodes",
                "node-in-tcp-16443-admins", "node-in-tcp-25000-all-nodes", "all-nodes-in-tcp-25000-node");
    }

    static Stream<Arguments> singleOptions() {
        return MICROK8S.cnis().stream().flatMap(cni -> MICROK8S.options().stream().filter(o -> o.appliesTo(cni.name()))
                .map(o -> Arguments.of(cni.name(), o.name())));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("singleOptions")
    @DisplayName("each option, alone, opens something the CNI's policy does not")
    void eachOptionOpensSomething(String cni, String option) {
        assertThat(ingressKeys(policy("microk8s", cni, List.of(option))))
                .isNotEqualTo(ingressKeys(policy("microk8s", cni, List.of())));
    }

    private static FirewallPolicy defaults() {
        return SeedDeviationsTest.defaults("microk8s");
    }
}
