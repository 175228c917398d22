package dev.portcullis.core.catalog;

import dev.portcullis.core.Blueprint;
import dev.portcullis.core.Condition;
import dev.portcullis.core.IpFamily;
import dev.portcullis.core.Peer;
import dev.portcullis.core.Protocol;

/**
 * Upstream Kubernetes installed with kubeadm: {@code control-plane} and {@code worker} nodes, and
 * the CNI the user chooses (kubeadm installs none).
 *
 * <p>The Kubernetes table marks some ports "Self": kubeadm binds kube-scheduler (10259),
 * kube-controller-manager (10257) and etcd's metrics (2381) to 127.0.0.1, so they are local-only.
 * Where the CNI routes pods without encapsulation, the {@code pod-network} peer is the cluster's pod
 * CIDRs.
 */
final class Kubeadm {
    static final String PORTS = "https://kubernetes.io/docs/reference/networking/ports-and-protocols/";
    static final String CHECK = "https://kubernetes.io/docs/setup/production-environment/tools/kubeadm/install-kubeadm/#check-required-ports";
    /** kubeadm's local etcd manifest: {@code --listen-metrics-urls=http://127.0.0.1:2381}. */
    static final String KUBEADM_ETCD = "https://github.com/kubernetes/kubernetes/blob/master/cmd/kubeadm/app/phases/etcd/local.go";
    static final String METRICS_SERVER = "https://github.com/kubernetes-sigs/metrics-server#requirements";
    static final String CALICO = "https://docs.tigera.io/calico/latest/getting-started/kubernetes/requirements#network-requirements";
    static final String CILIUM = "https://docs.cilium.io/en/stable/operations/system_requirements/#firewall-rules";
    static final String FLANNEL = "https://github.com/flannel-io/flannel/blob/master/Documentation/backends.md";

    private static final String SEED = "seed 002";

    private static final Peer CONTROL_PLANE = Peer.role("control-plane");
    private static final Peer WORKER = Peer.role("worker");
    private static final Peer ALL = Peer.allNodes();

    private Kubeadm() {}

    static Blueprint blueprint() {
        BlueprintBuilder b = new BlueprintBuilder("kubeadm", "Kubernetes (kubeadm)", PORTS)
                .roles("control-plane", "worker")
                .cni("none", "kubeadm installs no CNI: pick one, or add your CNI's ports as extra rules", CHECK)
                .cni("calico", "Project Calico", CALICO)
                .cni("cilium", "Cilium", CILIUM)
                .cni("flannel", "flannel", FLANNEL)
                .defaultCni("none")
                .option("metrics-server", "metrics-server scrapes every kubelet from the node it runs on", METRICS_SERVER)
                .cniOption("calico", "calico-ipip", "calico-encapsulation", true, "IP-in-IP encapsulation (Calico's default)", CALICO)
                .cniOption("calico", "calico-vxlan", "calico-encapsulation", false, "VXLAN encapsulation", CALICO)
                .cniOption("calico", "calico-no-encapsulation", "calico-encapsulation", false,
                        "no encapsulation (BGP routes): pod addresses cross the network", CALICO)
                .cniOption("calico", "calico-bgp", null, true, "BGP peering between nodes", CALICO)
                .cniOption("calico", "calico-typha", null, true, "Typha fan-out (the operator deploys it)", CALICO)
                .cniOption("calico", "calico-wireguard", null, false, "WireGuard encryption", CALICO)
                .cniOption("cilium", "cilium-vxlan", "cilium-routing", true, "VXLAN tunnel (Cilium's default)", CILIUM)
                .cniOption("cilium", "cilium-geneve", "cilium-routing", false, "Geneve tunnel", CILIUM)
                .cniOption("cilium", "cilium-native-routing", "cilium-routing", false, "native routing: pod addresses cross the network", CILIUM)
                .cniOption("cilium", "cilium-wireguard", null, false, "WireGuard transparent encryption", CILIUM)
                .cniOption("cilium", "hubble", null, false, "Hubble: the relay reaches every node's Hubble server", CILIUM)
                .cniOption("flannel", "flannel-vxlan", "flannel-backend", true, "VXLAN backend (flannel's default)", FLANNEL)
                .cniOption("flannel", "flannel-udp", "flannel-backend", false, "UDP backend (debugging only)", FLANNEL)
                .cniOption("flannel", "flannel-wireguard", "flannel-backend", false, "WireGuard backend", FLANNEL)
                .cniOption("flannel", "flannel-host-gw", "flannel-backend", false, "host-gw backend: routes, pod addresses cross the network", FLANNEL)
                .peer("admins", "kubectl users and automation reaching the Kubernetes API")
                .peer("load-balancers", "load balancers health-checking kube-proxy")
                .peer("nodeport-clients", "clients of NodePort services")
                .podNetworkPeer();

        b.tcp("6443").from(ALL, Peer.external("admins")).to(CONTROL_PLANE).purpose("Kubernetes API server").cite(PORTS)
                .tcp("2379-2380").from(CONTROL_PLANE).to(CONTROL_PLANE).purpose("etcd server client API").cite(PORTS)
                .tcp("10250").from(CONTROL_PLANE).to(ALL).purpose("Kubelet API").cite(PORTS)
                .tcp("10259").from(Peer.self()).to(CONTROL_PLANE).purpose("kube-scheduler")
                        .localOnly("kubeadm binds kube-scheduler to 127.0.0.1").cite(PORTS)
                .tcp("10257").from(Peer.self()).to(CONTROL_PLANE).purpose("kube-controller-manager")
                        .localOnly("kubeadm binds kube-controller-manager to 127.0.0.1").cite(PORTS)
                .tcp("2381").from(Peer.self()).to(CONTROL_PLANE).purpose("etcd metrics and health")
                        .localOnly("kubeadm binds etcd's --listen-metrics-urls to 127.0.0.1").cite(KUBEADM_ETCD)
                .tcp("10256").from(Peer.external("load-balancers")).to(WORKER).purpose("kube-proxy health check").cite(PORTS)
                .tcp("30000-32767").from(ALL).to(WORKER).purpose("NodePort Services").cite(PORTS)
                .udp("30000-32767").from(ALL).to(WORKER).purpose("NodePort Services").cite(PORTS)
                .tcp("30000-32767").from(Peer.external("nodeport-clients")).to(WORKER).purpose("NodePort Services").publicClients().cite(PORTS)
                .udp("30000-32767").from(Peer.external("nodeport-clients")).to(WORKER).purpose("NodePort Services").publicClients().cite(PORTS)
                .tcp("10250").from(ALL).to(ALL).purpose("Kubelet API for metrics-server").whenOption("metrics-server").cite(METRICS_SERVER)

                .tcp("179").from(ALL).to(ALL).purpose("Calico networking (BGP)").when(Condition.cni("calico").and("calico-bgp")).cite(CALICO)
                .protocol(Protocol.number(4)).from(ALL).to(ALL).purpose("Calico networking with IP-in-IP").when(Condition.cni("calico").and("calico-ipip")).cite(CALICO)
                .podNetworkRouted(Condition.cni("calico").and("calico-no-encapsulation"), CALICO)
                .podNetworkRouted(Condition.cni("cilium").and("cilium-native-routing"), CILIUM)
                .podNetworkRouted(Condition.cni("flannel").and("flannel-host-gw"), FLANNEL)
                .udp("4789").from(ALL).to(ALL).purpose("Calico networking with VXLAN").when(Condition.cni("calico").and("calico-vxlan")).cite(CALICO)
                .tcp("5473").from(ALL).to(ALL).purpose("Calico networking with Typha").when(Condition.cni("calico").and("calico-typha")).cite(CALICO)
                .udp("51820").from(ALL).to(ALL).purpose("Calico WireGuard (IPv4)").when(Condition.cni("calico").and("calico-wireguard")).cite(CALICO)
                .udp("51821").from(ALL).to(ALL).purpose("Calico WireGuard (IPv6)").when(Condition.cni("calico").and("calico-wireguard")).cite(CALICO)

                .udp("8472").from(ALL).to(ALL).purpose("Cilium VXLAN overlay").when(Condition.cni("cilium").and("cilium-vxlan")).cite(CILIUM)
                .udp("6081").from(ALL).to(ALL).purpose("Cilium Geneve overlay").when(Condition.cni("cilium").and("cilium-geneve")).cite(CILIUM)
                .tcp("4240").from(ALL).to(ALL).purpose("Cilium health checks").whenCni("cilium").cite(CILIUM)
                .udp("51871").from(ALL).to(ALL).purpose("Cilium WireGuard").when(Condition.cni("cilium").and("cilium-wireguard")).cite(CILIUM)
                .tcp("4244").from(ALL).to(ALL).purpose("Hubble server (reached by Hubble Relay)").when(Condition.cni("cilium").and("hubble")).cite(CILIUM);
        for (IpFamily family : IpFamily.values()) {
            b.protocol(Protocol.echoRequest(family)).from(ALL).to(ALL).purpose("Cilium health checks (ping)").whenCni("cilium").cite(CILIUM);
        }
        return b.udp("8472").from(ALL).to(ALL).purpose("flannel VXLAN").when(Condition.cni("flannel").and("flannel-vxlan")).cite(FLANNEL)
                .udp("8285").from(ALL).to(ALL).purpose("flannel UDP backend").when(Condition.cni("flannel").and("flannel-udp")).cite(FLANNEL)
                .udp("51820").from(ALL).to(ALL).purpose("flannel WireGuard (IPv4)").when(Condition.cni("flannel").and("flannel-wireguard")).cite(FLANNEL)
                .udp("51821").from(ALL).to(ALL).purpose("flannel WireGuard (IPv6)").when(Condition.cni("flannel").and("flannel-wireguard")).cite(FLANNEL)

                .deviation(SEED, "127.0.0.1:2381 etcd, 127.0.0.1:10257 kube-controlle, 127.0.0.1:10259 kube-scheduler (LISTEN)",
                        "listed as local only, no network rule: bound to loopback (the Kubernetes table says Self)", PORTS)
                .deviation(SEED, ":::8888 kubectl (LISTEN)", "left out: a kubectl proxy someone ran, not a cluster component", CHECK)
                .deviation(SEED, ":::10256 kube-proxy (LISTEN)",
                        "reached by load balancers' health checks on workers (the Kubernetes table: Self, Load balancers)", PORTS)
                .deviation(SEED, "192.168.163.11:2379, 192.168.163.11:2380 etcd (LISTEN)",
                        "from control-plane nodes only (the Kubernetes table: kube-apiserver, etcd)", PORTS)
                .build();
    }
}
