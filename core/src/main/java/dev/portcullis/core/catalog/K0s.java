package dev.portcullis.core.catalog;

import dev.portcullis.core.Blueprint;
import dev.portcullis.core.Condition;
import dev.portcullis.core.Peer;
import dev.portcullis.core.Protocol;
import java.util.List;

/**
 * k0s: {@code controller} and {@code worker} nodes, kube-router by default, Calico built in.
 *
 * <p>k0s isolates its control plane: a controller runs no kubelet and no CNI (unless started with
 * {@code --enable-worker}; such a node carries both roles' groups). Workers dial the controllers
 * (6443, and 8132 for the konnectivity agents) and the API server reaches kubelets, webhooks and
 * metrics-server back through the konnectivity tunnel, so nothing opens on workers for controllers.
 * Pod networking (BGP, tunnels, metrics-server's kubelet scrapes) runs between workers only, and the
 * pod-network peer is admitted to workers only, as k0s's own page says ("nodes with a worker role").
 *
 * <p>Checked against the code of v1.36.3+k0s.2 where the table is vague, the catalog departs from it
 * (each departure is recorded below and rendered in the port document): keepalived's "TCP 112" is
 * VRRP, IP protocol 112; 10250 is worker to worker (metrics-server), not controller to worker; 8132
 * is dialled by workers only; 2380 exists only with embedded etcd (kine binds it for local metrics);
 * 179 is also Calico's in bird mode and 4789 only in vxlan mode. kube-router keeps its default
 * overlay (IP-in-IP to other subnets, native routing within one), which the table omits, and lets
 * pods reach node addresses (metrics-server the kubelets) from their pod addresses, so the pod CIDR
 * advice becomes the pod-network peer in every kube-router mode, and in Calico's modes that do not
 * encapsulate everything; service addresses never cross the network. Pods reach controllers from
 * their worker's address (both CNIs masquerade pod traffic to non-node addresses). etcd's client
 * port, konnectivity's admin port and the node-local load balancer bind loopback. IPv6 rows
 * (ip6ip6, Calico's unencapsulated IPv6 pool, WireGuard's IPv6 port) need the {@code ipv6} option,
 * k0s's dual-stack or IPv6 single-stack configuration.
 *
 * <p>Not modelled: kube-router's FoU encapsulation and external BGP peers, an external etcd
 * cluster's client port, Windows workers (experimental), and a cluster with konnectivity disabled.
 */
final class K0s {
    private static final String TAG = "https://github.com/k0sproject/k0s/blob/v1.36.3%2Bk0s.2/";
    static final String PAGE = "https://docs.k0sproject.io/stable/networking/#required-ports-and-protocols";
    private static final String NETWORKING = TAG + "docs/networking.md";
    static final String TABLE_ETCD = NETWORKING + "#L58";
    static final String TABLE_API = NETWORKING + "#L59";
    static final String TABLE_BGP = NETWORKING + "#L60";
    static final String TABLE_VXLAN = NETWORKING + "#L61";
    static final String TABLE_KUBELET = NETWORKING + "#L62";
    static final String TABLE_JOIN = NETWORKING + "#L63";
    static final String TABLE_KONNECTIVITY = NETWORKING + "#L64";
    static final String TABLE_KEEPALIVED = NETWORKING + "#L65";
    static final String TABLE_POD_CIDR = NETWORKING + "#L67";
    private static final String CUSTOM_CNI = NETWORKING + "#L16-L20";
    private static final String FIREWALLD_WORKER = TAG + "hack/ostests/modules/os/k0s-worker.firewalld-service.xml#L6-L10";
    private static final String CONFIGURATION = TAG + "docs/configuration.md";
    private static final String STORAGE = TAG + "pkg/apis/k0s/v1beta1/storage.go#L28-L45";
    private static final String ETCD_CLIENT = TAG + "pkg/component/controller/etcd.go#L171-L177";
    private static final String KINE_METRICS = TAG + "pkg/component/controller/kine.go#L108-L118";
    private static final String EGRESS_SELECTOR = TAG + "pkg/component/controller/apiserver.go#L64-L74";
    private static final String KONNECTIVITY_SERVER = TAG + "pkg/component/controller/konnectivity.go#L146-L151";
    private static final String KONNECTIVITY_AGENT = TAG + "pkg/component/controller/konnectivityagent.go#L278-L285";
    private static final String KONNECTIVITY_ADMIN =
            "https://github.com/kubernetes-sigs/apiserver-network-proxy/blob/v0.36.0/cmd/server/app/options/options.go#L398-L402";
    private static final String SCHEDULER = TAG + "pkg/component/controller/scheduler.go#L76";
    private static final String CONTROLLER_MANAGER = TAG + "pkg/component/controller/controllermanager.go#L43";
    private static final String METRICS_SERVER = TAG + "pkg/component/controller/metricserver.go#L163-L168";
    private static final String KUBE_ROUTER_ARGS = TAG + "pkg/component/controller/kuberouter.go#L111-L124";
    private static final String KUBE_ROUTER_HEALTH = TAG + "pkg/component/controller/kuberouter.go#L331-L349";
    private static final String KUBE_ROUTER = "https://github.com/cloudnativelabs/kube-router/blob/v2.10.0/";
    private static final String KR_OVERLAY = KUBE_ROUTER + "pkg/options/options.go#L162-L165";
    private static final String KR_OVERLAY_TYPE = KUBE_ROUTER + "pkg/options/options.go#L229-L233";
    private static final String KR_IP6IP6 = KUBE_ROUTER + "pkg/tunnels/linux_tunnels.go#L35-L37";
    private static final String KR_GOBGP = KUBE_ROUTER + "pkg/options/options.go#L174-L178";
    private static final String KR_METRICS = KUBE_ROUTER + "pkg/options/options.go#L215-L217";
    /** Pod egress is masqueraded unless it goes to pods or to the nodes' own addresses. */
    private static final String KR_EGRESS = KUBE_ROUTER + "pkg/controllers/routing/pod_egress.go#L14-L17";
    private static final String CALICO_MODE = TAG + "pkg/apis/k0s/v1beta1/calico.go#L35-L45";
    private static final String CALICO_BACKEND = TAG + "static/manifests/calico/DaemonSet/calico-node.yaml#L184-L189";
    private static final String CALICO_POOLS = TAG + "static/manifests/calico/DaemonSet/calico-node.yaml#L211-L225";
    private static final String CALICO_IPV6 = TAG + "docs/dual-stack.md#L62-L66";
    private static final String FELIX = "https://github.com/projectcalico/calico/blob/v3.32.1/felix/config/config_params.go";
    private static final String KUBE_PROXY = TAG + "pkg/apis/k0s/v1beta1/kubeproxy.go#L98-L103";
    private static final String DUAL_STACK = TAG + "docs/dual-stack.md#L11-L30";
    private static final String HA = TAG + "docs/high-availability.md#L22-L28";
    private static final String NLLB = TAG + "docs/nllb.md#L20-L28";
    private static final String NLLB_PORTS = TAG + "docs/configuration.md#L335-L336";
    private static final String NLLB_AGENT = TAG + "pkg/component/controller/konnectivityagent.go#L253-L263";
    private static final String CPLB = TAG + "docs/cplb.md#L18-L21";
    private static final String CPLB_PROXY = TAG + "pkg/component/controller/cplb/cplb_linux.go#L424-L446";
    private static final String CPLB_PORT = TAG + "pkg/apis/k0s/v1beta1/cplb.go#L58-L65";
    private static final String VRRP = "https://www.iana.org/assignments/protocol-numbers/protocol-numbers.xhtml";
    private static final String KUBELET_HEALTH =
            "https://kubernetes.io/docs/reference/config-api/kubelet-config.v1beta1/#kubelet-config-k8s-io-v1beta1-KubeletConfiguration";
    private static final String VIRTUAL_IPS = "https://kubernetes.io/docs/reference/networking/virtual-ips/";
    private static final String SERVICES = "https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport";

    private static final Peer CONTROLLER = Peer.role("controller");
    private static final Peer.RolePeer WORKER = Peer.role("worker");
    private static final String LOOPBACK = "bound to the loopback interface";
    private static final String PROBED_LOCALLY = "only the kubelet on the node itself probes it";

    private K0s() {}

    static Blueprint blueprint() {
        BlueprintBuilder b = new BlueprintBuilder("k0s", "k0s", PAGE)
                .roles("controller", "worker")
                .cni("kube-router", "kube-router, k0s's default: BGP between workers, IP-in-IP to other subnets", KUBE_ROUTER_ARGS)
                .cni("calico", "Calico (spec.network.provider: calico), VXLAN unless mode bird", CALICO_MODE)
                .cni("custom", "spec.network.provider: custom: k0s deploys no CNI; add your CNI's ports as extra rules", CUSTOM_CNI)
                .defaultCni("kube-router")
                .cniOption("kube-router", "kube-router-overlay-subnet", "kube-router-overlay", true,
                        "kube-router's default overlay, kept by k0s: IP-in-IP to workers in other subnets, native routing "
                                + "within a subnet (pod addresses cross the network)", KR_OVERLAY_TYPE)
                .cniOption("kube-router", "kube-router-overlay-full", "kube-router-overlay", false,
                        "IP-in-IP between all workers (extraArgs overlay-type: full)", KR_OVERLAY_TYPE)
                .cniOption("kube-router", "kube-router-no-overlay", "kube-router-overlay", false,
                        "no tunnel (extraArgs enable-overlay: \"false\"): pods routed natively, pod addresses cross the network", KR_OVERLAY)
                .cniOption("calico", "calico-vxlan", "calico-mode", true, "mode vxlan, overlay Always (k0s's default)", CALICO_POOLS)
                .cniOption("calico", "calico-vxlan-cross-subnet", "calico-mode", false,
                        "mode vxlan, overlay CrossSubnet: VXLAN to other subnets, native routing within a subnet", CALICO_POOLS)
                .cniOption("calico", "calico-ipip", "calico-mode", false,
                        "mode bird (or the deprecated ipip), overlay Always: BGP and IP-in-IP", CALICO_POOLS)
                .cniOption("calico", "calico-ipip-cross-subnet", "calico-mode", false,
                        "mode bird, overlay CrossSubnet: BGP, IP-in-IP to other subnets, native routing within a subnet", CALICO_POOLS)
                .cniOption("calico", "calico-no-encapsulation", "calico-mode", false,
                        "mode bird, overlay Never: BGP routes, pod addresses cross the network", CALICO_POOLS)
                .cniOption("calico", "calico-wireguard", null, false, "WireGuard encryption (spec.network.calico.wireguard)",
                        CONFIGURATION + "#L189")
                .option("ipv6", List.of("calico", "kube-router"), "IPv6 pods: spec.network.dualStack, or IPv6 "
                        + "single-stack behind the IPv6SingleStack feature gate (Calico dual-stack needs mode bird)", DUAL_STACK)
                .defaultOption("etcd", "embedded etcd, k0s's default datastore (spec.storage.type: etcd); turn it off for "
                        + "kine or an external etcd cluster", STORAGE)
                .defaultOption("metrics-server", "the metrics-server k0s deploys (unless --disable-components "
                        + "metrics-server) scrapes every kubelet", METRICS_SERVER)
                .option("nllb", "node-local load balancing (spec.network.nodeLocalLoadBalancing): Envoy or Traefik on "
                        + "each worker's loopback", NLLB)
                .option("cplb", "control plane load balancing (spec.network.controlPlaneLoadBalancing): keepalived VRRP "
                        + "and a virtual IP on the controllers", CPLB)
                .option("external-load-balancer", "a load balancer in front of the controllers (spec.api.externalAddress) "
                        + "that connects from its own addresses", HA)
                .option("monitoring", "a Prometheus scrapes kube-router, Felix and kube-proxy metrics on every worker", KR_METRICS)
                .option("nodeports", "NodePort services reachable from outside the cluster", SERVICES)
                .peer("admins", "kubectl users and automation reaching the Kubernetes API")
                .peer("load-balancers", "the load balancer in front of the controllers' 6443, 8132 and 9443")
                .peer("monitoring", "Prometheus or another scraper of the workers' metrics")
                .peer("nodeport-clients", "clients of NodePort services")
                .podNetworkPeer();

        // Controllers: workers dial in; controllers talk to each other for joins and etcd.
        b.tcp("6443").from(WORKER).to(CONTROLLER).purpose("Kubernetes API (kubelets, kube-proxy, pods)").cite(TABLE_API)
                .tcp("6443").from(Peer.external("admins")).to(CONTROLLER).purpose("Kubernetes API for kubectl").cite(TABLE_API)
                .tcp("8132").from(WORKER).to(CONTROLLER).purpose("konnectivity: agents on workers open the reverse tunnel")
                        .cite(TABLE_KONNECTIVITY)
                .tcp("9443").from(CONTROLLER).to(CONTROLLER).purpose("k0s controller join API").cite(TABLE_JOIN)
                .tcp("2380").from(CONTROLLER).to(CONTROLLER).purpose("etcd peers").whenOption("etcd").cite(TABLE_ETCD)
                .tcp("2379").from(Peer.self()).to(CONTROLLER).purpose("etcd client API").whenOption("etcd")
                        .localOnly("k0s binds etcd's client URL to 127.0.0.1").cite(ETCD_CLIENT)
                .tcp("8133").from(Peer.self()).to(CONTROLLER).purpose("konnectivity-server admin")
                        .localOnly("konnectivity-server binds its admin port to 127.0.0.1 by default").cite(KONNECTIVITY_ADMIN)
                .tcp("8092").from(Peer.self()).to(CONTROLLER).purpose("konnectivity-server health")
                        .localOnly("k0s binds it to localhost").cite(KONNECTIVITY_SERVER)
                .tcp("10257").from(Peer.self()).to(CONTROLLER).purpose("kube-controller-manager").localOnly(LOOPBACK).cite(CONTROLLER_MANAGER)
                .tcp("10259").from(Peer.self()).to(CONTROLLER).purpose("kube-scheduler").localOnly(LOOPBACK).cite(SCHEDULER)
                .tcp("6443").from(Peer.external("load-balancers")).to(CONTROLLER).purpose("Kubernetes API through the load balancer")
                        .whenOption("external-load-balancer").cite(HA)
                .tcp("8132").from(Peer.external("load-balancers")).to(CONTROLLER).purpose("konnectivity through the load balancer")
                        .whenOption("external-load-balancer").cite(HA)
                .tcp("9443").from(Peer.external("load-balancers")).to(CONTROLLER).purpose("k0s controller join API through the load balancer")
                        .whenOption("external-load-balancer").cite(HA)
                .protocol(Protocol.number(112)).from(CONTROLLER).to(CONTROLLER).purpose("keepalived VRRP advertisements")
                        .whenOption("cplb").cite(VRRP)
                .tcp("6443").from(CONTROLLER).to(CONTROLLER).purpose("control plane load balancing: the virtual IP's holder forwards "
                        + "to every controller's API server").whenOption("cplb").cite(CPLB_PROXY)
                .tcp("6444").from(Peer.self()).to(CONTROLLER).purpose("control plane load balancing userspace proxy").whenOption("cplb")
                        .localOnly("reached only through the node's own redirect of VIRTUAL-IP:6443; the network carries 6443")
                        .cite(CPLB_PORT);

        // Workers: the pod network and the kubelet, between workers only.
        Condition kubeRouter = Condition.cni("kube-router");
        Condition calico = Condition.cni("calico");
        b.tcp("10250").from(WORKER).to(WORKER).purpose("kubelet API for metrics-server").whenOption("metrics-server").cite(TABLE_KUBELET)
                .tcp("10248").from(Peer.self()).to(WORKER).purpose("kubelet health").localOnly(LOOPBACK).cite(KUBELET_HEALTH)
                .tcp("179").from(WORKER).to(WORKER).purpose("kube-router BGP").when(kubeRouter).cite(TABLE_BGP)
                .protocol(Protocol.number(4)).from(WORKER).to(WORKER).purpose("kube-router IP-in-IP overlay")
                        .when(kubeRouter.and("kube-router-overlay-subnet")).cite(KR_OVERLAY)
                .protocol(Protocol.number(4)).from(WORKER).to(WORKER).purpose("kube-router IP-in-IP overlay")
                        .when(kubeRouter.and("kube-router-overlay-full")).cite(KR_OVERLAY_TYPE)
                .protocol(Protocol.number(41)).from(WORKER).to(WORKER).purpose("kube-router ip6ip6 overlay (IPv6)")
                        .when(kubeRouter.and("kube-router-overlay-subnet").and("ipv6")).cite(KR_IP6IP6)
                .protocol(Protocol.number(41)).from(WORKER).to(WORKER).purpose("kube-router ip6ip6 overlay (IPv6)")
                        .when(kubeRouter.and("kube-router-overlay-full").and("ipv6")).cite(KR_IP6IP6)
                // Pod addresses cross the network in every mode: natively routed pods (overlay-subnet within a
                // subnet, no-overlay), and pods reaching other nodes' addresses (metrics-server the kubelets),
                // which kube-router neither masquerades nor tunnels.
                .podNetworkRouted(WORKER, kubeRouter, KR_EGRESS)
                .tcp("20244").from(Peer.self()).to(WORKER).purpose("kube-router health").when(kubeRouter)
                        .localOnly(PROBED_LOCALLY).cite(KUBE_ROUTER_HEALTH)
                .tcp("50051").from(Peer.self()).to(WORKER).purpose("kube-router GoBGP admin").when(kubeRouter)
                        .localOnly(LOOPBACK).cite(KR_GOBGP)

                .udp("4789").from(WORKER).to(WORKER).purpose("Calico VXLAN overlay").when(calico.and("calico-vxlan")).cite(TABLE_VXLAN)
                .udp("4789").from(WORKER).to(WORKER).purpose("Calico VXLAN overlay").when(calico.and("calico-vxlan-cross-subnet"))
                        .cite(CALICO_POOLS)
                .podNetworkRouted(WORKER, calico.and("calico-vxlan-cross-subnet"), CALICO_POOLS);
        for (String bird : List.of("calico-ipip", "calico-ipip-cross-subnet", "calico-no-encapsulation")) {
            b.tcp("179").from(WORKER).to(WORKER).purpose("Calico BGP (bird)").when(calico.and(bird)).cite(CALICO_BACKEND);
        }
        b.protocol(Protocol.number(4)).from(WORKER).to(WORKER).purpose("Calico IP-in-IP").when(calico.and("calico-ipip")).cite(CALICO_POOLS)
                .protocol(Protocol.number(4)).from(WORKER).to(WORKER).purpose("Calico IP-in-IP")
                        .when(calico.and("calico-ipip-cross-subnet")).cite(CALICO_POOLS)
                .podNetworkRouted(WORKER, calico.and("calico-ipip-cross-subnet"), CALICO_POOLS)
                .podNetworkRouted(WORKER, calico.and("calico-no-encapsulation"), CALICO_POOLS)
                // Bird mode encapsulates IPv4 only: the IPv6 pool is routed natively.
                .podNetworkRouted(WORKER, calico.and("calico-ipip").and("ipv6"), CALICO_IPV6)
                .udp("51820").from(WORKER).to(WORKER).purpose("Calico WireGuard (IPv4)").when(calico.and("calico-wireguard"))
                        .cite(FELIX + "#L178")
                .udp("51821").from(WORKER).to(WORKER).purpose("Calico WireGuard (IPv6)").when(calico.and("calico-wireguard").and("ipv6"))
                        .cite(FELIX + "#L179")
                .tcp("9099").from(Peer.self()).to(WORKER).purpose("Calico Felix health").when(calico)
                        .localOnly("Felix binds its health port to localhost").cite(FELIX + "#L409-L410")

                .tcp("7443").from(Peer.self()).to(WORKER).purpose("node-local load balancer for the Kubernetes API")
                        .whenOption("nllb").localOnly(LOOPBACK).cite(NLLB_PORTS)
                .tcp("7132").from(Peer.self()).to(WORKER).purpose("node-local load balancer for konnectivity")
                        .whenOption("nllb").localOnly(LOOPBACK).cite(NLLB_PORTS)
                .tcp("8093").from(Peer.self()).to(WORKER).purpose("konnectivity-agent health (host network with nllb)")
                        .whenOption("nllb").localOnly(PROBED_LOCALLY).cite(NLLB_AGENT)

                .tcp("8080").from(Peer.external("monitoring"), WORKER).to(WORKER).purpose("kube-router metrics")
                        .when(kubeRouter.and("monitoring")).cite(KR_METRICS)
                .tcp("9091").from(Peer.external("monitoring"), WORKER).to(WORKER).purpose("Calico Felix metrics")
                        .when(calico.and("monitoring")).cite(FELIX + "#L414-L415")
                .tcp("10249").from(Peer.external("monitoring"), WORKER).to(WORKER).purpose("kube-proxy metrics")
                        .whenOption("monitoring").cite(KUBE_PROXY)
                .tcp("30000-32767").from(Peer.external("nodeport-clients")).to(WORKER).purpose("NodePort services")
                        .whenOption("nodeports").publicClients().cite(SERVICES)
                .udp("30000-32767").from(Peer.external("nodeport-clients")).to(WORKER).purpose("NodePort services")
                        .whenOption("nodeports").publicClients().cite(SERVICES);
        return deviations(b).build();
    }

    /** Where the catalog departs from k0s's own tables, and the code or page that says why. */
    private static BlueprintBuilder deviations(BlueprintBuilder b) {
        String table = "k0s \"Required ports and protocols\"";
        return b.deviation(table, "TCP | 112 | keepalived | controller ⟷ controller | … port 122 works on the ip address 224.0.0.18",
                        "VRRP is IP protocol 112, not a TCP port (and 122 is a typo): IP protocol 112 between controllers, "
                                + "only with option cplb", VRRP)
                .deviation(table, "TCP | 10250 | kubelet | controller, worker ⟶ host *",
                        "the API server reaches kubelets through the konnectivity tunnel (egress selector \"cluster\") and a "
                                + "controller runs no kubelet: 10250 from workers to workers, for metrics-server", EGRESS_SELECTOR)
                .deviation(table, "TCP | 8132 | konnectivity | worker ⟷ controller",
                        "only the agents on workers dial the server: worker → controller, nothing opened on workers",
                        KONNECTIVITY_AGENT)
                .deviation(table, "TCP | 2380 | etcd | controller ⟷ controller",
                        "only with embedded etcd (default option etcd): kine and an external etcd cluster have no peers; kine "
                                + "binds its metrics to :2380, read only by the node's own scraper", KINE_METRICS)
                .deviation(table, "TCP | 179 | kube-router | worker ⟷ worker",
                        "also Calico in mode bird (calico-ipip, calico-ipip-cross-subnet, calico-no-encapsulation); Calico's "
                                + "default vxlan mode runs no BGP", CALICO_BACKEND)
                .deviation(table, "(no row for kube-router's tunnel: TCP 179 is its only row)",
                        "kube-router keeps its default overlay: IP-in-IP (IP protocol 4) to workers in other subnets and "
                                + "pods routed natively within a subnet (pod-network); IPv6 tunnels are ip6ip6 (IP protocol 41)",
                        KR_OVERLAY)
                .deviation(table, "(no row for pod traffic to node addresses)",
                        "kube-router masquerades no pod traffic to the nodes' own addresses and tunnels none of it: "
                                + "metrics-server reaches other workers' kubelets from its pod address, so every kube-router "
                                + "mode admits the pod-network peer to workers", KR_EGRESS)
                .deviation(table, "UDP | 4789 | calico | worker ⟷ worker",
                        "only in Calico's vxlan mode (the default); mode bird carries pods in IP-in-IP (IP protocol 4) or "
                                + "unencapsulated", CALICO_POOLS)
                .deviation(table, "You also need enable all traffic to and from the podCIDR and serviceCIDR subnets on nodes "
                                + "with a worker role",
                        "pod CIDR: the pod-network peer, to and from workers, wherever pod addresses cross the network (every "
                                + "kube-router mode; Calico cross-subnet, no-encapsulation, and bird with IPv6); service CIDR: no "
                                + "rule, kube-proxy translates ClusterIPs on the sending node so they never cross the network",
                        VIRTUAL_IPS)
                .deviation(table, "(no row for spec.network.calico.wireguard)",
                        "option calico-wireguard: UDP 51820 between workers, and 51821 with ipv6", FELIX + "#L178-L179")
                .deviation("k0s firewalld services", "k0s-worker: tcp 179, udp 4789, tcp 10250 on every worker",
                        "each port with the CNI, mode or component that uses it", FIREWALLD_WORKER)
                .deviation("k0s configuration reference", "spec.konnectivity adminPort: admin port to listen on (default 8133)",
                        "konnectivity-server binds its admin port to 127.0.0.1 (k0s sets no --admin-bind-address): local only",
                        KONNECTIVITY_ADMIN)
                .deviation("k0s configuration reference", "spec.network.kuberouter metricsPort: Kube-router metrics server port "
                                + "(default: 8080)",
                        "served on every interface but read by nothing k0s deploys: only with option monitoring", KR_METRICS)
                .deviation("k0s API reference (Calico.Overlay)", "Overlay Type (Always, Never or CrossSubnet). Will be ignored "
                                + "in vxlan mode.",
                        "the calico-node manifest applies it to the VXLAN pool: calico-vxlan-cross-subnet routes pods natively "
                                + "within a subnet (pod-network)", CALICO_POOLS)
                .deviation("k0s API reference (ControlPlaneLoadBalancing)", "userSpaceProxyBindPort: only used internally, but "
                                + "listens on every interface (default 6444)",
                        "reached only through the node's own redirect of VIRTUAL-IP:6443, so clouds see 6443: local only (a "
                                + "host firewall that filters after NAT must admit 6444 too)", CPLB_PROXY);
    }
}
