package dev.portcullis.core.catalog;

import dev.portcullis.core.Blueprint;
import dev.portcullis.core.Condition;
import dev.portcullis.core.Peer;
import java.util.List;

/**
 * Rancher RKE1: {@code etcd}, {@code controlplane} and {@code worker} roles (a node may hold several),
 * with the Rancher server as a named external peer. Canal (default) and flannel both use VXLAN 8472.
 *
 * <p>Seed 001 is a verbatim copy of the official shared table, typos included: {@code 379} for
 * 2379 (etcd outbound), {@code 472} for 8472 (controlplane inbound), and a controlplane outbound
 * row that fuses 10250 and 10254. "Metrics server communications with all nodes" means the
 * cluster's own nodes: metrics-server runs as a pod on any node and scrapes every kubelet.
 */
final class Rke1 {
    static final String PORTS = "https://rke.docs.rancher.com/os#ports";
    static final String LOCAL_TRAFFIC = "https://rke.docs.rancher.com/os#information-on-local-node-traffic";
    static final String RANCHER_NODES = "https://ranchermanager.docs.rancher.com/getting-started/installation-and-upgrade/installation-requirements/port-requirements#ports-for-rancher-launched-kubernetes-clusters-using-node-pools";
    static final String COMMON_PORTS = "https://ranchermanager.docs.rancher.com/getting-started/installation-and-upgrade/installation-requirements/port-requirements#commonly-used-ports";
    static final String NETWORK_PLUGINS = "https://rke.docs.rancher.com/config-options/add-ons/network-plugins";

    private static final String SEED = "seed 001";

    private static final Peer ETCD = Peer.role("etcd");
    private static final Peer CONTROLPLANE = Peer.role("controlplane");
    private static final Peer WORKER = Peer.role("worker");
    private static final Peer ALL = Peer.allNodes();
    private static final Peer RANCHER = Peer.external("rancher");

    private Rke1() {}

    static Blueprint blueprint() {
        return new BlueprintBuilder("rke1", "Rancher RKE1", PORTS)
                .roles("etcd", "controlplane", "worker")
                .cni("canal", "Canal: flannel VXLAN with Calico policy (RKE1's default)", NETWORK_PLUGINS)
                .cni("flannel", "flannel VXLAN", NETWORK_PLUGINS)
                .defaultCni("canal")
                .defaultOption("rancher-managed", "the cluster is managed by a Rancher server (cattle agents dial it on 443)", PORTS)
                .option("node-driver", "nodes created by Rancher node drivers/templates (Docker Machine over 22 and 2376)", PORTS)
                .option("rke-cli", "provisioned with the rke CLI, which reaches every node over SSH", PORTS)
                .option("remote-access", "operators reach worker nodes over SSH (Linux) or RDP (Windows)", PORTS)
                .option("windows", List.of("flannel"), "Windows worker nodes (flannel only; VXLAN on 4789)", PORTS)
                .peer("rancher", "the Rancher server nodes managing the cluster")
                .peer("admins", "kubectl users, SSH and RDP operators")
                .peer("ingress-clients", "clients of the ingress controller")
                .peer("nodeport-clients", "clients of NodePort services")

                .tcp("2379").from(ETCD, CONTROLPLANE).to(ETCD).purpose("etcd client requests").cite(PORTS)
                .tcp("2380").from(ETCD, CONTROLPLANE).to(ETCD).purpose("etcd peer communication").cite(PORTS)
                .tcp("6443").from(ETCD, CONTROLPLANE, WORKER).to(CONTROLPLANE).purpose("Kubernetes apiserver").cite(PORTS)
                .tcp("6443").from(Peer.external("admins")).to(CONTROLPLANE).purpose("Kubernetes apiserver").cite(PORTS)
                .udp("8472").from(ETCD, CONTROLPLANE, WORKER).to(ETCD, CONTROLPLANE, WORKER).purpose("Canal/Flannel VXLAN overlay networking").cite(PORTS)
                // Windows's VXLAN must use 4789 (flannel's backend docs); Rancher lists it for Windows clusters.
                .udp("4789").from(ALL).to(ALL).purpose("Flannel VXLAN overlay networking on Windows cluster").whenOption("windows").cite(COMMON_PORTS)
                .tcp("9099").from(Peer.self()).to(ALL).purpose("Canal/Flannel livenessProbe/readinessProbe")
                        .localOnly("health probes run on the node itself, not across nodes").cite(LOCAL_TRAFFIC)
                .tcp("10250").from(CONTROLPLANE).to(ETCD, CONTROLPLANE, WORKER).purpose("kubelet").cite(PORTS)
                .tcp("10250").from(ALL).to(ALL).purpose("kubelet: metrics server communications with all nodes").cite(PORTS)
                .tcp("10254").from(Peer.self()).to(CONTROLPLANE, WORKER).purpose("Ingress controller livenessProbe/readinessProbe")
                        .localOnly("health probes run on the node itself, not across nodes").cite(LOCAL_TRAFFIC)
                .tcp("80").from(Peer.external("ingress-clients")).to(CONTROLPLANE, WORKER).purpose("Ingress controller (HTTP)").publicClients().cite(PORTS)
                .tcp("443").from(Peer.external("ingress-clients")).to(CONTROLPLANE, WORKER).purpose("Ingress controller (HTTPS)").publicClients().cite(PORTS)
                .tcp("30000-32767").from(Peer.external("nodeport-clients")).to(CONTROLPLANE, WORKER).purpose("NodePort port range").publicClients().cite(PORTS)
                .udp("30000-32767").from(Peer.external("nodeport-clients")).to(CONTROLPLANE, WORKER).purpose("NodePort port range").publicClients().cite(PORTS)
                .tcp("443").from(ALL).to(RANCHER).purpose("Rancher agent").whenOption("rancher-managed").cite(PORTS)
                .tcp("2376").from(RANCHER).to(ALL).purpose("Docker daemon TLS port used by Docker Machine").whenOption("node-driver").cite(PORTS)
                .tcp("22").from(RANCHER).to(ALL).purpose("SSH provisioning of nodes using Node Driver").whenOption("node-driver").cite(RANCHER_NODES)
                .tcp("22").from(Peer.external("admins")).to(ALL).purpose("SSH provisioning of node by RKE").whenOption("rke-cli").cite(PORTS)
                .tcp("22").from(Peer.external("admins")).to(WORKER).purpose("Remote access over SSH (Linux worker nodes)").whenOption("remote-access").cite(PORTS)
                .tcp("3389").from(Peer.external("admins")).to(WORKER).purpose("Remote access over RDP (Windows worker nodes)")
                        .when(Condition.option("remote-access", "windows")).cite(PORTS)

                .deviation(SEED, "TCP | 379 | etcd nodes | etcd client requests (etcd outbound)",
                        "2379: a typo in the official table; etcd's client port", PORTS)
                .deviation(SEED, "UDP | 472 | etcd, controlplane and worker nodes | Canal/Flannel VXLAN overlay networking (controlplane inbound)",
                        "8472: a typo in the official table; the VXLAN port every other row names", PORTS)
                .deviation(SEED, "TCP | 10250 | etcd, controlplane and worker nodes | kubelet | TCP | 10254 | controlplane node itself (controlplane outbound)",
                        "two rows fused into one: 10250 to every node, and 10254 local only", LOCAL_TRAFFIC)
                .deviation(SEED, "TCP | 10250 | Metrics server communications with all nodes | kubelet",
                        "from every node of the cluster: metrics-server runs as a pod on any node and scrapes every kubelet", PORTS)
                .deviation(SEED, "TCP | 2376 | Rancher nodes | Docker daemon TLS port used by Docker Machine (only needed when using Node Driver/Templates)",
                        "opt-in option node-driver, with SSH from the Rancher nodes", RANCHER_NODES)
                .deviation(SEED, "TCP | 22 | Linux worker nodes only | Remote access over SSH; TCP | 3389 | Windows worker nodes only | Remote access over RDP",
                        "opt-in option remote-access, from admins; RDP only with windows", PORTS)
                .deviation(SEED, "TCP/UDP | 30000-32767 | Any source that consumes NodePort services | NodePort port range",
                        "one TCP and one UDP rule: a security group rule has one protocol", PORTS)
                .build();
    }
}
