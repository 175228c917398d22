package dev.portcullis.core.catalog;

import dev.portcullis.core.Blueprint;
import dev.portcullis.core.Condition;
import dev.portcullis.core.Peer;
import java.util.List;

/**
 * Canonical MicroK8s: {@code node} (the default of {@code microk8s join}: control plane, dqlite and
 * workloads) and {@code worker} ({@code microk8s join --worker}: kubelet and kube-proxy only), Calico
 * in VXLAN mode by default.
 *
 * <p>The "Services and ports" page says where each service binds, not who reaches it; the flows come
 * from the snap's default arguments and its join code (tag v1.36) and from the core addons.
 * Nodes replicate dqlite on 19001 among themselves; every node reaches the nodes' API server (16443),
 * workers through a local API server proxy; the cluster agent (25000) answers joins on nodes and
 * takes configuration pushed by nodes on every host; the API server reaches every kubelet (10250).
 *
 * <p>Where the page departs from the code: the kubelet's read-only 10255 is closed
 * ({@code --read-only-port=0}); the insecure 10251/10252 no longer exist; etcd (12379, 2380) runs
 * only when {@code ha-cluster} is disabled, which is the {@code flannel} CNI here; 10257/10259 bind
 * every interface but only the observability addon scrapes them; dqlite is 127.0.0.1 until the
 * first join and never runs on workers; the workers' API server proxy and flannel's VXLAN port are
 * missing. Against the CNIs' own tables: MicroK8s's Calico has no BGP, IP-in-IP or Typha, and its
 * Kube-OVN tunnels with Geneve only (its metrics ports are opt-in). Each departure is recorded with
 * {@link BlueprintBuilder#deviation}.
 *
 * <p>Every CNI here encapsulates (Calico VXLAN "Always", flannel VXLAN, Kube-OVN Geneve): pod and
 * service CIDR traffic crosses the network inside UDP 4789, 8472 or 6081, so no pod-network peer is
 * needed. Addons that open ports (ingress, metrics-server, observability) are opt-in.
 */
final class MicroK8s {
    static final String PAGE = "https://microk8s.io/docs/services-and-ports";
    static final String CNI_CONFIG = "https://microk8s.io/docs/change-cidr";
    static final String SERVICES = "https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport";

    private static final String CODE = "https://github.com/canonical/microk8s/blob/v1.36/";
    static final String APISERVER_ARGS = CODE + "microk8s-resources/default-args/kube-apiserver#L11-L12";
    static final String KUBELET_ARGS = CODE + "microk8s-resources/default-args/kubelet#L12";
    static final String KUBE_PROXY_ARGS = CODE + "microk8s-resources/default-args/kube-proxy#L3";
    static final String CONTROLLER_ARGS = CODE + "microk8s-resources/default-args/kube-controller-manager#L1-L9";
    static final String SCHEDULER_ARGS = CODE + "microk8s-resources/default-args/kube-scheduler#L1-L4";
    static final String CONTAINERD_METRICS = CODE + "microk8s-resources/default-args/containerd-template.toml#L17";
    /** A worker's API server proxy listens on ":16443"; its kubeconfigs point at 127.0.0.1. */
    static final String WORKER_PROXY = CODE + "microk8s-resources/default-args/traefik/traefik-template.yaml#L3";
    /** {@code microk8s join} posts to the contacted node's cluster agent. */
    static final String JOIN = CODE + "scripts/wrappers/join.py#L155-L180";
    /** Nodes push {@code /configure} and image imports to every other node's cluster agent. */
    static final String DISTRIBUTED_OP = CODE + "scripts/wrappers/distributed_op.py#L34-L87";
    /** A new node's dqlite binds 127.0.0.1:19001; the node a join contacts moves it to its own address. */
    static final String DQLITE_INIT = CODE + "microk8s-resources/actions/common/utils.sh#L886-L892";
    /** A fresh install runs dqlite: etcd and flanneld are not expected to start. */
    static final String INSTALL = CODE + "snap/hooks/install#L122-L129";
    static final String CALICO_BACKEND = CODE + "upgrade-scripts/000-switch-to-calico/resources/calico.yaml#L46-L51";
    static final String CALICO_HEALTH = CODE + "upgrade-scripts/000-switch-to-calico/resources/calico.yaml#L6308-L6338";
    static final String FLANNEL_BACKEND = CODE + "microk8s-resources/default-args/flannel-network-mgr-config#L1";
    /** Workers' flanneld reach the node's etcd on 12379; the node's own flanneld uses 127.0.0.1. */
    static final String FLANNEL_ETCD = CODE + "scripts/wrappers/join.py#L269-L284";
    static final String ETCD_PEER_DEFAULT = "https://etcd.io/docs/v3.5/op-guide/configuration/#--listen-peer-urls";

    private static final String ADDONS = "https://github.com/canonical/microk8s-core-addons/blob/f68981151ad19ec08f6d2bce6538cc80bdddbf8b/addons/";
    static final String HA_DISABLE = ADDONS + "ha-cluster/disable#L47-L58";
    static final String INGRESS = ADDONS + "ingress/values.yaml#L4-L19";
    static final String METRICS_SERVER = ADDONS + "metrics-server/metrics-server.yaml#L134-L138";
    static final String OBSERVABILITY = ADDONS + "observability/enable#L60-L81";
    static final String OBSERVABILITY_PROXY = ADDONS + "observability/enable#L113-L114";
    static final String KUBE_OVN_ADDON = ADDONS + "kube-ovn/enable#L76-L100";
    static final String KUBE_OVN_TUNNEL = ADDONS + "kube-ovn/install.sh#L114-L117";
    static final String KUBE_OVN_PORTS = "https://kubeovn.github.io/docs/stable/en/start/prepare/#ports-need-open";
    static final String NODE_EXPORTER = "https://github.com/prometheus-community/helm-charts/blob/prometheus-node-exporter-4.47.3/"
            + "charts/prometheus-node-exporter/values.yaml#L129";
    static final String KUBELET_SCRAPE = "https://github.com/prometheus-community/helm-charts/blob/kube-prometheus-stack-77.6.2/"
            + "charts/kube-prometheus-stack/values.yaml#L1593-L1594";
    static final String K8S_PORTS = Kubeadm.PORTS;

    private static final Peer NODE = Peer.role("node");
    private static final Peer WORKER = Peer.role("worker");
    private static final Peer ALL = Peer.allNodes();
    private static final Peer ADMINS = Peer.external("admins");

    private static final String PAGE_TABLE = "MicroK8s \"Services and ports\"";

    private MicroK8s() {}

    static Blueprint blueprint() {
        BlueprintBuilder b = new BlueprintBuilder("microk8s", "Canonical MicroK8s", PAGE)
                .roles("node", "worker")
                .cni("calico", "Calico in VXLAN mode (calico_backend: vxlan, no BGP, no Typha), as MicroK8s ships it", CNI_CONFIG)
                .cni("flannel", "ha-cluster disabled: flannel VXLAN with etcd on the one node; joined nodes are workers", HA_DISABLE)
                .cni("kube-ovn", "the kube-ovn addon (Geneve), replacing Calico; ovn-central on the node-role nodes it labels", KUBE_OVN_ADDON)
                .cni("none", "Calico's manifest not applied: bring your own CNI and add its ports (dqlite stays)", CNI_CONFIG)
                .defaultCni("calico")
                .option("ingress", "the ingress addon: Traefik as a DaemonSet with hostPort 80/443 on every node", INGRESS)
                .option("nodeports", "NodePort services reachable from outside the cluster", SERVICES)
                .option("metrics-server", "the metrics-server addon scrapes every kubelet", METRICS_SERVER)
                .option("observability", "the observability addon's Prometheus scrapes controllers, kubelets, kube-proxy "
                        + "(rebound to 0.0.0.0:10249) and node-exporter on every node", OBSERVABILITY)
                .option("kube-ovn-metrics", List.of("kube-ovn"), "a Prometheus in the cluster scrapes Kube-OVN's metrics ports",
                        KUBE_OVN_PORTS)
                .peer("admins", "kubectl users and automation reaching the Kubernetes API")
                .peer("ingress-clients", "clients of the ingress controller")
                .peer("nodeport-clients", "clients of NodePort services");

        // Control plane and cluster membership, on every datastore.
        b.tcp("16443").from(ALL).to(NODE)
                        .purpose("Kubernetes API server (workers through their API server proxy, pods through the kubernetes service)")
                        .cite(PAGE)
                .tcp("16443").from(ADMINS).to(NODE).purpose("Kubernetes API for kubectl").cite(PAGE)
                .tcp("16443").from(Peer.self()).to(WORKER).purpose("API server proxy of a worker")
                        .localOnly("it listens on every interface, but only the worker's own kubelet and kube-proxy use it, "
                                + "through 127.0.0.1").cite(WORKER_PROXY)
                .tcp("10250").from(NODE).to(ALL).purpose("kubelet API (the API server's logs, exec and port-forward)").cite(PAGE)
                .tcp("25000").from(ALL).to(NODE).purpose("cluster agent: microk8s join and certificate signing").cite(JOIN)
                .tcp("25000").from(NODE).to(ALL).purpose("cluster agent: nodes push configuration and images to every host")
                        .cite(DISTRIBUTED_OP);
        // dqlite replaces etcd unless ha-cluster is disabled (the flannel CNI).
        for (String cni : List.of("calico", "kube-ovn", "none")) {
            b.tcp("19001").from(NODE).to(NODE).purpose("dqlite, the datastore replicated between nodes").whenCni(cni).cite(PAGE);
        }
        b.tcp("10257").from(Peer.self()).to(NODE).purpose("kube-controller-manager")
                        .localOnly("MicroK8s sets no --bind-address, but no other host reaches it unless the observability addon "
                                + "scrapes it").cite(CONTROLLER_ARGS)
                .tcp("10259").from(Peer.self()).to(NODE).purpose("kube-scheduler")
                        .localOnly("MicroK8s sets no --bind-address, but no other host reaches it unless the observability addon "
                                + "scrapes it").cite(SCHEDULER_ARGS)
                .tcp("10248").from(Peer.self()).to(ALL).purpose("kubelet healthz").localOnly("bound to the localhost interface").cite(PAGE)
                .tcp("10249").from(Peer.self()).to(ALL).purpose("kube-proxy metrics")
                        .localOnly("bound to the localhost interface (0.0.0.0 only with the observability addon)").cite(PAGE)
                .tcp("10256").from(Peer.self()).to(ALL).purpose("kube-proxy health check")
                        .localOnly("MicroK8s sets --healthz-bind-address=127.0.0.1").cite(KUBE_PROXY_ARGS)
                .tcp("1338").from(Peer.self()).to(ALL).purpose("containerd metrics")
                        .localOnly("containerd's metrics address is 127.0.0.1:1338").cite(CONTAINERD_METRICS)

                .udp("4789").from(ALL).to(ALL).purpose("Calico VXLAN").whenCni("calico").cite(PAGE)
                .tcp("9099").from(Peer.self()).to(ALL).purpose("Calico Felix health").whenCni("calico")
                        .localOnly("Felix serves health on localhost; kubelet runs calico-node -felix-live on the node").cite(CALICO_HEALTH)

                .udp("8472").from(ALL).to(ALL).purpose("flannel VXLAN (ha-cluster disabled)").whenCni("flannel").cite(FLANNEL_BACKEND)
                .tcp("12379").from(WORKER).to(NODE).purpose("etcd, reached by the workers' flanneld (ha-cluster disabled)")
                        .whenCni("flannel").cite(FLANNEL_ETCD)
                .tcp("2380").from(Peer.self()).to(NODE).purpose("etcd peer port (ha-cluster disabled)").whenCni("flannel")
                        .localOnly("MicroK8s runs one etcd and leaves --listen-peer-urls at http://localhost:2380").cite(ETCD_PEER_DEFAULT)

                .udp("6081").from(ALL).to(ALL).purpose("Kube-OVN Geneve tunnel").whenCni("kube-ovn").cite(KUBE_OVN_PORTS)
                .tcp("6641-6642").from(ALL).to(NODE).purpose("ovn-central northbound and southbound databases")
                        .whenCni("kube-ovn").cite(KUBE_OVN_PORTS)
                .tcp("6643-6644").from(NODE).to(NODE).purpose("ovn-central Raft between database replicas")
                        .whenCni("kube-ovn").cite(KUBE_OVN_PORTS)
                .tcp("10660").from(ALL).to(NODE).purpose("kube-ovn-controller metrics")
                        .when(Condition.cni("kube-ovn").and("kube-ovn-metrics")).cite(KUBE_OVN_PORTS)
                .tcp("10661").from(ALL).to(NODE).purpose("kube-ovn-monitor metrics")
                        .when(Condition.cni("kube-ovn").and("kube-ovn-metrics")).cite(KUBE_OVN_PORTS)
                .tcp("10665").from(ALL).to(ALL).purpose("kube-ovn-daemon (kube-ovn-cni) metrics")
                        .when(Condition.cni("kube-ovn").and("kube-ovn-metrics")).cite(KUBE_OVN_PORTS)

                .tcp("80").from(Peer.external("ingress-clients")).to(ALL).purpose("Traefik HTTP (hostPort)")
                        .whenOption("ingress").publicClients().cite(INGRESS)
                .tcp("443").from(Peer.external("ingress-clients")).to(ALL).purpose("Traefik HTTPS (hostPort)")
                        .whenOption("ingress").publicClients().cite(INGRESS)
                .tcp("30000-32767").from(Peer.external("nodeport-clients")).to(ALL).purpose("NodePort services")
                        .whenOption("nodeports").publicClients().cite(SERVICES)
                .udp("30000-32767").from(Peer.external("nodeport-clients")).to(ALL).purpose("NodePort services")
                        .whenOption("nodeports").publicClients().cite(SERVICES)
                .tcp("10250").from(ALL).to(ALL).purpose("kubelet metrics for metrics-server").whenOption("metrics-server").cite(METRICS_SERVER)
                // Prometheus runs in a pod; Calico and flannel masquerade pod traffic to node addresses.
                .tcp("10257").from(ALL).to(NODE).purpose("kube-controller-manager metrics").whenOption("observability").cite(OBSERVABILITY)
                .tcp("10259").from(ALL).to(NODE).purpose("kube-scheduler metrics").whenOption("observability").cite(OBSERVABILITY)
                .tcp("10249").from(ALL).to(ALL).purpose("kube-proxy metrics").whenOption("observability").cite(OBSERVABILITY_PROXY)
                .tcp("10250").from(ALL).to(ALL).purpose("kubelet and cAdvisor metrics").whenOption("observability").cite(KUBELET_SCRAPE)
                .tcp("9100").from(ALL).to(ALL).purpose("node-exporter (host network)").whenOption("observability").cite(NODE_EXPORTER);
        return deviations(b).build();
    }

    /** Where the catalog departs from the page (and from the CNIs' own tables), with the code that says so. */
    private static BlueprintBuilder deviations(BlueprintBuilder b) {
        return b.deviation(PAGE_TABLE, "10255 | kubelet | Read only port for the Kubelet.",
                        "no rule: MicroK8s starts the kubelet with --read-only-port=0, so nothing listens", KUBELET_ARGS)
                .deviation(PAGE_TABLE, "10251 | kube-schedule | Port on which to serve HTTP insecurely. / 10252 | kube-controller | "
                                + "Port on which to serve HTTP insecurely.",
                        "no rule: current Kubernetes has no insecure scheduler or controller-manager port, only 10259 and 10257",
                        K8S_PORTS)
                .deviation(PAGE_TABLE, "12379 | etcd | SSL encrypted. Client certificates required to connect.",
                        "only with the flannel CNI (ha-cluster disabled), from workers to the node: by default the API server "
                                + "reaches k8s-dqlite over a unix socket and etcd does not run", APISERVER_ARGS)
                .deviation(PAGE_TABLE, "2380 | etcd | Used for peer connections. (localhost)",
                        "local only, and only with the flannel CNI: etcd runs only when ha-cluster is disabled", INSTALL)
                .deviation(PAGE_TABLE, "10257 | kube-controller / 10259 | kube-scheduler (default host interface)",
                        "kept out of network rules: they do bind every interface, but only the observability addon's Prometheus "
                                + "reaches them; that option opens them to all nodes", OBSERVABILITY)
                .deviation(PAGE_TABLE, "19001 | dqlite | SSL encrypted. Client certificates required to connect.",
                        "between node-role nodes only: dqlite binds 127.0.0.1 until the first join, workers never run it, "
                                + "and it is absent with the flannel CNI (ha-cluster disabled)", DQLITE_INIT)
                .deviation(PAGE_TABLE, "no row for the API server proxy of workers",
                        "TCP 16443 on workers is local only: the proxy listens on :16443 but the worker's kubelet and kube-proxy "
                                + "reach it on 127.0.0.1 and it forwards to the nodes' 16443", WORKER_PROXY)
                .deviation(PAGE_TABLE, "no row for flannel (microk8s disable ha-cluster)",
                        "UDP 8472 between all nodes with the flannel CNI: the flannel backend is vxlan with flannel's default port",
                        FLANNEL_BACKEND)
                .deviation("Calico \"Network requirements\"", "BGP 179/tcp, IP-in-IP, Typha 5473/tcp",
                        "none of them: MicroK8s's manifest sets calico_backend: vxlan and typha_service_name: none; "
                                + "only VXLAN 4789/udp", CALICO_BACKEND)
                .deviation("Kube-OVN \"Prerequisites\"", "ovs-ovn | Geneve 6081/udp, STT 7471/tcp, Vxlan 4789/udp",
                        "only Geneve 6081/udp: the kube-ovn addon installs with TUNNEL_TYPE=geneve", KUBE_OVN_TUNNEL)
                .deviation("Kube-OVN \"Prerequisites\"", "kube-ovn-controller 10660/tcp, kube-ovn-daemon 10665/tcp, "
                                + "kube-ovn-monitor 10661/tcp | metrics port",
                        "opt-in (option kube-ovn-metrics): only a metrics scraper uses them", KUBE_OVN_PORTS);
    }
}
