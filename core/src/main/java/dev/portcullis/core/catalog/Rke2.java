package dev.portcullis.core.catalog;

import dev.portcullis.core.Blueprint;
import dev.portcullis.core.Condition;
import dev.portcullis.core.IpFamily;
import dev.portcullis.core.Peer;
import dev.portcullis.core.Protocol;
import java.util.List;

/**
 * RKE2: {@code server} and {@code agent} nodes, Canal by default.
 *
 * <p>Seed 000 lists only the generic table, with agents as the only clients of 6443 and 9345; the
 * official table says "All RKE2 nodes" (servers join servers in HA), and the default CNI's VXLAN
 * port is missing, without which pods on different nodes cannot talk. etcd's metrics listen on
 * 127.0.0.1 unless {@code etcd-expose-metrics} is set, so 2381 across servers is opt-in here.
 *
 * <p>The embedded registry (Spegel) serves on the supervisor port 9345 on every node, not 6443 as
 * on K3s (the RKE2 page itself said 6443 until 2025). Where pods are routed without encapsulation
 * (Calico without encapsulation, Cilium native routing) pod addresses cross the network, and the
 * {@code pod-network} peer must be bound to the cluster's pod CIDRs.
 */
final class Rke2 {
    static final String REQUIREMENTS = "https://docs.rke2.io/install/requirements#inbound-network-rules";
    static final String CNI_RULES = "https://docs.rke2.io/install/requirements#cni-specific-inbound-network-rules";
    static final String NETWORKING = "https://docs.rke2.io/networking/basic_network_options";
    static final String INGRESS = "https://docs.rke2.io/networking/networking_services#ingress-controller";
    static final String REGISTRY = "https://docs.rke2.io/install/registry_mirror";
    static final String WINDOWS = "https://docs.rke2.io/install/requirements#windows-specific-inbound-network-rules";
    static final String SERVER_CONFIG = "https://docs.rke2.io/reference/server_config";

    private static final String SEED = "seed 000";

    private static final Peer SERVER = Peer.role("server");
    private static final Peer ALL = Peer.allNodes();

    private Rke2() {}

    static Blueprint blueprint() {
        BlueprintBuilder b = new BlueprintBuilder("rke2", "RKE2", REQUIREMENTS)
                .roles("server", "agent")
                .cni("canal", "Canal: flannel VXLAN for the overlay, Calico for network policy (RKE2's default)", CNI_RULES)
                .cni("calico", "Project Calico", CNI_RULES)
                .cni("cilium", "Cilium", CNI_RULES)
                .cni("flannel", "flannel alone", CNI_RULES)
                .cni("none", "no CNI deployed by RKE2: add your CNI's ports as extra rules", NETWORKING)
                .defaultCni("canal")
                .option("ingress", "clients reach the packaged ingress controller (Traefik since v1.36, ingress-nginx before), "
                        + "which binds 80/443 on every node", INGRESS)
                .option("etcd-metrics", "etcd metrics exposed on the node address (etcd-expose-metrics: true)", SERVER_CONFIG)
                .option("embedded-registry", "embedded registry mirror (Spegel)", REGISTRY)
                .option("nodeports", "NodePort services reachable from outside the cluster", REQUIREMENTS)
                .option("windows", List.of("calico", "flannel"), "Windows agents: VXLAN on 4789, Calico BGP on 179", WINDOWS)
                .cniOption("canal", "canal-wireguard", null, false, "Canal with WireGuard", CNI_RULES)
                .cniOption("calico", "calico-vxlan", "calico-encapsulation", true, "VXLAN encapsulation (RKE2's Calico default)", CNI_RULES)
                .cniOption("calico", "calico-no-encapsulation", "calico-encapsulation", false,
                        "no encapsulation, routes from BGP: pod addresses cross the network", NETWORKING)
                .cniOption("calico", "calico-bgp", null, false, "BGP peering between nodes", CNI_RULES)
                .cniOption("calico", "calico-typha", null, true, "Typha (deployed by the Tigera operator)", CNI_RULES)
                .cniOption("calico", "calico-wireguard", null, false, "Calico with WireGuard (ports from Calico's own page)", Kubeadm.CALICO)
                .cniOption("cilium", "cilium-vxlan", "cilium-routing", true, "VXLAN tunnel (Cilium's default)", CNI_RULES)
                .cniOption("cilium", "cilium-native-routing", "cilium-routing", false, "native routing: pod addresses cross the network", Kubeadm.CILIUM)
                .cniOption("cilium", "cilium-wireguard", null, false, "Cilium with WireGuard", CNI_RULES)
                .cniOption("cilium", "hubble", null, false, "Hubble: the relay reaches every node's Hubble server", Kubeadm.CILIUM)
                .peer("admins", "kubectl users and automation reaching the Kubernetes API")
                .peer("ingress-clients", "clients of the ingress controller")
                .peer("nodeport-clients", "clients of NodePort services")
                .peer("monitoring", "Prometheus or another scraper of etcd metrics")
                .podNetworkPeer();

        b.tcp("6443").from(ALL).to(SERVER).purpose("Kubernetes API").cite(REQUIREMENTS)
                .tcp("9345").from(ALL).to(SERVER).purpose("RKE2 supervisor API").cite(REQUIREMENTS)
                .tcp("6443").from(Peer.external("admins")).to(SERVER).purpose("Kubernetes API for kubectl").cite(REQUIREMENTS)
                .tcp("10250").from(ALL).to(ALL).purpose("kubelet metrics").cite(REQUIREMENTS)
                .tcp("2379").from(SERVER).to(SERVER).purpose("etcd client port").cite(REQUIREMENTS)
                .tcp("2380").from(SERVER).to(SERVER).purpose("etcd peer port").cite(REQUIREMENTS)
                .tcp("2381").from(Peer.self()).to(SERVER).purpose("etcd metrics port")
                        .localOnly("etcd serves metrics on 127.0.0.1 unless etcd-expose-metrics is set").cite(SERVER_CONFIG)
                .tcp("2381").from(SERVER).to(SERVER).purpose("etcd metrics port").whenOption("etcd-metrics").cite(REQUIREMENTS)
                .tcp("2381").from(Peer.external("monitoring")).to(SERVER).purpose("etcd metrics port").whenOption("etcd-metrics").cite(SERVER_CONFIG)
                .tcp("30000-32767").from(ALL).to(ALL).purpose("NodePort port range").cite(REQUIREMENTS)
                .tcp("30000-32767").from(Peer.external("nodeport-clients")).to(ALL).purpose("NodePort port range")
                        .whenOption("nodeports").publicClients().cite(REQUIREMENTS)
                .tcp("80").from(Peer.external("ingress-clients")).to(ALL).purpose("ingress controller HTTP")
                        .whenOption("ingress").publicClients().cite(INGRESS)
                .tcp("443").from(Peer.external("ingress-clients")).to(ALL).purpose("ingress controller HTTPS")
                        .whenOption("ingress").publicClients().cite(INGRESS)
                .tcp("5001").from(ALL).to(ALL).purpose("embedded registry mirror (Spegel)").whenOption("embedded-registry").cite(REGISTRY)
                .tcp("9345").from(ALL).to(ALL).purpose("embedded registry mirror (Spegel)").whenOption("embedded-registry").cite(REGISTRY)
                // The Windows table, for the CNIs Windows supports; BGP only where it is enabled.
                .udp("4789").from(ALL).to(ALL).purpose("Required for Calico and Flannel VXLAN (Windows)").when(Condition.cni("calico").and("windows")).cite(WINDOWS)
                .udp("4789").from(ALL).to(ALL).purpose("Required for Calico and Flannel VXLAN (Windows)").when(Condition.cni("flannel").and("windows")).cite(WINDOWS)
                .tcp("179").from(ALL).to(ALL).purpose("Calico CNI with BGP (Windows)").when(Condition.cni("calico").and("windows").and("calico-bgp")).cite(WINDOWS)

                .udp("8472").from(ALL).to(ALL).purpose("Canal CNI with VXLAN").whenCni("canal").cite(CNI_RULES)
                .tcp("9099").from(Peer.self()).to(ALL).purpose("Canal CNI health checks").whenCni("canal")
                        .localOnly("kubelet probes the CNI's health endpoint on the node itself").cite(CNI_RULES)
                .udp("51820").from(ALL).to(ALL).purpose("Canal CNI with WireGuard IPv4").when(Condition.cni("canal").and("canal-wireguard")).cite(CNI_RULES)
                .udp("51821").from(ALL).to(ALL).purpose("Canal CNI with WireGuard IPv6/dual-stack").when(Condition.cni("canal").and("canal-wireguard")).cite(CNI_RULES)

                .tcp("179").from(ALL).to(ALL).purpose("Calico CNI with BGP").when(Condition.cni("calico").and("calico-bgp")).cite(CNI_RULES)
                .podNetworkRouted(Condition.cni("calico").and("calico-no-encapsulation"), NETWORKING)
                .udp("4789").from(ALL).to(ALL).purpose("Calico CNI with VXLAN").when(Condition.cni("calico").and("calico-vxlan")).cite(CNI_RULES)
                .tcp("5473").from(ALL).to(ALL).purpose("Calico CNI with Typha").when(Condition.cni("calico").and("calico-typha")).cite(CNI_RULES)
                .tcp("9098").from(Peer.self()).to(ALL).purpose("Calico Typha health checks").when(Condition.cni("calico").and("calico-typha"))
                        .localOnly("kubelet probes Typha's health endpoint on the node itself").cite(CNI_RULES)
                .tcp("9099").from(Peer.self()).to(ALL).purpose("Calico health checks").whenCni("calico")
                        .localOnly("kubelet probes the CNI's health endpoint on the node itself").cite(CNI_RULES)
                .udp("51820").from(ALL).to(ALL).purpose("Calico WireGuard (IPv4)").when(Condition.cni("calico").and("calico-wireguard")).cite(Kubeadm.CALICO)
                .udp("51821").from(ALL).to(ALL).purpose("Calico WireGuard (IPv6)").when(Condition.cni("calico").and("calico-wireguard")).cite(Kubeadm.CALICO)

                .udp("8472").from(ALL).to(ALL).purpose("Cilium CNI VXLAN").when(Condition.cni("cilium").and("cilium-vxlan")).cite(CNI_RULES)
                .tcp("4240").from(ALL).to(ALL).purpose("Cilium CNI health checks").whenCni("cilium").cite(CNI_RULES)
                .udp("51871").from(ALL).to(ALL).purpose("Cilium CNI with WireGuard").when(Condition.cni("cilium").and("cilium-wireguard")).cite(CNI_RULES)
                .tcp("4244").from(ALL).to(ALL).purpose("Hubble server (reached by Hubble Relay)").when(Condition.cni("cilium").and("hubble")).cite(Kubeadm.CILIUM);
        b.podNetworkRouted(Condition.cni("cilium").and("cilium-native-routing"), Kubeadm.CILIUM);
        // The table's ICMP row is echo (types 0 and 8); replies pass a stateful group unasked. The
        // ICMPv6 counterpart is ours: Cilium's health probes ping over IPv6 in IPv6 clusters.
        b.protocol(Protocol.echoRequest(IpFamily.IPV4)).from(ALL).to(ALL).purpose("Cilium CNI health checks").whenCni("cilium").cite(CNI_RULES);
        b.protocol(Protocol.echoRequest(IpFamily.IPV6)).from(ALL).to(ALL).purpose("Cilium CNI health checks").whenCni("cilium").cite(Kubeadm.CILIUM);
        b.udp("4789").from(ALL).to(ALL).purpose("Flannel CNI with VXLAN").whenCni("flannel").cite(CNI_RULES);
        return b.deviation(SEED, "6443 | TCP | RKE2 agent nodes | RKE2 server nodes | Kubernetes API",
                        "from all nodes: the official table says All RKE2 nodes, as servers join servers in HA", REQUIREMENTS)
                .deviation(SEED, "9345 | TCP | RKE2 agent nodes | RKE2 server nodes | RKE2 supervisor API",
                        "from all nodes: the official table says All RKE2 nodes, as servers join servers in HA", REQUIREMENTS)
                .deviation(SEED, "2381 | TCP | RKE2 server nodes | RKE2 server nodes | etcd metrics port",
                        "local only by default: etcd serves metrics on 127.0.0.1 unless etcd-expose-metrics is set; the opt-in "
                                + "option etcd-metrics opens it between servers and from monitoring", SERVER_CONFIG)
                .deviation(SEED, "(no CNI rows)",
                        "each CNI's rows from the official CNI tables: Canal, the default, needs UDP 8472 between all nodes; "
                                + "flannel alone uses 4789; a CNI's way of carrying pods is a required option", CNI_RULES)
                .deviation(SEED, "(no row for the embedded registry)",
                        "option embedded-registry: Spegel on 5001 and RKE2's supervisor port 9345 between all nodes (not K3s's 6443)", REGISTRY)
                .deviation(SEED, "(no Windows rows)",
                        "option windows, with Calico or flannel only: UDP 4789, and TCP 179 where Calico BGP is on", WINDOWS)
                .deviation("RKE2 CNI inbound rules", "9099 | TCP | All RKE2 nodes | Canal CNI health checks",
                        "local only: kubelet probes the CNI's health endpoint on the node itself", Rke1.LOCAL_TRAFFIC)
                .build();
    }
}
