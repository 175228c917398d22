package dev.portcullis.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.core.ClusterSpec;
import dev.portcullis.core.Direction;
import dev.portcullis.core.Exclusion;
import dev.portcullis.core.FirewallPolicy;
import dev.portcullis.core.FirewallRule;
import dev.portcullis.core.PolicyCompiler;
import dev.portcullis.core.Requirement;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Where the catalog departs from the human-written excerpts in {@code shared/seeds/} (and, for
 * Deckhouse, from the current page): each test names the source row with {@link DepartsFrom}, as the
 * blueprint records it for its port document, and says why (the official page, or what a real
 * cluster does).
 */
class SeedDeviationsTest {

    static FirewallPolicy defaults(String distribution) {
        var blueprint = Catalog.blueprint(distribution);
        return policy(distribution, blueprint.defaultCni(), blueprint.defaultOptions(blueprint.defaultCni()));
    }

    static FirewallPolicy policy(String distribution, String cni, java.util.Collection<String> options) {
        return PolicyCompiler.compile(ClusterSpec.documentation(Catalog.blueprint(distribution), cni, options));
    }

    static List<String> ingressKeys(FirewallPolicy policy) {
        return policy.rules(Direction.INGRESS).stream().map(FirewallRule::key).toList();
    }

    static List<String> localPorts(FirewallPolicy policy) {
        return policy.exclusions().stream().map(Exclusion::requirement).map(Requirement::service).toList();
    }

    static List<Integer> catalogPorts(String distribution) {
        return Catalog.blueprint(distribution).requirements().stream()
                .flatMap(r -> r.ports().stream()).flatMap(p -> java.util.stream.IntStream.rangeClosed(p.from(), p.to()).boxed())
                .distinct().toList();
    }

    @Nested
    @DepartsFrom.Table(distribution = "rke2", source = "seed 000")
    @DisplayName("seed 000 (RKE2)")
    class Rke2 {
        @DepartsFrom("6443 | TCP | RKE2 agent nodes | RKE2 server nodes | Kubernetes API")
        @DepartsFrom("9345 | TCP | RKE2 agent nodes | RKE2 server nodes | RKE2 supervisor API")
        @Test
        @DisplayName("'6443 | TCP | RKE2 agent nodes | RKE2 server nodes' and '9345 … agent nodes': the official table says All RKE2 nodes; HA servers join servers")
        void apiAndSupervisorAreReachedByAllNodes() {
            assertThat(ingressKeys(defaults("rke2"))).contains("server-in-tcp-6443-all-nodes", "server-in-tcp-9345-all-nodes")
                    .doesNotContain("server-in-tcp-6443-agent", "server-in-tcp-9345-agent");
        }

        @DepartsFrom("(no CNI rows)")
        @Test
        @DisplayName("the seed has no CNI row: Canal, the default, needs UDP 8472 between all nodes")
        void theDefaultCniOverlayIsOpen() {
            assertThat(ingressKeys(defaults("rke2"))).contains("all-nodes-in-udp-8472-all-nodes");
        }

        @DepartsFrom("2381 | TCP | RKE2 server nodes | RKE2 server nodes | etcd metrics port")
        @Test
        @DisplayName("'2381 | TCP | server → server | etcd metrics port': etcd serves metrics on 127.0.0.1 unless etcd-expose-metrics is set")
        void etcdMetricsAreLocalUnlessExposed() {
            assertThat(ingressKeys(defaults("rke2"))).doesNotContain("server-in-tcp-2381-server");
            assertThat(localPorts(defaults("rke2"))).contains("TCP 2381");
            assertThat(ingressKeys(policy("rke2", "canal", List.of("etcd-metrics"))))
                    .contains("server-in-tcp-2379-2381-server", "server-in-tcp-2381-monitoring");
        }

        @DepartsFrom(value = "9099 | TCP | All RKE2 nodes | Canal CNI health checks", source = "RKE2 CNI inbound rules")
        @Test
        @DisplayName("Canal's 9099 'All RKE2 nodes' (official CNI table): kubelet probes it on the node itself")
        void canalHealthIsLocal() {
            assertThat(localPorts(defaults("rke2"))).contains("TCP 9099");
            assertThat(ingressKeys(defaults("rke2"))).noneMatch(k -> k.contains("9099"));
        }

        @DepartsFrom("(no CNI rows)")
        @Test
        @DisplayName("the official Flannel tab says UDP 4789 for RKE2's flannel, not 8472")
        void rke2FlannelUses4789() {
            assertThat(ingressKeys(policy("rke2", "flannel", List.of()))).contains("all-nodes-in-udp-4789-all-nodes")
                    .doesNotContain("all-nodes-in-udp-8472-all-nodes");
        }

        @DepartsFrom("(no row for the embedded registry)")
        @Test
        @DisplayName("beyond the seed: the embedded registry (Spegel) serves on 9345 on every node in RKE2, not K3s's 6443")
        void spegelUsesTheSupervisorPort() {
            assertThat(ingressKeys(policy("rke2", "canal", List.of("embedded-registry"))))
                    .contains("all-nodes-in-tcp-5001-all-nodes", "all-nodes-in-tcp-9345-all-nodes")
                    .doesNotContain("all-nodes-in-tcp-6443-all-nodes", "server-in-tcp-9345-all-nodes");
        }

        @DepartsFrom("(no Windows rows)")
        @Test
        @DisplayName("beyond the seed: Windows needs Calico or flannel (canal is refused), and 179 only where BGP is on")
        void windowsRowsFollowTheCni() {
            assertThatThrownBy(() -> policy("rke2", "canal", List.of("windows")))
                    .hasMessage("option 'windows' of rke2 applies only to cni calico or flannel, but cni is 'canal'");
            assertThat(ingressKeys(policy("rke2", "calico", List.of("calico-vxlan", "windows"))))
                    .contains("all-nodes-in-udp-4789-all-nodes").noneMatch(k -> k.contains("-179-"));
            assertThat(ingressKeys(policy("rke2", "calico", List.of("calico-no-encapsulation", "calico-bgp", "windows"))))
                    .contains("all-nodes-in-udp-4789-all-nodes", "all-nodes-in-tcp-179-all-nodes");
        }

        @DepartsFrom("(no CNI rows)")
        @Test
        @DisplayName("the seed has no CNI row: a CNI's way of carrying pods (Calico encapsulation here) cannot be left out")
        void theEncapsulationCannotBeLeftOut() {
            assertThatThrownBy(() -> policy("rke2", "calico", List.of("calico-typha")))
                    .hasMessage("cni 'calico' of rke2 needs one of its calico-encapsulation options: calico-vxlan (the default), "
                            + "calico-no-encapsulation");
        }
    }

    @Nested
    @DepartsFrom.Table(distribution = "rke1", source = "seed 001")
    @DisplayName("seed 001 (RKE1)")
    class Rke1 {
        @DepartsFrom("TCP | 379 | etcd nodes | etcd client requests (etcd outbound)")
        @Test
        @DisplayName("etcd outbound 'TCP | 379 | etcd nodes' is a typo for 2379 (etcd client requests)")
        void port379IsEtcd2379() {
            assertThat(catalogPorts("rke1")).contains(2379).doesNotContain(379);
            assertThat(ingressKeys(defaults("rke1"))).contains("etcd-in-tcp-2379-2380-etcd");
        }

        @DepartsFrom("UDP | 472 | etcd, controlplane and worker nodes | Canal/Flannel VXLAN overlay networking (controlplane inbound)")
        @Test
        @DisplayName("controlplane inbound 'UDP | 472' is a typo for 8472 (Canal/Flannel VXLAN)")
        void port472IsVxlan8472() {
            assertThat(catalogPorts("rke1")).contains(8472).doesNotContain(472);
            assertThat(ingressKeys(defaults("rke1"))).contains("all-nodes-in-udp-8472-all-nodes");
        }

        @DepartsFrom("TCP | 10250 | etcd, controlplane and worker nodes | kubelet | TCP | 10254 | controlplane node itself (controlplane outbound)")
        @Test
        @DisplayName("the controlplane outbound row fusing '10250 … kubelet | TCP | 10254' is two rows: 10250 to every node, 10254 local")
        void fusedRowIsSplit() {
            var policy = defaults("rke1");
            assertThat(policy.rules(Direction.EGRESS).stream().map(FirewallRule::key))
                    .contains("all-nodes-out-tcp-10250-all-nodes");
            assertThat(localPorts(policy)).contains("TCP 10254");
        }

        @DepartsFrom("TCP | 10250 | Metrics server communications with all nodes | kubelet")
        @Test
        @DisplayName("'10250 | Metrics server communications with all nodes': the source is every node of the cluster")
        void kubeletFromAllNodes() {
            assertThat(ingressKeys(defaults("rke1"))).contains("all-nodes-in-tcp-10250-all-nodes");
        }

        @DepartsFrom("TCP | 2376 | Rancher nodes | Docker daemon TLS port used by Docker Machine (only needed when using Node Driver/Templates)")
        @Test
        @DisplayName("'2376 | Rancher nodes | only needed when using Node Driver/Templates': opt-in option node-driver")
        void dockerMachineIsOptIn() {
            assertThat(ingressKeys(defaults("rke1"))).noneMatch(k -> k.contains("2376"));
            assertThat(ingressKeys(policy("rke1", "canal", List.of("node-driver")))).contains("all-nodes-in-tcp-2376-rancher",
                    "all-nodes-in-tcp-22-rancher");
        }

        @DepartsFrom("TCP | 22 | Linux worker nodes only | Remote access over SSH; TCP | 3389 | Windows worker nodes only | Remote access over RDP")
        @Test
        @DisplayName("'22 | Linux worker nodes only' and '3389 | Windows worker nodes only': opt-in remote access from admins")
        void remoteAccessIsOptIn() {
            assertThat(ingressKeys(defaults("rke1"))).noneMatch(k -> k.contains("-22-") || k.contains("3389"));
            assertThat(ingressKeys(policy("rke1", "flannel", List.of("remote-access", "windows"))))
                    .contains("worker-in-tcp-22-admins", "worker-in-tcp-3389-admins");
        }

        @DepartsFrom("TCP/UDP | 30000-32767 | Any source that consumes NodePort services | NodePort port range")
        @Test
        @DisplayName("'TCP/UDP | 30000-32767' is one TCP and one UDP rule")
        void nodePortsInBothProtocols() {
            assertThat(ingressKeys(defaults("rke1"))).contains("worker-in-tcp-30000-32767-nodeport-clients",
                    "worker-in-udp-30000-32767-nodeport-clients");
        }
    }

    @Nested
    @DepartsFrom.Table(distribution = "kubeadm", source = "seed 002")
    @DisplayName("seed 002 (kubeadm netstat excerpt)")
    class Kubeadm {
        @DepartsFrom("127.0.0.1:2381 etcd, 127.0.0.1:10257 kube-controlle, 127.0.0.1:10259 kube-scheduler (LISTEN)")
        @Test
        @DisplayName("'127.0.0.1:2381 etcd', '127.0.0.1:10257', '127.0.0.1:10259': loopback-bound, so no network rule")
        void loopbackPortsAreLocal() {
            assertThat(localPorts(defaults("kubeadm"))).containsExactly("TCP 2381", "TCP 10257", "TCP 10259");
        }

        @DepartsFrom(":::8888 kubectl (LISTEN)")
        @Test
        @DisplayName("':::8888 kubectl' is a kubectl proxy someone ran, not a cluster port")
        void kubectlProxyIsNotAClusterPort() {
            assertThat(catalogPorts("kubeadm")).doesNotContain(8888);
        }

        @DepartsFrom(":::10256 kube-proxy (LISTEN)")
        @Test
        @DisplayName("':::10256 kube-proxy' serves load balancers' health checks (official: Self, Load balancers)")
        void kubeProxyHealthFromLoadBalancers() {
            assertThat(ingressKeys(defaults("kubeadm"))).contains("worker-in-tcp-10256-load-balancers");
        }

        @DepartsFrom("192.168.163.11:2379, 192.168.163.11:2380 etcd (LISTEN)")
        @Test
        @DisplayName("'192.168.163.11:2379/2380 etcd': etcd is reached by control-plane nodes only")
        void etcdBetweenControlPlanes() {
            assertThat(ingressKeys(defaults("kubeadm"))).contains("control-plane-in-tcp-2379-2380-control-plane");
        }
    }

    @Nested
    @DepartsFrom.Table(distribution = "deckhouse", source = "seed 003")
    @DisplayName("seed 003 (Deckhouse)")
    class Deckhouse {
        @DepartsFrom("ICMP | ICMP for node-to-node connectivity monitoring | |")
        @Test
        @DisplayName("'ICMP | ICMP for node-to-node connectivity monitoring | |' puts the protocol in the port column: any ICMP between all nodes")
        void icmpRowIsProtocolOnly() {
            assertThat(ingressKeys(defaults("deckhouse"))).contains("all-nodes-in-icmp-all-nodes");
        }

        @DepartsFrom("External traffic for all nodes: 53/UDP, 53/TCP, 123/UDP, 443/TCP")
        @Test
        @DisplayName("'External traffic for all nodes' (53, 123, 443) is what nodes send out, not what they accept")
        void externalTrafficForAllNodesIsEgress() {
            var policy = defaults("deckhouse");
            assertThat(policy.rules(Direction.EGRESS).stream().map(FirewallRule::key)).contains(
                    "all-nodes-out-udp-53-dns", "all-nodes-out-tcp-53-dns", "all-nodes-out-udp-123-ntp",
                    "all-nodes-out-tcp-443-registry");
            assertThat(ingressKeys(policy)).noneMatch(k -> k.contains("-53-") || k.contains("-123-"));
        }

        @DepartsFrom("8469, 8472 | UDP | VXLAN for pod-to-pod traffic encapsulation")
        @Test
        @DisplayName("'8469, 8472 | UDP | VXLAN' is the page before DKP 1.64: Cilium now tunnels on 4298 (installed on 1.71+), "
                + "4299 (1.64-1.70) or 8472/8469 (1.63 and earlier), one port per cluster; flannel keeps 8472")
        void vxlanPortFollowsTheVersionTheClusterWasInstalledWith() {
            assertThat(ingressKeys(defaults("deckhouse"))).contains("all-nodes-in-udp-4298-all-nodes")
                    .noneMatch(k -> k.contains("-8469-") || k.contains("-8472-") || k.contains("-4299-"));
            assertThat(ingressKeys(policy("deckhouse", "cilium", List.of("cilium-vxlan-4299"))))
                    .contains("all-nodes-in-udp-4299-all-nodes").noneMatch(k -> k.contains("-4298-"));
            assertThat(ingressKeys(policy("deckhouse", "cilium", List.of("cilium-vxlan-8469"))))
                    .contains("all-nodes-in-udp-8469-all-nodes").noneMatch(k -> k.contains("-8472-"));
            assertThat(ingressKeys(policy("deckhouse", "flannel", List.of())))
                    .contains("all-nodes-in-udp-8472-all-nodes").noneMatch(k -> k.contains("-8469-") || k.contains("-4298-"));
            assertThatThrownBy(() -> policy("deckhouse", "cilium", List.of("metallb")))
                    .hasMessage("cni 'cilium' of deckhouse needs one of its cilium-tunnel-port options: cilium-vxlan-4298 "
                            + "(the default), cilium-vxlan-4299, cilium-vxlan-8472, cilium-vxlan-8469, cilium-vxlan-nested");
        }

        @DepartsFrom("49152, 49153 | TCP | Deckhouse Virtualization Platform VM live migration port")
        @Test
        @DisplayName("'49152, 49153 | TCP | VM live migration' was removed in DKP 1.71: migration runs over the pod network")
        void noLiveMigrationPorts() {
            assertThat(catalogPorts("deckhouse")).doesNotContain(49152, 49153);
            assertThat(Catalog.blueprint("deckhouse").options()).noneMatch(o -> o.name().equals("virtualization"));
        }

        @DepartsFrom("(no row for Cilium's WireGuard encryption)")
        @Test
        @DisplayName("the seed lacks Cilium's WireGuard port: UDP 4287 (DKP 1.71 release notes), opt-in")
        void ciliumWireGuard() {
            assertThat(ingressKeys(defaults("deckhouse"))).noneMatch(k -> k.contains("4287"));
            assertThat(ingressKeys(policy("deckhouse", "cilium", List.of("cilium-vxlan-4298", "cilium-wireguard"))))
                    .contains("all-nodes-in-udp-4287-all-nodes");
        }

        @DepartsFrom("rows of optional modules (sds-replicated-volume, metallb, openvpn…) without a condition")
        @Test
        @DisplayName("rows of modules outside the Default bundle (sds-replicated-volume, metallb, openvpn…) are opt-in; "
                + "monitoring and node-local-dns are in the bundle, so their metrics ports are open by default")
        void modulePortsFollowTheDefaultBundle() {
            assertThat(ingressKeys(defaults("deckhouse"))).noneMatch(k -> k.contains("7000-7999") || k.contains("5416")
                    || k.contains("4218"));
            assertThat(ingressKeys(defaults("deckhouse"))).contains("all-nodes-in-tcp-4204-4206-all-nodes",
                    "all-nodes-in-tcp-4224-all-nodes");
            assertThat(ingressKeys(policy("deckhouse", "cilium", List.of("cilium-vxlan-4298", "sds-replicated-volume", "metallb"))))
                    .contains("all-nodes-in-tcp-7000-7999-all-nodes", "all-nodes-in-udp-4218-all-nodes")
                    .noneMatch(k -> k.contains("4205") || k.contains("4224"));
        }

        @Test
        @DepartsFrom("9695 | TCP | sds-node-configurator node agent metrics")
        @DepartsFrom("3367 | TCP | API of the sds-replicated-volume module node agent")
        @DepartsFrom("9942 | TCP | sds-replicated-volume node agent metrics")
        @DisplayName("the storage agents' 9695, 3367 and 9942 moved into 4200-4299 on the current page: 4202, 4214 and 4215")
        void storageAgentsMovedIntoThePlatformRange() {
            assertThat(catalogPorts("deckhouse")).doesNotContain(9695, 3367, 9942);
            assertThat(ingressKeys(policy("deckhouse", "cilium", List.of("cilium-vxlan-4298", "sds-node-configurator",
                    "sds-replicated-volume")))).contains("all-nodes-in-tcp-4202-all-nodes", "all-nodes-in-tcp-4214-4215-all-nodes",
                    "all-nodes-in-tcp-7000-7999-all-nodes");
        }

        @Test
        @DepartsFrom("22, 22322 | TCP | SSH for Deckhouse Kubernetes Platform initialization")
        @DisplayName("'22, 22322 | SSH for Deckhouse Kubernetes Platform initialization': the current page lists 22 alone")
        void sshForInitializationOn22Only() {
            assertThat(ingressKeys(defaults("deckhouse"))).contains("master-in-tcp-22-admins").noneMatch(k -> k.contains("22322"));
        }

        @Test
        @DepartsFrom("4218, 4225 | TCP, UDP | metallb and l2-load-balancer speakers memberlist ports")
        @DisplayName("'metallb and l2-load-balancer speakers': one option, metallb, whose L2 mode replaced the l2-load-balancer module")
        void metallbCarriesTheL2Mode() {
            assertThat(Catalog.blueprint("deckhouse").option("l2-load-balancer")).isEmpty();
            assertThat(ingressKeys(policy("deckhouse", "flannel", List.of("metallb")))).contains(
                    "all-nodes-in-tcp-4218-all-nodes", "all-nodes-in-udp-4218-all-nodes", "all-nodes-in-tcp-4225-4226-all-nodes",
                    "all-nodes-in-udp-4225-all-nodes", "all-nodes-in-tcp-4220-all-nodes");
        }
    }

    @Nested
    @DepartsFrom.Table(distribution = "deckhouse", source = "deckhouse-ports.yml @ 6e01cad")
    @DisplayName("the current Deckhouse page (deckhouse-ports.yml at 6e01cad)")
    class DeckhousePage {
        @Test
        @DepartsFrom("4210 | TCP | kube-proxy metrics (between all nodes)")
        @DepartsFrom("4213 | TCP | kube-router metrics (between all nodes)")
        @DisplayName("'4210 kube-proxy metrics' and '4213 kube-router metrics': only with cni-flannel, as Cilium replaces "
                + "kube-proxy and disables network-policy-engine")
        void kubeProxyAndKubeRouterOnlyWithFlannel() {
            assertThat(ingressKeys(defaults("deckhouse"))).contains("all-nodes-in-tcp-4209-all-nodes")
                    .noneMatch(k -> k.contains("4210") || k.contains("4213"));
            assertThat(ingressKeys(policy("deckhouse", "flannel", List.of("monitoring"))))
                    .contains("all-nodes-in-tcp-4209-4210-all-nodes", "all-nodes-in-tcp-4213-all-nodes");
        }

        @Test
        @DepartsFrom("4288 | TCP | monitoring-ping metrics (between all nodes)")
        @DisplayName("'4288 monitoring-ping metrics': monitoring-ping listens on 127.0.0.1, Prometheus scrapes 4289")
        void monitoringPingIsScrapedThroughItsProxy() {
            assertThat(localPorts(defaults("deckhouse"))).contains("TCP 4288");
            assertThat(ingressKeys(defaults("deckhouse"))).contains("all-nodes-in-tcp-4289-all-nodes").noneMatch(k -> k.contains("4288"));
        }

        @Test
        @DepartsFrom("(no row for cni-flannel's VXLAN port; the VXLAN rows are cni-cilium's)")
        @DisplayName("the page's VXLAN rows are cni-cilium's: cni-flannel still needs its VXLAN port 8472")
        void flannelVxlan() {
            assertThat(ingressKeys(policy("deckhouse", "flannel", List.of()))).contains("all-nodes-in-udp-8472-all-nodes");
        }
    }

    @Nested
    @DepartsFrom.Table(distribution = "k3s", source = "seed 004")
    @DisplayName("seed 004 (K3s)")
    class K3s {
        @DepartsFrom("30949/tcp → K3s internal ephemeral ports")
        @Test
        @DisplayName("'30949/tcp → K3s internal ephemeral ports' is invented: K3s says nodes listen on no other port")
        void noEphemeralPort() {
            assertThat(Catalog.blueprint("k3s").requirements().stream()
                    .filter(r -> r.ports().isPresent() && r.ports().get().from() <= 30949 && 30949 <= r.ports().get().to()))
                    .extracting(Requirement::purpose).containsOnly("NodePort services");
            assertThat(ingressKeys(defaults("k3s"))).noneMatch(k -> k.contains("30949") || k.contains("30000"));
        }

        @DepartsFrom("6443 | TCP | Kubernetes API server (workers & kubectl clients connect here)")
        @Test
        @DisplayName("'6443 … workers & kubectl clients': the server needs 6443 from all nodes (servers join servers)")
        void apiFromAllNodes() {
            assertThat(ingressKeys(defaults("k3s"))).contains("server-in-tcp-6443-all-nodes", "server-in-tcp-6443-admins");
        }

        @DepartsFrom("10250 | TCP | Kubelet API (master communicates with workers / master talks to worker kubelets for metrics/logs)")
        @Test
        @DisplayName("'10250 … master talks to worker kubelets': kubelet traffic rides the agent's tunnel; 10250 between all nodes is for metrics-server")
        void kubeletForMetricsServer() {
            assertThat(ingressKeys(defaults("k3s"))).contains("all-nodes-in-tcp-10250-all-nodes");
            assertThat(ingressKeys(policy("k3s", "flannel", List.of("vxlan")))).noneMatch(k -> k.contains("10250"));
        }

        @DepartsFrom("30000-32767 | TCP | NodePort services (optional, only if exposing services externally)")
        @Test
        @DisplayName("'30000-32767 | NodePort services (optional)' is not in K3s's table: opt-in option nodeports from nodeport-clients")
        void nodePortsAreOptIn() {
            assertThat(ingressKeys(defaults("k3s"))).noneMatch(k -> k.contains("30000"));
            assertThat(ingressKeys(policy("k3s", "flannel", List.of("vxlan", "nodeports"))))
                    .contains("all-nodes-in-tcp-30000-32767-nodeport-clients");
        }

        @DepartsFrom("(no rows for HA embedded etcd, flannel WireGuard or the embedded registry)")
        @Test
        @DisplayName("the seed forgets HA embedded etcd (2379-2380), WireGuard (51820/51821) and Spegel (5001, 6443)")
        void forgottenOptions() {
            assertThat(ingressKeys(policy("k3s", "flannel", List.of("wireguard-native", "ha-embedded-etcd", "embedded-registry"))))
                    .contains("server-in-tcp-2379-2380-server", "all-nodes-in-udp-51820-51821-all-nodes",
                            "all-nodes-in-tcp-5001-all-nodes", "all-nodes-in-tcp-6443-all-nodes");
        }

        @Test
        @DepartsFrom(value = "2381 | TCP | etcd metrics: on the loopback interface only", source = "K3s requirements (local ports)")
        @DisplayName("beyond the seed: 2381 is loopback-only unless --etcd-expose-metrics (option etcd-metrics) adds the node address")
        void etcdMetricsAreLocalUnlessExposed() {
            assertThat(localPorts(defaults("k3s"))).contains("TCP 2381");
            assertThat(ingressKeys(defaults("k3s"))).noneMatch(k -> k.contains("2381"));
            assertThat(ingressKeys(policy("k3s", "flannel", List.of("vxlan", "ha-embedded-etcd", "etcd-metrics"))))
                    .contains("server-in-tcp-2379-2380-server", "server-in-tcp-2381-all-nodes", "server-in-tcp-2381-monitoring");
        }
    }
}
