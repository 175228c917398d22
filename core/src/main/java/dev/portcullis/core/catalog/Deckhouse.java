package dev.portcullis.core.catalog;

import dev.portcullis.core.Blueprint;
import dev.portcullis.core.Condition;
import dev.portcullis.core.IcmpType;
import dev.portcullis.core.Peer;
import dev.portcullis.core.Protocol;

/**
 * Deckhouse Kubernetes Platform: {@code master}, {@code node} and {@code frontend} nodes. In its
 * tables "nodes" means every node of the cluster, masters and frontends included; external traffic
 * reaches masters (administrators) and frontends (Ingress, VPN, load balancers), and every node
 * needs DNS, NTP and the container registry outside the cluster. Most platform ports sit in
 * 4200-4299 and belong to optional modules.
 *
 * <p>Rows cite the page's data file, {@code deckhouse-ports.yml}, at a commit and line. Seed 003 is
 * the page as it stood around DKP 1.63-1.66; since then Cilium's VXLAN port depends on the version
 * a cluster was installed with (so it is a choice here, 4298 by default; 8472 remains flannel's),
 * VM live migration left the host network, the storage agents moved into 4200-4299, the
 * l2-load-balancer module became metallb's L2 mode, and SSH on 22322 left the page. Where a module
 * runs only with one CNI (kube-proxy, kube-router) or listens on loopback (monitoring-ping), the
 * catalog follows the module's code rather than the page.
 *
 * <p>The page asks for tunnel mode wherever host-to-host traffic is filtered (cni-cilium
 * {@code tunnelMode: VXLAN}, cni-flannel {@code podNetworkMode: VXLAN}): pod addresses never cross
 * the network bare, so the catalog assumes it. Modules of the Default bundle (monitoring,
 * node-local-dns) are default options.
 */
final class Deckhouse {
    static final String PAGE = "https://deckhouse.io/products/kubernetes-platform/documentation/v1/reference/network_interaction.html";
    /** The page's data file at the newest commit read; {@link #yml} points at one row. */
    static final String PORTS_YML = "https://github.com/deckhouse/deckhouse/blob/6e01cad3cf1ff96cd4b04a781a84b2814aadcdad/docs/documentation/_data/deckhouse-ports.yml";
    /** Port changes per version: "Refined the list of ports used for networking" (1.71). */
    static final String RELEASE_NOTES = "https://deckhouse.io/products/kubernetes-platform/documentation/v1/release-notes.html#version-171";
    /** Deckhouse's Default module bundle: monitoring-kubernetes, monitoring-ping and prometheus are enabled. */
    static final String DEFAULT_BUNDLE = "https://deckhouse.io/products/kubernetes-platform/documentation/v1/modules/deckhouse/configuration.html#parameters-bundle";
    /** flannel's VXLAN port when none is configured, as Deckhouse's cni-flannel leaves it. */
    static final String FLANNEL_VXLAN = Kubeadm.FLANNEL;
    /** The kube-proxy module is enabled only with cni-flannel or cni-simple-bridge. */
    static final String KUBE_PROXY_ENABLED = "https://github.com/deckhouse/deckhouse/blob/b427bb619307938bd7e020ec7892e66292724e08/modules/036-kube-proxy/enabled#L20";
    /** network-policy-engine (kube-router) is disabled when cni-cilium is enabled. */
    static final String KUBE_ROUTER_ENABLED = "https://github.com/deckhouse/deckhouse/blob/94a87d61eac5dd6798f49fc97816e04a0a5d36b8/modules/050-network-policy-engine/enabled#L21";
    /** monitoring-ping serves its metrics on 127.0.0.1:4288; kube-rbac-proxy exposes them on 4289. */
    static final String MONITORING_PING_LOOPBACK = "https://github.com/deckhouse/deckhouse/blob/e8c5bb82006c5f60820af8c469899f6981356384/modules/340-monitoring-ping/images/monitoring-ping/src/main.go#L66";

    private static final String SEED = "seed 003";
    private static final String CURRENT_PAGE = "deckhouse-ports.yml @ 6e01cad";

    private static final Peer MASTER = Peer.role("master");
    private static final Peer FRONTEND = Peer.role("frontend");
    private static final Peer ALL = Peer.allNodes();

    private Deckhouse() {}

    /** The page's row at this line of {@link #PORTS_YML}. */
    static String yml(int line) {
        return PORTS_YML + "#L" + line;
    }

    static Blueprint blueprint() {
        BlueprintBuilder b = new BlueprintBuilder("deckhouse", "Deckhouse Kubernetes Platform", PAGE)
                .roles("master", "node", "frontend")
                .cni("cilium", "cni-cilium module in tunnel mode (tunnelMode: VXLAN), which the page requires "
                        + "wherever host-to-host traffic is filtered", PAGE)
                .cni("flannel", "cni-flannel module in tunnel mode (podNetworkMode: VXLAN), which the page requires "
                        + "wherever host-to-host traffic is filtered", PAGE)
                .defaultCni("cilium")
                .cniOption("cilium", "cilium-vxlan-4298", "cilium-tunnel-port", true,
                        "VXLAN on 4298: clusters installed on DKP 1.71 or later, or that enabled virtualization on 1.64 or later", yml(402))
                .cniOption("cilium", "cilium-vxlan-4299", "cilium-tunnel-port", false,
                        "VXLAN on 4299: clusters installed on DKP 1.64-1.70", yml(409))
                .cniOption("cilium", "cilium-vxlan-8472", "cilium-tunnel-port", false,
                        "VXLAN on 8472: clusters installed on DKP 1.63 or earlier", yml(432))
                .cniOption("cilium", "cilium-vxlan-8469", "cilium-tunnel-port", false,
                        "VXLAN on 8469: clusters installed on DKP 1.63 or earlier that enabled virtualization before 1.64", yml(425))
                .cniOption("cilium", "cilium-vxlan-nested", "cilium-tunnel-port", false,
                        "VXLAN on 4295-4297: DKP with virtualization inside VMs of DKP with virtualization", yml(395))
                .cniOption("cilium", "cilium-wireguard", null, false, "Cilium WireGuard encryption", yml(380))
                .cniOption("cilium", "hubble", null, false, "cilium-hubble module", yml(255))
                .option("static-nodes", "Static nodes bootstrapped over SSH by the static provider", yml(33))
                .option("cluster-api", "Cluster API (webhook and metrics)", yml(12))
                .option("cloud-provider-vcd", "VMware Cloud Director cloud provider", yml(17))
                .option("runtime-audit-engine", "runtime-audit-engine module", yml(48))
                .option("machine-controller-manager", "machine-controller-manager metrics", yml(69))
                .option("sds-node-configurator", "sds-node-configurator module", yml(95))
                .option("sds-replicated-volume", "sds-replicated-volume module (DRBD and its CSI driver)", yml(150))
                .option("sds-local-volume", "sds-local-volume module", yml(285))
                .option("storage-status", "storage-status module", yml(160))
                .option("csi-ceph", "csi-ceph module (CephFS and RBD)", yml(265))
                .option("csi-hpe", "csi-hpe module", yml(205))
                .option("csi-huawei", "csi-huawei module", yml(325))
                .option("csi-netapp", "csi-netapp module", yml(305))
                .option("csi-nfs", "csi-nfs module", yml(195))
                .option("csi-s3", "csi-s3 module", yml(215))
                .option("csi-scsi-generic", "csi-scsi-generic module", yml(225))
                .option("csi-yadro-tatlin-unified", "csi-yadro-tatlin-unified module", yml(275))
                .option("metallb", "metallb module (L2 and BGP modes; the former l2-load-balancer module is its L2 mode)", yml(165))
                .option("service-with-healthchecks", "service-with-healthchecks module", yml(350))
                .option("istio", "istio module with Istio CNI", yml(375))
                .option("ingress-nginx-host-with-failover", "ingress-nginx with a HostWithFailover inlet", yml(115))
                .defaultOption("node-local-dns", "node-local-dns module (in the Default bundle)", DEFAULT_BUNDLE)
                .defaultOption("monitoring", "monitoring-kubernetes, monitoring-ping and prometheus (in the Default bundle): "
                        + "node-exporter, ebpf-exporter, chrony-exporter, control plane, kube-proxy and kube-router metrics", DEFAULT_BUNDLE)
                .option("openvpn", "openvpn module on frontends", yml(473))
                .option("nodeports", "NodePort services reachable from outside the cluster", yml(488))
                .peer("admins", "administrators: SSH and kubectl")
                .peer("ingress-clients", "clients of the Ingress controllers")
                .peer("vpn-clients", "OpenVPN users")
                .peer("load-balancers", "external load balancers health-checking frontends")
                .peer("nodeport-clients", "clients of NodePort services")
                .peer("dns", "DNS servers the nodes use")
                .peer("ntp", "NTP servers the nodes use")
                .peer("registry", "the container registry (and other HTTPS endpoints) the nodes pull from")
                .peer("bgp-routers", "the infrastructure routers metallb peers with in BGP mode");
        mastersAndNodes(b);
        nodesToNodes(b);
        storage(b);
        external(b);
        deviations(b);
        return b.build();
    }

    private static void mastersAndNodes(BlueprintBuilder b) {
        b.tcp("2379-2380").from(MASTER).to(MASTER).purpose("etcd replication").cite(yml(7))
                .tcp("4200").from(MASTER).to(MASTER).purpose("Cluster API webhook handler").whenOption("cluster-api").cite(yml(12))
                .tcp("4201").from(MASTER).to(MASTER).purpose("Webhook handler for VMware Cloud Director cloud provider").whenOption("cloud-provider-vcd").cite(yml(17))
                .tcp("4223").from(MASTER).to(MASTER).purpose("Deckhouse controller webhook handler").cite(yml(22))

                .tcp("22").from(MASTER).to(ALL).purpose("SSH for static node bootstrapping by the static provider").whenOption("static-nodes").cite(yml(33))
                .tcp("10250").from(MASTER).to(ALL).purpose("kubelet").cite(yml(38))
                .tcp("4221").from(MASTER).to(ALL).purpose("bashible apiserver for delivering node configurations").cite(yml(43))
                .tcp("4227").from(MASTER).to(ALL).purpose("runtime-audit-engine webhook handler").whenOption("runtime-audit-engine").cite(yml(48))

                .udp("4234").from(ALL).to(MASTER).purpose("NTP for time synchronization between nodes").cite(yml(59))
                .tcp("6443").from(ALL).to(MASTER).purpose("kube-apiserver for controllers working in the node's host network namespace").cite(yml(64))
                .tcp("4203").from(ALL).to(MASTER).purpose("machine-controller-manager metrics").whenOption("machine-controller-manager").cite(yml(69))
                .tcp("4219").from(ALL).to(MASTER).purpose("Proxy for registry packages registry-packages-proxy").cite(yml(74))
                .tcp("4222").from(ALL).to(MASTER).purpose("Deckhouse controller metrics").cite(yml(79));
    }

    private static void nodesToNodes(BlueprintBuilder b) {
        Condition flannelMonitoring = Condition.cni("flannel").and("monitoring");
        b.protocol(Protocol.icmp(IcmpType.ANY)).from(ALL).to(ALL).purpose("ICMP for node-to-node connectivity monitoring").cite(yml(90))
                // The page says ICMP; nodes of an IPv6 cluster monitor each other with ICMPv6.
                .protocol(Protocol.icmpv6(IcmpType.ANY)).from(ALL).to(ALL).purpose("ICMPv6 for node-to-node connectivity monitoring").cite(yml(90))
                .tcp("4204").from(ALL).to(ALL).purpose("Deckhouse controller debug").cite(yml(100))
                .tcp("4205").from(ALL).to(ALL).purpose("ebpf-exporter module metrics").whenOption("monitoring").cite(yml(105))
                .tcp("4206").from(ALL).to(ALL).purpose("node-exporter module metrics").whenOption("monitoring").cite(yml(110))
                .tcp("4207").from(ALL).to(ALL).purpose("ingress-nginx controller metrics for the HostWithFailover inlet").whenOption("ingress-nginx-host-with-failover").cite(yml(115))
                .tcp("4208").from(ALL).to(ALL).purpose("ingress-nginx controller metrics for the HostWithFailover inlet").whenOption("ingress-nginx-host-with-failover").cite(yml(120))
                .tcp("4209").from(ALL).to(ALL).purpose("Kubernetes control plane metrics").whenOption("monitoring").cite(yml(125))
                .tcp("4210").from(ALL).to(ALL).purpose("kube-proxy metrics").when(flannelMonitoring).cite(yml(130))
                .tcp("4211").from(ALL).to(ALL).purpose("Cluster API metrics").whenOption("cluster-api").cite(yml(135))
                .tcp("4212").from(ALL).to(ALL).purpose("runtime-audit-engine module metrics").whenOption("runtime-audit-engine").cite(yml(140))
                .tcp("4213").from(ALL).to(ALL).purpose("kube-router metrics").when(flannelMonitoring).cite(yml(145))
                .tcp("4224").from(ALL).to(ALL).purpose("node-local-dns metrics").whenOption("node-local-dns").cite(yml(175))
                .tcp("4245").from(ALL).to(ALL).purpose("chrony-exporter metrics").whenOption("monitoring").cite(yml(260))
                .tcp("4288").from(Peer.self()).to(ALL).purpose("monitoring-ping metrics").whenOption("monitoring")
                        .localOnly("monitoring-ping listens on 127.0.0.1; Prometheus scrapes it through 4289").cite(MONITORING_PING_LOOPBACK)
                .tcp("4289").from(ALL).to(ALL).purpose("monitoring-ping metrics").whenOption("monitoring").cite(yml(390))
                .tcp("4263").from(ALL).to(ALL).purpose("service-with-healthchecks module metrics").whenOption("service-with-healthchecks").cite(yml(350))
                .tcp("4286").from(ALL).to(ALL).purpose("Istio CNI metrics").whenOption("istio").cite(yml(375));
        String memberlist = "Synchronization of the metallb speakers via memberlist";
        b.tcp("4218").from(ALL).to(ALL).purpose(memberlist).whenOption("metallb").cite(yml(165))
                .udp("4218").from(ALL).to(ALL).purpose(memberlist).whenOption("metallb").cite(yml(165))
                .tcp("4225").from(ALL).to(ALL).purpose(memberlist).whenOption("metallb").cite(yml(180))
                .udp("4225").from(ALL).to(ALL).purpose(memberlist).whenOption("metallb").cite(yml(180))
                .tcp("4220").from(ALL).to(ALL).purpose("Metrics of the metallb speakers").whenOption("metallb").cite(yml(170))
                .tcp("4226").from(ALL).to(ALL).purpose("Metrics of the metallb speakers").whenOption("metallb").cite(yml(185))

                .tcp("4240").from(ALL).to(ALL).purpose("CNI Cilium node-to-node healthcheck").whenCni("cilium").cite(yml(240))
                .tcp("4241").from(ALL).to(ALL).purpose("CNI Cilium agent metrics").whenCni("cilium").cite(yml(245))
                .tcp("4242").from(ALL).to(ALL).purpose("CNI Cilium operator metrics").whenCni("cilium").cite(yml(250))
                .tcp("4244").from(ALL).to(ALL).purpose("cilium-hubble module API").whenOption("hubble").cite(yml(255))
                .udp("4287").from(ALL).to(ALL).purpose("WireGuard port for traffic encryption in CNI Cilium")
                        .when(Condition.cni("cilium").and("cilium-wireguard")).cite(yml(380))
                .udp("4298").from(ALL).to(ALL).purpose("Cilium VXLAN for pod-to-pod traffic encapsulation")
                        .when(Condition.cni("cilium").and("cilium-vxlan-4298")).cite(yml(402))
                .udp("4299").from(ALL).to(ALL).purpose("Cilium VXLAN for pod-to-pod traffic encapsulation")
                        .when(Condition.cni("cilium").and("cilium-vxlan-4299")).cite(yml(409))
                .udp("8472").from(ALL).to(ALL).purpose("Cilium VXLAN for pod-to-pod traffic encapsulation")
                        .when(Condition.cni("cilium").and("cilium-vxlan-8472")).cite(yml(432))
                .udp("8469").from(ALL).to(ALL).purpose("Cilium VXLAN for pod-to-pod traffic encapsulation")
                        .when(Condition.cni("cilium").and("cilium-vxlan-8469")).cite(yml(425))
                .udp("4295-4297").from(ALL).to(ALL).purpose("Cilium VXLAN for pod-to-pod traffic in nested virtualization")
                        .when(Condition.cni("cilium").and("cilium-vxlan-nested")).cite(yml(395))
                .udp("8472").from(ALL).to(ALL).purpose("flannel VXLAN for pod-to-pod traffic encapsulation").whenCni("flannel").cite(FLANNEL_VXLAN);
    }

    /** A storage module's TCP port between all nodes, at its line of the page's data file. */
    private record StoragePort(String ports, String option, String purpose, int line) {}

    /** Storage modules: agents, CSI controllers and CSI nodes, each on its own ports. */
    private static void storage(BlueprintBuilder b) {
        StoragePort[] ports = {
            new StoragePort("4202", "sds-node-configurator", "sds-node-configurator node agent metrics", 95),
            new StoragePort("4228", "sds-node-configurator", "sds-node-configurator agent healthcheck", 190),
            new StoragePort("7000-7999", "sds-replicated-volume", "sds-replicated-volume DRBD replication", 420),
            new StoragePort("4214", "sds-replicated-volume", "API of the sds-replicated-volume module agent", 150),
            new StoragePort("4215", "sds-replicated-volume", "sds-replicated-volume agent metrics", 155),
            new StoragePort("4261", "sds-replicated-volume", "sds-replicated-volume CSI controller healthcheck", 340),
            new StoragePort("4262", "sds-replicated-volume", "sds-replicated-volume CSI node healthcheck", 345),
            new StoragePort("4269", "sds-replicated-volume", "sds-replicated-volume CSI node healthcheck", 355),
            new StoragePort("4270", "sds-replicated-volume", "sds-replicated-volume CSI node metrics", 360),
            new StoragePort("4271", "sds-replicated-volume", "sds-replicated-volume CSI controller healthcheck", 365),
            new StoragePort("4272", "sds-replicated-volume", "sds-replicated-volume CSI controller metrics", 370),
            new StoragePort("4250", "sds-local-volume", "sds-local-volume CSI controller healthcheck", 285),
            new StoragePort("4251", "sds-local-volume", "sds-local-volume CSI node healthcheck", 290),
            new StoragePort("4216", "storage-status", "storage-status agent metrics", 160),
            new StoragePort("4239", "storage-status", "storage-status agent healthcheck", 235),
            new StoragePort("4246", "csi-ceph", "csi-ceph CephFS CSI controller healthcheck", 265),
            new StoragePort("4247", "csi-ceph", "csi-ceph RBD CSI controller healthcheck", 270),
            new StoragePort("4252", "csi-ceph", "csi-ceph RBD CSI node healthcheck", 295),
            new StoragePort("4253", "csi-ceph", "csi-ceph CephFS CSI node healthcheck", 300),
            new StoragePort("4231", "csi-hpe", "csi-hpe CSI controller healthcheck", 205),
            new StoragePort("4232", "csi-hpe", "csi-hpe CSI node healthcheck", 210),
            new StoragePort("4258", "csi-huawei", "csi-huawei CSI controller webhook port", 325),
            new StoragePort("4259", "csi-huawei", "csi-huawei CSI node healthcheck", 330),
            new StoragePort("4260", "csi-huawei", "csi-huawei CSI controller metrics", 335),
            new StoragePort("4254", "csi-netapp", "csi-netapp CSI controller healthcheck", 305),
            new StoragePort("4255", "csi-netapp", "csi-netapp CSI node healthcheck", 310),
            new StoragePort("4256", "csi-netapp", "csi-netapp CSI controller metrics", 315),
            new StoragePort("4257", "csi-netapp", "csi-netapp CSI controller API port", 320),
            new StoragePort("4229", "csi-nfs", "csi-nfs CSI controller healthcheck", 195),
            new StoragePort("4230", "csi-nfs", "csi-nfs CSI node healthcheck", 200),
            new StoragePort("4235", "csi-s3", "csi-s3 CSI controller healthcheck", 215),
            new StoragePort("4236", "csi-s3", "csi-s3 CSI node healthcheck", 220),
            new StoragePort("4237", "csi-scsi-generic", "csi-scsi-generic CSI controller healthcheck", 225),
            new StoragePort("4238", "csi-scsi-generic", "csi-scsi-generic CSI node healthcheck", 230),
            new StoragePort("4248", "csi-yadro-tatlin-unified", "csi-yadro-tatlin-unified CSI controller healthcheck", 275),
            new StoragePort("4249", "csi-yadro-tatlin-unified", "csi-yadro-tatlin-unified CSI node healthcheck", 280),
        };
        for (StoragePort port : ports) {
            b.tcp(port.ports()).from(ALL).to(ALL).purpose(port.purpose()).whenOption(port.option()).cite(yml(port.line()));
        }
    }

    private static void external(BlueprintBuilder b) {
        b.tcp("22").from(Peer.external("admins")).to(MASTER).purpose("SSH for initializing Deckhouse Kubernetes Platform").cite(yml(452))
                .tcp("6443").from(Peer.external("admins")).to(MASTER).purpose("Direct access to the apiserver").cite(yml(457))

                .tcp("80").from(Peer.external("ingress-clients")).to(FRONTEND).purpose("Ingress controllers over HTTP").publicClients().cite(yml(468))
                .tcp("443").from(Peer.external("ingress-clients")).to(FRONTEND).purpose("Ingress controllers over HTTPS").publicClients().cite(yml(468))
                .udp("5416").from(Peer.external("vpn-clients")).to(FRONTEND).purpose("OpenVPN").whenOption("openvpn").publicClients().cite(yml(473))
                .tcp("5416").from(Peer.external("vpn-clients")).to(FRONTEND).purpose("OpenVPN").whenOption("openvpn").publicClients().cite(yml(478))
                .tcp("10256").from(Peer.external("load-balancers")).to(FRONTEND).purpose("Healthcheck port for external balancers").cite(yml(483))
                .tcp("30000-32767").from(Peer.external("nodeport-clients")).to(FRONTEND).purpose("NodePort range").whenOption("nodeports").publicClients().cite(yml(488))

                .udp("53").from(ALL).to(Peer.external("dns")).purpose("DNS").cite(yml(499))
                .tcp("53").from(ALL).to(Peer.external("dns")).purpose("DNS").cite(yml(504))
                .udp("123").from(ALL).to(Peer.external("ntp")).purpose("NTP for synchronization with external time servers").cite(yml(509))
                .tcp("179").from(ALL).to(Peer.external("bgp-routers")).purpose("BGP peering with the infrastructure router (metallb)").whenOption("metallb").cite(yml(514))
                .tcp("443").from(ALL).to(Peer.external("registry")).purpose("Container registry").cite(yml(519));
    }

    /** Where the catalog departs from seed 003 and from the current page; SeedDeviationsTest checks each. */
    private static void deviations(BlueprintBuilder b) {
        b.deviation(SEED, "ICMP | ICMP for node-to-node connectivity monitoring | |",
                        "the protocol sits in the port column: any ICMP between all nodes, and ICMPv6 too where the cluster uses IPv6", yml(90))
                .deviation(SEED, "External traffic for all nodes: 53/UDP, 53/TCP, 123/UDP, 443/TCP",
                        "what every node sends out (egress to the dns, ntp and registry peers), not what it accepts", yml(494))
                .deviation(SEED, "8469, 8472 | UDP | VXLAN for pod-to-pod traffic encapsulation",
                        "cni-cilium keeps the port of the version it was installed with: 4298 (DKP 1.71 or later, the default here), "
                                + "4299 (1.64-1.70), 8472 or 8469 (1.63 and earlier), 4295-4297 nested; one option each. cni-flannel keeps 8472",
                        yml(402))
                .deviation(SEED, "49152, 49153 | TCP | Deckhouse Virtualization Platform VM live migration port",
                        "left out: removed in DKP 1.71, migration runs over the pod network", RELEASE_NOTES)
                .deviation(SEED, "(no row for Cilium's WireGuard encryption)",
                        "UDP 4287 between all nodes with the opt-in option cilium-wireguard (on the page since DKP 1.71)", yml(380))
                .deviation(SEED, "rows of optional modules (sds-replicated-volume, metallb, openvpn…) without a condition",
                        "each module's ports follow an option: modules outside the Default bundle are opt-in; monitoring and "
                                + "node-local-dns are in the bundle and on by default", DEFAULT_BUNDLE)
                .deviation(SEED, "9695 | TCP | sds-node-configurator node agent metrics", "4202: the current page moved it into 4200-4299", yml(95))
                .deviation(SEED, "3367 | TCP | API of the sds-replicated-volume module node agent", "4214: the current page moved it into 4200-4299", yml(150))
                .deviation(SEED, "9942 | TCP | sds-replicated-volume node agent metrics", "4215: the current page moved it into 4200-4299", yml(155))
                .deviation(SEED, "22, 22322 | TCP | SSH for Deckhouse Kubernetes Platform initialization",
                        "22 only: the current page no longer lists 22322", yml(452))
                .deviation(SEED, "4218, 4225 | TCP, UDP | metallb and l2-load-balancer speakers memberlist ports",
                        "option metallb only: the current page names metallb alone, whose L2 mode replaced the l2-load-balancer module", yml(165))

                .deviation(CURRENT_PAGE, "4210 | TCP | kube-proxy metrics (between all nodes)",
                        "only with cni-flannel (and monitoring): the kube-proxy module runs only with cni-flannel or cni-simple-bridge, "
                                + "so a Cilium cluster has no listener on 4210", KUBE_PROXY_ENABLED)
                .deviation(CURRENT_PAGE, "4213 | TCP | kube-router metrics (between all nodes)",
                        "only with cni-flannel (and monitoring): kube-router is network-policy-engine's agent, and that module "
                                + "is disabled when cni-cilium is enabled", KUBE_ROUTER_ENABLED)
                .deviation(CURRENT_PAGE, "4288 | TCP | monitoring-ping metrics (between all nodes)",
                        "local only: monitoring-ping listens on 127.0.0.1:4288; its kube-rbac-proxy on 4289 is what Prometheus scrapes",
                        MONITORING_PING_LOOPBACK)
                .deviation(CURRENT_PAGE, "(no row for cni-flannel's VXLAN port; the VXLAN rows are cni-cilium's)",
                        "UDP 8472 between all nodes with cni-flannel, flannel's default VXLAN port", FLANNEL_VXLAN);
    }
}
