package dev.portcullis.core.catalog;

import dev.portcullis.core.Blueprint;
import dev.portcullis.core.Condition;
import dev.portcullis.core.Peer;

/**
 * K3s: {@code server} and {@code agent} nodes, flannel built in (VXLAN by default).
 *
 * <p>K3s multiplexes its supervisor and the Kubernetes API on 6443, and agents reach kubelets through
 * a reverse tunnel, so the official table is short. Seed 004 invented an "ephemeral" 30949/tcp and
 * called NodePorts a master-only concern; neither is in the official page. etcd, the API server's
 * local port and the controllers' metrics exist on servers only.
 *
 * <p>etcd's metrics port 2381 listens on loopback unless the server runs with
 * {@code --etcd-expose-metrics}, which adds the node address (as RKE2's {@code etcd-expose-metrics}):
 * the opt-in option {@code etcd-metrics} opens it to scrapers in the cluster and to {@code monitoring}.
 */
final class K3s {
    static final String REQUIREMENTS = "https://docs.k3s.io/installation/requirements#inbound-rules-for-k3s-nodes";
    static final String LOCAL_PORTS = "https://docs.k3s.io/installation/requirements#local-ports";
    static final String NETWORKING = "https://docs.k3s.io/installation/requirements#networking";
    static final String FLANNEL = "https://docs.k3s.io/networking/basic-network-options#flannel-options";
    static final String REGISTRY = "https://docs.k3s.io/installation/registry-mirror";
    static final String TRAEFIK = "https://docs.k3s.io/networking/networking-services#traefik-ingress-controller";
    static final String SERVICES = "https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport";
    /** {@code --etcd-expose-metrics}: "Expose etcd metrics to client interface" (default false). */
    static final String SERVER_CLI = "https://docs.k3s.io/cli/server#database";

    private static final String SEED = "seed 004";

    private static final Peer SERVER = Peer.role("server");
    private static final Peer AGENT = Peer.role("agent");
    private static final Peer ALL = Peer.allNodes();

    private static final String LOOPBACK = "K3s listens on the loopback interface only";

    private K3s() {}

    static Blueprint blueprint() {
        return new BlueprintBuilder("k3s", "K3s", NETWORKING)
                .roles("server", "agent")
                .cni("flannel", "K3s's embedded flannel", FLANNEL)
                .cni("none", "flannel disabled (--flannel-backend=none); bring your own CNI and add its ports", FLANNEL)
                .defaultCni("flannel")
                .cniOption("flannel", "vxlan", "flannel-backend", true, "flannel VXLAN backend (the default)", FLANNEL)
                .cniOption("flannel", "host-gw", "flannel-backend", false, "flannel host-gw backend: routes, pod addresses cross the network", FLANNEL)
                .cniOption("flannel", "wireguard-native", "flannel-backend", false, "flannel WireGuard backend", FLANNEL)
                .option("ha-embedded-etcd", "several servers with embedded etcd (--cluster-init)", REQUIREMENTS)
                .option("etcd-metrics", "embedded etcd's metrics on the node address as well as loopback (--etcd-expose-metrics)", SERVER_CLI)
                .option("embedded-registry", "embedded distributed registry mirror (Spegel)", REGISTRY)
                .defaultOption("metrics-server", "the packaged metrics-server (deployed by default) scrapes every kubelet", REQUIREMENTS)
                .option("ingress", "clients reach the packaged Traefik, which ServiceLB exposes on 80/443 of every node", TRAEFIK)
                .option("nodeports", "NodePort services reachable from outside the cluster", SERVICES)
                .peer("admins", "kubectl users and automation reaching the Kubernetes API")
                .peer("ingress-clients", "clients of the ingress controller")
                .peer("nodeport-clients", "clients of NodePort services")
                .peer("monitoring", "Prometheus or another scraper of etcd metrics outside the cluster")
                .podNetworkPeer()

                .tcp("6443").from(AGENT).to(SERVER).purpose("K3s supervisor and Kubernetes API Server").cite(REQUIREMENTS)
                .tcp("6443").from(SERVER).to(SERVER).purpose("K3s supervisor and Kubernetes API Server (servers joining servers)").cite(NETWORKING)
                .tcp("6443").from(Peer.external("admins")).to(SERVER).purpose("Kubernetes API for kubectl").cite(REQUIREMENTS)
                .tcp("2379-2380").from(SERVER).to(SERVER).purpose("etcd, HA with embedded etcd").whenOption("ha-embedded-etcd").cite(REQUIREMENTS)
                .udp("8472").from(ALL).to(ALL).purpose("Flannel VXLAN").whenOption("vxlan").cite(REQUIREMENTS)
                .podNetworkRouted(Condition.cni("flannel").and("host-gw"), FLANNEL)
                .udp("51820").from(ALL).to(ALL).purpose("Flannel WireGuard with IPv4").whenOption("wireguard-native").cite(REQUIREMENTS)
                .udp("51821").from(ALL).to(ALL).purpose("Flannel WireGuard with IPv6").whenOption("wireguard-native").cite(REQUIREMENTS)
                .tcp("10250").from(ALL).to(ALL).purpose("Kubelet metrics and API").whenOption("metrics-server").cite(REQUIREMENTS)
                .tcp("5001").from(ALL).to(ALL).purpose("Embedded distributed registry (Spegel)").whenOption("embedded-registry").cite(REQUIREMENTS)
                .tcp("6443").from(ALL).to(ALL).purpose("Embedded distributed registry (Spegel)").whenOption("embedded-registry").cite(REQUIREMENTS)
                .tcp("80").from(Peer.external("ingress-clients")).to(ALL).purpose("Traefik HTTP")
                        .whenOption("ingress").publicClients().cite(TRAEFIK)
                .tcp("443").from(Peer.external("ingress-clients")).to(ALL).purpose("Traefik HTTPS")
                        .whenOption("ingress").publicClients().cite(TRAEFIK)
                .tcp("30000-32767").from(Peer.external("nodeport-clients")).to(ALL).purpose("NodePort services")
                        .whenOption("nodeports").publicClients().cite(SERVICES)
                .tcp("2381").from(Peer.self()).to(SERVER).purpose("etcd metrics").localOnly(LOOPBACK).cite(LOCAL_PORTS)
                // A scraper in the cluster reaches the node address from whichever node its pod runs on.
                .tcp("2381").from(ALL).to(SERVER).purpose("etcd metrics").whenOption("etcd-metrics").cite(SERVER_CLI)
                .tcp("2381").from(Peer.external("monitoring")).to(SERVER).purpose("etcd metrics").whenOption("etcd-metrics").cite(SERVER_CLI)
                .tcp("2382").from(Peer.self()).to(SERVER).purpose("etcd legacy HTTP API").localOnly(LOOPBACK).cite(LOCAL_PORTS)
                .tcp("6444").from(Peer.self()).to(SERVER).purpose("kube-apiserver local access").localOnly(LOOPBACK).cite(LOCAL_PORTS)
                .tcp("10010").from(Peer.self()).to(ALL).purpose("containerd and cri-dockerd CRI service exec/logs streaming").localOnly(LOOPBACK).cite(LOCAL_PORTS)
                .tcp("10248").from(Peer.self()).to(ALL).purpose("kubelet health").localOnly(LOOPBACK).cite(LOCAL_PORTS)
                .tcp("10249").from(Peer.self()).to(ALL).purpose("kube-proxy metrics").localOnly(LOOPBACK).cite(LOCAL_PORTS)
                .tcp("10256").from(Peer.self()).to(ALL).purpose("kube-proxy health").localOnly(LOOPBACK).cite(LOCAL_PORTS)
                .tcp("10257").from(Peer.self()).to(SERVER).purpose("kube-controller-manager metrics").localOnly(LOOPBACK).cite(LOCAL_PORTS)
                .tcp("10258").from(Peer.self()).to(SERVER).purpose("cloud-controller-manager metrics").localOnly(LOOPBACK).cite(LOCAL_PORTS)
                .tcp("10259").from(Peer.self()).to(SERVER).purpose("kube-scheduler metrics").localOnly(LOOPBACK).cite(LOCAL_PORTS)

                .deviation(SEED, "30949/tcp → K3s internal ephemeral ports",
                        "no rule: K3s's tables list every port its nodes listen on, and 30949 is not one of them", REQUIREMENTS)
                .deviation(SEED, "6443 | TCP | Kubernetes API server (workers & kubectl clients connect here)",
                        "from all nodes and admins: servers join servers on 6443 too, where the supervisor shares the API's port", NETWORKING)
                .deviation(SEED, "10250 | TCP | Kubelet API (master communicates with workers / master talks to worker kubelets for metrics/logs)",
                        "between all nodes, for metrics-server (a default option); the server reaches kubelets through the agent's "
                                + "tunnel, so without metrics-server no rule", REQUIREMENTS)
                .deviation(SEED, "30000-32767 | TCP | NodePort services (optional, only if exposing services externally)",
                        "opt-in option nodeports, from nodeport-clients to every node: not in K3s's table", SERVICES)
                .deviation(SEED, "(no rows for HA embedded etcd, flannel WireGuard or the embedded registry)",
                        "options ha-embedded-etcd (2379-2380 between servers), wireguard-native (UDP 51820/51821) and "
                                + "embedded-registry (5001 and 6443 between all nodes), from K3s's table", REQUIREMENTS)
                .deviation("K3s requirements (local ports)", "2381 | TCP | etcd metrics: on the loopback interface only",
                        "opt-in option etcd-metrics: --etcd-expose-metrics binds 2381 on the node address too, opened from every "
                                + "node and from monitoring", SERVER_CLI)
                .build();
    }
}
