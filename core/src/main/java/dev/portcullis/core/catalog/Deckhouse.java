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
 * <p>Seed 003 is the page as it stood around DKP 1.63-1.66. Since then the release notes (which the
 * page names as the record of port changes) moved Cilium's VXLAN port: a cluster keeps the port of
 * the version it was installed with, so the tunnel port is a choice here, 4298 (new clusters) by
 * default; 8472 remains flannel's. VM live migration (49152-49153) moved onto the pod network in
 * 1.71 and is gone. The metallb and l2-load-balancer ports are one row for both modules.
 *
 * <p>The page asks for tunnel mode wherever host-to-host traffic is filtered (cni-cilium
 * {@code tunnelMode: VXLAN}, cni-flannel {@code podNetworkMode: VXLAN}): pod addresses never cross
 * the network bare, so the catalog assumes it. Modules of the Default bundle (monitoring,
 * node-local-dns) are default options.
 */
final class Deckhouse {
    static final String PAGE = "https://deckhouse.io/products/kubernetes-platform/documentation/v1/reference/network_interaction.html";
    /** Port changes per version: "Refined the list of ports used for networking" (1.71). The port
     * choice itself is cni-cilium's hooks/discover_vxlan_port.go: 4298 minus the nesting level for a
     * new cluster, 8472/8469/4299 kept for older ones. */
    static final String RELEASE_NOTES = "https://deckhouse.io/products/kubernetes-platform/documentation/v1/release-notes.html#version-171";
    /** Deckhouse's Default module bundle: monitoring-kubernetes and prometheus are enabled. */
    static final String DEFAULT_BUNDLE = "https://deckhouse.io/products/kubernetes-platform/documentation/v1/modules/deckhouse/configuration.html#parameters-bundle";
    /** flannel's VXLAN port when none is configured, as Deckhouse's cni-flannel leaves it. */
    static final String FLANNEL_VXLAN = Kubeadm.FLANNEL;

    private static final Peer MASTER = Peer.role("master");
    private static final Peer FRONTEND = Peer.role("frontend");
    private static final Peer ALL = Peer.allNodes();

    private Deckhouse() {}

    static Blueprint blueprint() {
        return new BlueprintBuilder("deckhouse", "Deckhouse Kubernetes Platform", PAGE)
                .roles("master", "node", "frontend")
                .cni("cilium", "cni-cilium module in tunnel mode (tunnelMode: VXLAN), which the page requires "
                        + "wherever host-to-host traffic is filtered", PAGE)
                .cni("flannel", "cni-flannel module in tunnel mode (podNetworkMode: VXLAN), which the page requires "
                        + "wherever host-to-host traffic is filtered", PAGE)
                .defaultCni("cilium")
                .cniOption("cilium", "cilium-vxlan-4298", "cilium-tunnel-port", true,
                        "VXLAN on 4298: clusters installed on DKP 1.71 or later, or that enabled virtualization on 1.64 or later", RELEASE_NOTES)
                .cniOption("cilium", "cilium-vxlan-4299", "cilium-tunnel-port", false,
                        "VXLAN on 4299: clusters installed on DKP 1.64-1.70", RELEASE_NOTES)
                .cniOption("cilium", "cilium-vxlan-8472", "cilium-tunnel-port", false,
                        "VXLAN on 8472: clusters installed on DKP 1.63 or earlier", RELEASE_NOTES)
                .cniOption("cilium", "cilium-vxlan-8469", "cilium-tunnel-port", false,
                        "VXLAN on 8469: clusters installed on DKP 1.63 or earlier that enabled virtualization before 1.64", RELEASE_NOTES)
                .cniOption("cilium", "cilium-vxlan-nested", "cilium-tunnel-port", false,
                        "VXLAN on 4295-4297: DKP with virtualization inside VMs of DKP with virtualization", RELEASE_NOTES)
                .cniOption("cilium", "cilium-wireguard", null, false, "Cilium WireGuard encryption", RELEASE_NOTES)
                .cniOption("cilium", "hubble", null, false, "cilium-hubble module", PAGE)
                .option("static-nodes", "Static nodes bootstrapped over SSH by the static provider", PAGE)
                .option("cluster-api", "Cluster API (webhook and metrics)", PAGE)
                .option("cloud-provider-vcd", "VMware Cloud Director cloud provider", PAGE)
                .option("runtime-audit-engine", "runtime-audit-engine module", PAGE)
                .option("machine-controller-manager", "machine-controller-manager metrics", PAGE)
                .option("sds-replicated-volume", "sds-replicated-volume module (DRBD)", PAGE)
                .option("sds-node-configurator", "sds-node-configurator module", PAGE)
                .option("metallb", "metallb module", PAGE)
                .option("l2-load-balancer", "l2-load-balancer module", PAGE)
                .option("ingress-nginx-host-with-failover", "ingress-nginx with a HostWithFailover inlet", PAGE)
                .defaultOption("node-local-dns", "node-local-dns module (in the Default bundle)", DEFAULT_BUNDLE)
                .defaultOption("monitoring", "monitoring-kubernetes and prometheus (in the Default bundle): node-exporter, "
                        + "ebpf-exporter, control plane, kube-proxy and kube-router metrics", DEFAULT_BUNDLE)
                .option("openvpn", "openvpn module on frontends", PAGE)
                .option("nodeports", "NodePort services reachable from outside the cluster", PAGE)
                .peer("admins", "administrators: SSH and kubectl")
                .peer("ingress-clients", "clients of the Ingress controllers")
                .peer("vpn-clients", "OpenVPN users")
                .peer("load-balancers", "external load balancers health-checking frontends")
                .peer("nodeport-clients", "clients of NodePort services")
                .peer("dns", "DNS servers the nodes use")
                .peer("ntp", "NTP servers the nodes use")
                .peer("registry", "the container registry (and other HTTPS endpoints) the nodes pull from")

                .tcp("2379-2380").from(MASTER).to(MASTER).purpose("etcd replication").cite(PAGE)
                .tcp("4200").from(MASTER).to(MASTER).purpose("Cluster API webhook handler").whenOption("cluster-api").cite(PAGE)
                .tcp("4201").from(MASTER).to(MASTER).purpose("VMware Cloud Director cloud provider webhook handler").whenOption("cloud-provider-vcd").cite(PAGE)
                .tcp("4223").from(MASTER).to(MASTER).purpose("Deckhouse controller webhook handler").cite(PAGE)

                .tcp("22").from(MASTER).to(ALL).purpose("SSH for Static nodes bootstrapping by static provider").whenOption("static-nodes").cite(PAGE)
                .tcp("10250").from(MASTER).to(ALL).purpose("kubelet").cite(PAGE)
                .tcp("4221").from(MASTER).to(ALL).purpose("bashible apiserver for delivering node configurations").cite(PAGE)
                .tcp("4227").from(MASTER).to(ALL).purpose("runtime-audit-engine webhook handler").whenOption("runtime-audit-engine").cite(PAGE)

                .udp("4234").from(ALL).to(MASTER).purpose("NTP for time synchronization between nodes").cite(PAGE)
                .tcp("6443").from(ALL).to(MASTER).purpose("kube-apiserver for controllers working in node's host network namespace").cite(PAGE)
                .tcp("4203").from(ALL).to(MASTER).purpose("machine-controller-manager metrics").whenOption("machine-controller-manager").cite(PAGE)
                .tcp("4219").from(ALL).to(MASTER).purpose("Proxy for registry packages registry-packages-proxy").cite(PAGE)
                .tcp("4222").from(ALL).to(MASTER).purpose("Deckhouse controller metrics").cite(PAGE)

                .protocol(Protocol.icmp(IcmpType.ANY)).from(ALL).to(ALL).purpose("ICMP for node-to-node connectivity monitoring").cite(PAGE)
                // The page says ICMP; nodes of an IPv6 cluster monitor each other with ICMPv6.
                .protocol(Protocol.icmpv6(IcmpType.ANY)).from(ALL).to(ALL).purpose("ICMPv6 for node-to-node connectivity monitoring").cite(PAGE)
                .tcp("7000-7999").from(ALL).to(ALL).purpose("sds-replicated-volume DRBD replication").whenOption("sds-replicated-volume").cite(PAGE)
                .udp("4298").from(ALL).to(ALL).purpose("Cilium VXLAN for pod-to-pod traffic encapsulation")
                        .when(Condition.cni("cilium").and("cilium-vxlan-4298")).cite(RELEASE_NOTES)
                .udp("4299").from(ALL).to(ALL).purpose("Cilium VXLAN for pod-to-pod traffic encapsulation")
                        .when(Condition.cni("cilium").and("cilium-vxlan-4299")).cite(RELEASE_NOTES)
                .udp("8472").from(ALL).to(ALL).purpose("Cilium VXLAN for pod-to-pod traffic encapsulation")
                        .when(Condition.cni("cilium").and("cilium-vxlan-8472")).cite(RELEASE_NOTES)
                .udp("8469").from(ALL).to(ALL).purpose("Cilium VXLAN for pod-to-pod traffic encapsulation")
                        .when(Condition.cni("cilium").and("cilium-vxlan-8469")).cite(RELEASE_NOTES)
                .udp("4295-4297").from(ALL).to(ALL).purpose("Cilium VXLAN for pod-to-pod traffic in nested virtualization")
                        .when(Condition.cni("cilium").and("cilium-vxlan-nested")).cite(RELEASE_NOTES)
                .udp("4287").from(ALL).to(ALL).purpose("Cilium WireGuard traffic encryption")
                        .when(Condition.cni("cilium").and("cilium-wireguard")).cite(RELEASE_NOTES)
                .udp("8472").from(ALL).to(ALL).purpose("flannel VXLAN for pod-to-pod traffic encapsulation").whenCni("flannel").cite(FLANNEL_VXLAN)
                .tcp("4204").from(ALL).to(ALL).purpose("Deckhouse controller debug").cite(PAGE)
                .tcp("4205").from(ALL).to(ALL).purpose("ebpf-exporter metrics").whenOption("monitoring").cite(PAGE)
                .tcp("4206").from(ALL).to(ALL).purpose("node-exporter module metrics").whenOption("monitoring").cite(PAGE)
                .tcp("4207-4208").from(ALL).to(ALL).purpose("ingress-nginx controller metrics for HostWithFailover inlet").whenOption("ingress-nginx-host-with-failover").cite(PAGE)
                .tcp("4209").from(ALL).to(ALL).purpose("Kubernetes control plane metrics").whenOption("monitoring").cite(PAGE)
                .tcp("4210").from(ALL).to(ALL).purpose("kube-proxy metrics").whenOption("monitoring").cite(PAGE)
                .tcp("4211").from(ALL).to(ALL).purpose("Cluster API metrics").whenOption("cluster-api").cite(PAGE)
                .tcp("4212").from(ALL).to(ALL).purpose("runtime-audit-engine module metrics").whenOption("runtime-audit-engine").cite(PAGE)
                .tcp("4213").from(ALL).to(ALL).purpose("kube-router metrics").whenOption("monitoring").cite(PAGE)
                .tcp("9695").from(ALL).to(ALL).purpose("sds-node-configurator node agent metrics").whenOption("sds-node-configurator").cite(PAGE)
                .tcp("3367").from(ALL).to(ALL).purpose("API of the sds-replicated-volume module node agent").whenOption("sds-replicated-volume").cite(PAGE)
                .tcp("9942").from(ALL).to(ALL).purpose("sds-replicated-volume node agent metrics").whenOption("sds-replicated-volume").cite(PAGE)
                .tcp("4218").from(ALL).to(ALL).purpose("metallb and l2-load-balancer speakers memberlist ports").whenOption("metallb").cite(PAGE)
                .tcp("4225").from(ALL).to(ALL).purpose("metallb and l2-load-balancer speakers memberlist ports").whenOption("metallb").cite(PAGE)
                .udp("4218").from(ALL).to(ALL).purpose("metallb and l2-load-balancer speakers memberlist ports").whenOption("metallb").cite(PAGE)
                .udp("4225").from(ALL).to(ALL).purpose("metallb and l2-load-balancer speakers memberlist ports").whenOption("metallb").cite(PAGE)
                .tcp("4220").from(ALL).to(ALL).purpose("metallb and l2-load-balancer speakers metrics").whenOption("metallb").cite(PAGE)
                .tcp("4226").from(ALL).to(ALL).purpose("metallb and l2-load-balancer speakers metrics").whenOption("metallb").cite(PAGE)
                .tcp("4218").from(ALL).to(ALL).purpose("metallb and l2-load-balancer speakers memberlist ports").whenOption("l2-load-balancer").cite(PAGE)
                .tcp("4225").from(ALL).to(ALL).purpose("metallb and l2-load-balancer speakers memberlist ports").whenOption("l2-load-balancer").cite(PAGE)
                .udp("4218").from(ALL).to(ALL).purpose("metallb and l2-load-balancer speakers memberlist ports").whenOption("l2-load-balancer").cite(PAGE)
                .udp("4225").from(ALL).to(ALL).purpose("metallb and l2-load-balancer speakers memberlist ports").whenOption("l2-load-balancer").cite(PAGE)
                .tcp("4220").from(ALL).to(ALL).purpose("metallb and l2-load-balancer speakers metrics").whenOption("l2-load-balancer").cite(PAGE)
                .tcp("4226").from(ALL).to(ALL).purpose("metallb and l2-load-balancer speakers metrics").whenOption("l2-load-balancer").cite(PAGE)
                .tcp("4224").from(ALL).to(ALL).purpose("node-local-dns metrics").whenOption("node-local-dns").cite(PAGE)
                .tcp("4240").from(ALL).to(ALL).purpose("CNI Cilium agent node-to-node healthcheck").whenCni("cilium").cite(PAGE)
                .tcp("4241").from(ALL).to(ALL).purpose("CNI Cilium agent metrics").whenCni("cilium").cite(PAGE)
                .tcp("4242").from(ALL).to(ALL).purpose("CNI Cilium operator metrics").whenCni("cilium").cite(PAGE)
                .tcp("4244").from(ALL).to(ALL).purpose("cilium-hubble API").whenOption("hubble").cite(PAGE)

                .tcp("22").from(Peer.external("admins")).to(MASTER).purpose("SSH for Deckhouse Kubernetes Platform initialization").cite(PAGE)
                .tcp("22322").from(Peer.external("admins")).to(MASTER).purpose("SSH for Deckhouse Kubernetes Platform initialization").cite(PAGE)
                .tcp("6443").from(Peer.external("admins")).to(MASTER).purpose("kube-apiserver for local administrators").cite(PAGE)

                .tcp("80").from(Peer.external("ingress-clients")).to(FRONTEND).purpose("Ingress controllers over HTTP").publicClients().cite(PAGE)
                .tcp("443").from(Peer.external("ingress-clients")).to(FRONTEND).purpose("Ingress controllers over HTTPS").publicClients().cite(PAGE)
                .udp("5416").from(Peer.external("vpn-clients")).to(FRONTEND).purpose("OpenVPN").whenOption("openvpn").publicClients().cite(PAGE)
                .tcp("5416").from(Peer.external("vpn-clients")).to(FRONTEND).purpose("OpenVPN").whenOption("openvpn").publicClients().cite(PAGE)
                .tcp("10256").from(Peer.external("load-balancers")).to(FRONTEND).purpose("healthcheck port for external balancers").cite(PAGE)
                .tcp("30000-32767").from(Peer.external("nodeport-clients")).to(FRONTEND).purpose("NodePort range").whenOption("nodeports").publicClients().cite(PAGE)

                .udp("53").from(ALL).to(Peer.external("dns")).purpose("DNS").cite(PAGE)
                .tcp("53").from(ALL).to(Peer.external("dns")).purpose("DNS").cite(PAGE)
                .udp("123").from(ALL).to(Peer.external("ntp")).purpose("NTP for external time synchronization").cite(PAGE)
                .tcp("443").from(ALL).to(Peer.external("registry")).purpose("Container registry").cite(PAGE)
                .build();
    }
}
