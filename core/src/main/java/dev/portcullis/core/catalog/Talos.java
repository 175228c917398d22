package dev.portcullis.core.catalog;

import dev.portcullis.core.Blueprint;
import dev.portcullis.core.Condition;
import dev.portcullis.core.IpFamily;
import dev.portcullis.core.Peer;
import dev.portcullis.core.Protocol;

/**
 * Talos Linux (Sidero Labs), release 1.13: {@code controlplane} and {@code worker} machines, flannel
 * by default.
 *
 * <p>Talos's "Network Connectivity" page lists only its own API ports and defers the rest to the
 * Kubernetes table; the other rows come from the Talos pages of the features that open them (ingress
 * firewall: tunnel ports; KubeSpan; discovery; egress domains), and from the Talos code at v1.13.9
 * wherever a page is vague. talosctl talks to control planes, whose apid proxies each request to the
 * target node: workers' apid is reached by control planes only. Workers fetch their certificates from
 * the control planes' trustd; control planes sign their own. The API server reaches etcd on
 * 127.0.0.1, so etcd is open between control planes only; the controller manager and the scheduler
 * listen on 127.0.0.1, and so does KubePrism on every node.
 *
 * <p>Where the sources disagree with the code or with each other (recorded below with
 * {@code deviation}, printed in {@code docs/ports/talos.md}): the ingress firewall page's recommended
 * rules open kubelet, trustd and workers' apid to the whole node subnet, the control planes' apid and
 * API to the internet, and both VXLAN ports at once; upstream flannel tunnels on 8472 but Talos
 * configures 4789; the AWS guide opens KubeSpan's WireGuard port as TCP; the Talos page up to v1.5
 * had control planes calling trustd. KubeSpan, metrics-server, etcd metrics, maintenance-mode
 * configuration and the Talos API for pods are opt-in; kube-proxy and the discovery service are on by
 * default, as Talos generates them. Where pods are routed without encapsulation (Cilium native
 * routing), the {@code pod-network} peer must be bound to the cluster's pod CIDRs; service addresses
 * are translated on the sending node and never cross the network.
 */
final class Talos {
    static final String NETWORK = "https://docs.siderolabs.com/talos/v1.13/learn-more/talos-network-connectivity#configuring-network-connectivity";
    static final String FIREWALL = "https://docs.siderolabs.com/talos/v1.13/networking/ingress-firewall#recommended-rules";
    static final String FIREWALL_MODES = "https://docs.siderolabs.com/talos/v1.13/networking/ingress-firewall#configuration";
    static final String TALOSCTL = "https://docs.siderolabs.com/talos/v1.13/learn-more/talosctl#endpoints-and-nodes";
    static final String MAINTENANCE = "https://docs.siderolabs.com/talos/v1.13/getting-started/getting-started#step-2-boot-your-machine";
    static final String KUBESPAN = "https://docs.siderolabs.com/talos/v1.13/networking/kubespan#network-requirements";
    static final String DISCOVERY = "https://docs.siderolabs.com/talos/v1.13/configure-your-talos-cluster/system-configuration/discovery#service-registry";
    static final String EGRESS = "https://docs.siderolabs.com/talos/v1.13/networking/egress-domains";
    static final String TIME = "https://docs.siderolabs.com/talos/v1.13/networking/configuration/time";
    static final String HOST_DNS = "https://docs.siderolabs.com/talos/v1.13/networking/host-dns#operations";
    static final String AWS_GUIDE = "https://docs.siderolabs.com/talos/v1.13/platform-specific-installations/cloud-platforms/aws#create-a-security-group";
    static final String CONFIG_CNI = "https://docs.siderolabs.com/talos/v1.13/reference/configuration/v1alpha1/config#cni";
    static final String CONFIG_PROXY = "https://docs.siderolabs.com/talos/v1.13/reference/configuration/v1alpha1/config#proxy";
    static final String FLANNEL_GUIDE = "https://docs.siderolabs.com/kubernetes-guides/cni/flannel";
    static final String CILIUM_GUIDE = "https://docs.siderolabs.com/kubernetes-guides/cni/deploying-cilium";
    static final String CALICO_GUIDE = "https://docs.siderolabs.com/kubernetes-guides/cni/deploy-calico";
    static final String KUBEPRISM = "https://docs.siderolabs.com/kubernetes-guides/advanced-guides/kubeprism";
    static final String METRICS_SERVER = "https://docs.siderolabs.com/kubernetes-guides/monitoring-and-observability/deploy-metrics-server";
    static final String ETCD_METRICS = "https://docs.siderolabs.com/kubernetes-guides/monitoring-and-observability/etcd-metrics";
    static final String TALOS_API_ACCESS = "https://docs.siderolabs.com/kubernetes-guides/advanced-guides/talos-api-access-from-k8s";
    static final String KUBE_PROXY = "https://kubernetes.io/docs/reference/command-line-tools-reference/kube-proxy/";

    /** The Talos code the pages leave out, at the newest 1.13 release. */
    private static final String CODE = "https://github.com/siderolabs/talos/blob/v1.13.9/";
    /** flannel's net-conf.json: {@code Backend.Type = "vxlan"}, {@code Backend.Port = 4789}. */
    static final String FLANNEL_PORT = CODE + "internal/app/machined/pkg/controllers/k8s/internal/k8stemplates/flannel.go#L152-L153";
    static final String CONTROLLER_MANAGER_BIND = CODE + "internal/app/machined/pkg/controllers/k8s/control_plane_static_pod.go#L585";
    static final String SCHEDULER_BIND = CODE + "internal/app/machined/pkg/controllers/k8s/control_plane_static_pod.go#L767";
    /** Control planes sign their API certificates with the CA they hold; workers ask trustd. */
    static final String CERTIFICATES = CODE + "internal/app/machined/pkg/controllers/secrets/api.go#L278-L286";
    /** kube-apiserver's {@code --etcd-servers=https://127.0.0.1:2379}. */
    static final String APISERVER_ETCD = CODE + "internal/app/machined/pkg/controllers/k8s/control_plane.go#L200";
    /** etcd's arguments: client and peer listeners, no {@code listen-metrics-urls}. */
    static final String ETCD_ARGS = CODE + "internal/app/machined/pkg/system/services/etcd.go#L404-L419";
    static final String KUBEPRISM_HOST = CODE + "internal/app/machined/pkg/controllers/k8s/kubeprism_config.go#L58";
    static final String KUBELET_HEALTH = CODE + "internal/app/machined/pkg/system/services/kubelet.go#L222";
    /** The talosctl firewall patch: the recommended rules as code, both VXLAN ports in one rule. */
    static final String FIREWALL_PATCH = CODE + "cmd/talosctl/cmd/mgmt/cluster/internal/firewallpatch/firewallpatch.go#L118-L131";
    /** The {@code talos} service: port 50000 to the control planes' apid. */
    static final String TALOS_SERVICE = CODE + "internal/app/machined/pkg/controllers/kubeaccess/endpoint.go#L187-L196";

    private static final Peer CONTROLPLANE = Peer.role("controlplane");
    private static final Peer WORKER = Peer.role("worker");
    private static final Peer ALL = Peer.allNodes();
    private static final Peer ADMINS = Peer.external("admins");
    private static final Peer NODEPORT_CLIENTS = Peer.external("nodeport-clients");

    private static final String LOOPBACK = "Talos binds it to 127.0.0.1";

    private Talos() {}

    static Blueprint blueprint() {
        BlueprintBuilder b = new BlueprintBuilder("talos", "Talos Linux", NETWORK)
                .roles("controlplane", "worker")
                .cni("flannel", "flannel as Talos deploys it (cluster.network.cni.name: flannel, the default): VXLAN on UDP 4789", FLANNEL_GUIDE)
                .cni("cilium", "Cilium installed after Talos's guide (CNI none, then Helm); VXLAN unless native routing is chosen", CILIUM_GUIDE)
                .cni("calico", "Calico installed after Talos's guide (Tigera operator, VXLAN encapsulation, BGP disabled)", CALICO_GUIDE)
                .cni("none", "no CNI deployed by Talos (cluster.network.cni.name: none or custom): add your CNI's ports as extra rules", CONFIG_CNI)
                .defaultCni("flannel")
                .defaultOption("kube-proxy", "kube-proxy, which Talos deploys unless cluster.proxy.disabled is set "
                        + "(Cilium's kube-proxy replacement and Calico's kubeProxyManagement turn it off)", CONFIG_PROXY)
                .defaultOption("discovery", "cluster discovery through the discovery service (service registry, on in generated configs)", DISCOVERY)
                .option("kubespan", "KubeSpan: WireGuard mesh between all nodes (needs discovery)", KUBESPAN)
                .option("maintenance-mode", "talosctl applies the first configuration to workers booted without one "
                        + "(apply-config --insecure); not needed when the cloud passes it as user data", MAINTENANCE)
                .option("talos-api-access", "pods reach the control planes' Talos API through the talos service "
                        + "(kubernetesTalosAPIAccess)", TALOS_API_ACCESS)
                .option("metrics-server", "metrics-server scrapes every kubelet from the node it runs on", METRICS_SERVER)
                .option("etcd-metrics", "etcd metrics exposed on 2381 (listen-metrics-urls: http://0.0.0.0:2381)", ETCD_METRICS)
                .cniOption("cilium", "cilium-vxlan", "cilium-routing", true, "VXLAN tunnel (Cilium's default, as Talos's guide leaves it)", FIREWALL)
                .cniOption("cilium", "cilium-native-routing", "cilium-routing", false, "native routing: pod addresses cross the network", Kubeadm.CILIUM)
                .cniOption("cilium", "hubble", null, false, "Hubble: the relay reaches every node's Hubble server", Kubeadm.CILIUM)
                .peer("admins", "talosctl and kubectl users and automation reaching the Talos and Kubernetes APIs")
                .peer("load-balancers", "load balancers health-checking kube-proxy")
                .peer("nodeport-clients", "clients of NodePort services")
                .peer("monitoring", "Prometheus or another scraper of etcd metrics")
                .peer("discovery-service", "the discovery service (discovery.talos.dev, or a self-hosted one)")
                .peer("registry", "container registries and the Image Factory the nodes pull from (ghcr.io, registry.k8s.io, factory.talos.dev…)")
                .peer("ntp", "NTP servers (time.cloudflare.com unless configured)")
                .podNetworkPeer();

        // Talos's own services.
        b.tcp("50000").from(ADMINS).to(CONTROLPLANE).purpose("apid: Talos API for talosctl").cite(NETWORK)
                .tcp("50000").from(CONTROLPLANE).to(ALL).purpose("apid: control planes proxy Talos API requests to the target node").cite(TALOSCTL)
                .tcp("50000").from(ADMINS).to(WORKER).purpose("apid maintenance API: the first configuration of a worker")
                        .whenOption("maintenance-mode").cite(MAINTENANCE)
                .tcp("50000").from(ALL).to(CONTROLPLANE).purpose("apid: pods reach the Talos API through the talos service")
                        .whenOption("talos-api-access").cite(TALOS_SERVICE)
                .tcp("50001").from(WORKER).to(CONTROLPLANE).purpose("trustd: workers obtain their certificates").cite(NETWORK)
                .udp("51820").from(ALL).to(ALL).purpose("KubeSpan WireGuard").whenOption("kubespan").cite(KUBESPAN)
                .tcp("443").from(ALL).to(Peer.external("discovery-service")).purpose("discovery service (service registry)")
                        .whenOption("discovery").cite(DISCOVERY)
                .tcp("443").from(ALL).to(Peer.external("registry")).purpose("container images and the Image Factory").cite(EGRESS)
                .udp("123").from(ALL).to(Peer.external("ntp")).purpose("NTP time synchronization").cite(TIME)

                // Kubernetes, as Talos runs it.
                .tcp("6443").from(ALL, ADMINS).to(CONTROLPLANE).purpose("Kubernetes API server").cite(Kubeadm.PORTS)
                .tcp("2379-2380").from(CONTROLPLANE).to(CONTROLPLANE).purpose("etcd client and peer API").cite(FIREWALL)
                .tcp("2381").from(Peer.external("monitoring")).to(CONTROLPLANE).purpose("etcd metrics").whenOption("etcd-metrics").cite(ETCD_METRICS)
                .tcp("10250").from(CONTROLPLANE).to(ALL).purpose("Kubelet API").cite(Kubeadm.PORTS)
                .tcp("10250").from(ALL).to(ALL).purpose("Kubelet API for metrics-server").whenOption("metrics-server").cite(METRICS_SERVER)
                .tcp("10256").from(Peer.external("load-balancers")).to(WORKER).purpose("kube-proxy health check")
                        .whenOption("kube-proxy").cite(Kubeadm.PORTS)
                .tcp("30000-32767").from(ALL).to(WORKER).purpose("NodePort Services").cite(Kubeadm.PORTS)
                .udp("30000-32767").from(ALL).to(WORKER).purpose("NodePort Services").cite(Kubeadm.PORTS)
                .tcp("30000-32767").from(NODEPORT_CLIENTS).to(WORKER).purpose("NodePort Services").publicClients().cite(Kubeadm.PORTS)
                .udp("30000-32767").from(NODEPORT_CLIENTS).to(WORKER).purpose("NodePort Services").publicClients().cite(Kubeadm.PORTS)

                // CNIs: the tunnel port Talos's firewall page gives for each, the rest from the CNI's own page.
                .udp("4789").from(ALL).to(ALL).purpose("flannel VXLAN").whenCni("flannel").cite(FIREWALL)
                .udp("4789").from(ALL).to(ALL).purpose("Calico VXLAN").whenCni("calico").cite(FIREWALL)
                .tcp("5473").from(ALL).to(ALL).purpose("Calico Typha (deployed by the Tigera operator)").whenCni("calico").cite(Kubeadm.CALICO)
                .udp("8472").from(ALL).to(ALL).purpose("Cilium VXLAN").when(Condition.cni("cilium").and("cilium-vxlan")).cite(FIREWALL)
                .tcp("4240").from(ALL).to(ALL).purpose("Cilium health checks").whenCni("cilium").cite(Kubeadm.CILIUM)
                .tcp("4244").from(ALL).to(ALL).purpose("Hubble server (reached by Hubble Relay)").when(Condition.cni("cilium").and("hubble")).cite(Kubeadm.CILIUM)
                .podNetworkRouted(Condition.cni("cilium").and("cilium-native-routing"), FIREWALL_MODES);
        for (IpFamily family : IpFamily.values()) {
            b.protocol(Protocol.echoRequest(family)).from(ALL).to(ALL).purpose("Cilium health checks (ping)").whenCni("cilium").cite(Kubeadm.CILIUM);
        }

        // Listeners that never leave the node.
        b.tcp("10257").from(Peer.self()).to(CONTROLPLANE).purpose("kube-controller-manager").localOnly(LOOPBACK).cite(CONTROLLER_MANAGER_BIND)
                .tcp("10259").from(Peer.self()).to(CONTROLPLANE).purpose("kube-scheduler").localOnly(LOOPBACK).cite(SCHEDULER_BIND)
                .tcp("7445").from(Peer.self()).to(ALL).purpose("KubePrism: the node's load balancer in front of the API servers")
                        .localOnly("KubePrism listens on 127.0.0.1").cite(KUBEPRISM_HOST)
                .tcp("10248").from(Peer.self()).to(ALL).purpose("kubelet health").localOnly("the kubelet serves health on 127.0.0.1")
                        .cite(KUBELET_HEALTH)
                .tcp("10249").from(Peer.self()).to(ALL).purpose("kube-proxy metrics").whenOption("kube-proxy")
                        .localOnly("Talos leaves kube-proxy's metrics on its default, 127.0.0.1").cite(KUBE_PROXY)
                .tcp("53").from(Peer.self()).to(ALL).purpose("host DNS cache").localOnly("host DNS listens on 127.0.0.53").cite(HOST_DNS)
                .udp("53").from(Peer.self()).to(ALL).purpose("host DNS cache").localOnly("host DNS listens on 127.0.0.53").cite(HOST_DNS);

        return deviations(b).build();
    }

    /** Where this catalog departs from the tables it started from, and the page or code that says why. */
    private static BlueprintBuilder deviations(BlueprintBuilder b) {
        String firewall = "Talos \"Ingress Firewall\" recommended rules";
        String kubernetes = "Kubernetes \"Ports and Protocols\" (the table Talos defers to)";
        return b.deviation("Talos \"Network Connectivity\" v1.5 and earlier", "TCP 50001 trustd, used by: control plane nodes, worker nodes "
                                + "(v0.x also: TCP 50001 trustd inbound on workers, used by control plane nodes)",
                        "from workers to control planes only: control planes sign their own certificates with the CA they hold, "
                                + "only workers call trustd, and only control planes run it (as the v1.13 page says)", CERTIFICATES)
                .deviation("Talos \"Network Connectivity\"", "worker TCP 50000 apid, used by: control plane nodes",
                        "also from admins with the maintenance-mode option: a worker booted without configuration receives it on 50000 "
                                + "(the KubeSpan page: workers need TCP 50000 for initial configuration via talosctl)", KUBESPAN)
                .deviation(firewall, "trustd-ingress: TCP 50001 on control planes from $CLUSTER_SUBNET",
                        "from workers only", CERTIFICATES)
                .deviation(firewall, "kubelet-ingress: TCP 10250 on every node from $CLUSTER_SUBNET",
                        "from control planes, whose API server is the kubelet's client (Kubernetes table: Self, Control plane); "
                                + "from all nodes only with the metrics-server option", Kubeadm.PORTS)
                .deviation(firewall, "apid-ingress on workers: TCP 50000 from $CLUSTER_SUBNET",
                        "from control planes, which proxy talosctl's requests to the target node", TALOSCTL)
                .deviation(firewall, "apid-ingress and kubernetes-api-ingress on control planes: TCP 50000 and 6443 from 0.0.0.0/0 and ::/0",
                        "from the admins peer (and 6443 from all nodes); binding admins to the internet needs allowInternet(\"admins\")", NETWORK)
                .deviation(firewall, "cni-vxlan: UDP 4789 (Flannel, Calico) and 8472 (Cilium) in one rule",
                        "only the chosen CNI's tunnel port: 4789 for flannel and Calico, 8472 for Cilium in VXLAN mode", FIREWALL_PATCH)
                .deviation("Talos \"Ingress Firewall\" block mode", "traffic between Kubernetes pod/service subnets is allowed (for native routing CNIs)",
                        "the pod-network peer, only where pods are routed natively (Cilium native routing); service addresses are translated "
                                + "on the sending node and never cross the network", FIREWALL_MODES)
                .deviation("flannel \"Backends\" (upstream)", "vxlan Port: UDP port for encapsulated packets, kernel default 8472",
                        "UDP 4789: Talos's flannel configuration sets Backend.Port 4789", FLANNEL_PORT)
                .deviation("Talos \"AWS\" guide", "IpProtocol=tcp,FromPort=51820,ToPort=51820 from 0.0.0.0/0, to \"allow inbound UDP for the Wireguard port\"",
                        "UDP 51820 (KubeSpan's WireGuard), between the cluster's nodes, only with the kubespan option", KUBESPAN)
                .deviation("Talos \"AWS\" guide", "--protocol all --source-group: all traffic between the cluster's nodes",
                        "only the ports of this catalog between nodes", AWS_GUIDE)
                .deviation("Talos \"KubeSpan\"", "one end of all possible node-node communication allows UDP port 51820, inbound",
                        "UDP 51820 inbound on every node from every node: both ends carry the cluster's groups and either may start", KUBESPAN)
                .deviation("Talos \"KubePrism\"", "enabled by default on port 7445, which should be available on every node",
                        "kept out of network rules: KubePrism listens on 127.0.0.1", KUBEPRISM_HOST)
                .deviation(kubernetes, "TCP 10257 kube-controller-manager and TCP 10259 kube-scheduler, inbound on the control plane",
                        "kept out of network rules: Talos binds both to 127.0.0.1", CONTROLLER_MANAGER_BIND)
                .deviation(kubernetes, "TCP 2379-2380 etcd server client API, used by: kube-apiserver, etcd",
                        "between control planes only: Talos's API server reaches its own etcd on 127.0.0.1", APISERVER_ETCD)
                .deviation(kubernetes, "TCP 10256 kube-proxy, used by: Self, Load balancers",
                        "with the kube-proxy option, on by default; off when Cilium or Calico replaces kube-proxy", CONFIG_PROXY)
                .deviation("Talos \"Expose the etcd metrics endpoint\"", "listen-metrics-urls http://0.0.0.0:2381, accessible from all network interfaces",
                        "opt-in (etcd-metrics), from the monitoring peer only: Talos's etcd has no metrics listener of its own", ETCD_ARGS);
    }
}
