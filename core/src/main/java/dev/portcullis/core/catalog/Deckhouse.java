package dev.portcullis.core.catalog;

import dev.portcullis.core.Blueprint;
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
 * <p>The page lists VXLAN as "8469, 8472" without saying which CNI uses which, and the metallb and
 * l2-load-balancer ports as one row for both modules: both ports are opened for either, since a
 * guess that is wrong would cut pod traffic or speaker membership.
 */
final class Deckhouse {
    static final String PAGE = "https://deckhouse.io/products/kubernetes-platform/documentation/v1/network_security_setup.html";
    static final String MASTERS = PAGE + "#master-to-master-nodes-traffic";
    static final String MASTER_TO_NODES = PAGE + "#master-to-nodes-traffic";
    static final String NODES_TO_MASTERS = PAGE + "#nodes-to-masters-traffic";
    static final String NODES = PAGE + "#nodes-to-nodes-traffic";
    static final String EXTERNAL_MASTERS = PAGE + "#external-traffic-to-masters";
    static final String EXTERNAL_FRONTENDS = PAGE + "#external-traffic-to-frontends";
    static final String EXTERNAL_ALL = PAGE + "#external-traffic-for-all-nodes";

    private static final Peer MASTER = Peer.role("master");
    private static final Peer FRONTEND = Peer.role("frontend");
    private static final Peer ALL = Peer.allNodes();

    private Deckhouse() {}

    static Blueprint blueprint() {
        return new BlueprintBuilder("deckhouse", "Deckhouse Kubernetes Platform", PAGE)
                .roles("master", "node", "frontend")
                .cni("cilium", "cni-cilium module", NODES)
                .cni("flannel", "cni-flannel module", NODES)
                .defaultCni("cilium")
                .cniOption("cilium", "hubble", null, false, "cilium-hubble module", NODES)
                .option("static-nodes", "Static nodes bootstrapped over SSH by the static provider", MASTER_TO_NODES)
                .option("cluster-api", "Cluster API (webhook and metrics)", MASTERS)
                .option("cloud-provider-vcd", "VMware Cloud Director cloud provider", MASTERS)
                .option("runtime-audit-engine", "runtime-audit-engine module", MASTER_TO_NODES)
                .option("machine-controller-manager", "machine-controller-manager metrics", NODES_TO_MASTERS)
                .option("sds-replicated-volume", "sds-replicated-volume module (DRBD)", NODES)
                .option("sds-node-configurator", "sds-node-configurator module", NODES)
                .option("virtualization", "Deckhouse Virtualization Platform (VM live migration)", NODES)
                .option("metallb", "metallb module", NODES)
                .option("l2-load-balancer", "l2-load-balancer module", NODES)
                .option("ingress-nginx-host-with-failover", "ingress-nginx with a HostWithFailover inlet", NODES)
                .option("node-local-dns", "node-local-dns module", NODES)
                .option("ebpf-exporter", "ebpf-exporter module", NODES)
                .option("monitoring", "node-exporter, control plane, kube-proxy and kube-router metrics", NODES)
                .option("openvpn", "openvpn module on frontends", EXTERNAL_FRONTENDS)
                .option("nodeports", "NodePort services reachable from outside the cluster", EXTERNAL_FRONTENDS)
                .peer("admins", "administrators: SSH and kubectl")
                .peer("ingress-clients", "clients of the Ingress controllers")
                .peer("vpn-clients", "OpenVPN users")
                .peer("load-balancers", "external load balancers health-checking frontends")
                .peer("nodeport-clients", "clients of NodePort services")
                .peer("dns", "DNS servers the nodes use")
                .peer("ntp", "NTP servers the nodes use")
                .peer("registry", "the container registry (and other HTTPS endpoints) the nodes pull from")

                .tcp("2379-2380").from(MASTER).to(MASTER).purpose("etcd replication").cite(MASTERS)
                .tcp("4200").from(MASTER).to(MASTER).purpose("Cluster API webhook handler").whenOption("cluster-api").cite(MASTERS)
                .tcp("4201").from(MASTER).to(MASTER).purpose("VMware Cloud Director cloud provider webhook handler").whenOption("cloud-provider-vcd").cite(MASTERS)
                .tcp("4223").from(MASTER).to(MASTER).purpose("Deckhouse controller webhook handler").cite(MASTERS)

                .tcp("22").from(MASTER).to(ALL).purpose("SSH for Static nodes bootstrapping by static provider").whenOption("static-nodes").cite(MASTER_TO_NODES)
                .tcp("10250").from(MASTER).to(ALL).purpose("kubelet").cite(MASTER_TO_NODES)
                .tcp("4221").from(MASTER).to(ALL).purpose("bashible apiserver for delivering node configurations").cite(MASTER_TO_NODES)
                .tcp("4227").from(MASTER).to(ALL).purpose("runtime-audit-engine webhook handler").whenOption("runtime-audit-engine").cite(MASTER_TO_NODES)

                .udp("4234").from(ALL).to(MASTER).purpose("NTP for time synchronization between nodes").cite(NODES_TO_MASTERS)
                .tcp("6443").from(ALL).to(MASTER).purpose("kube-apiserver for controllers working in node's host network namespace").cite(NODES_TO_MASTERS)
                .tcp("4203").from(ALL).to(MASTER).purpose("machine-controller-manager metrics").whenOption("machine-controller-manager").cite(NODES_TO_MASTERS)
                .tcp("4219").from(ALL).to(MASTER).purpose("Proxy for registry packages registry-packages-proxy").cite(NODES_TO_MASTERS)
                .tcp("4222").from(ALL).to(MASTER).purpose("Deckhouse controller metrics").cite(NODES_TO_MASTERS)

                .protocol(Protocol.icmp(IcmpType.ANY)).from(ALL).to(ALL).purpose("ICMP for node-to-node connectivity monitoring").cite(NODES)
                // The page says ICMP; nodes of an IPv6 cluster monitor each other with ICMPv6.
                .protocol(Protocol.icmpv6(IcmpType.ANY)).from(ALL).to(ALL).purpose("ICMPv6 for node-to-node connectivity monitoring").cite(NODES)
                .tcp("7000-7999").from(ALL).to(ALL).purpose("sds-replicated-volume DRBD replication").whenOption("sds-replicated-volume").cite(NODES)
                .udp("8469").from(ALL).to(ALL).purpose("VXLAN for pod-to-pod traffic encapsulation").cite(NODES)
                .udp("8472").from(ALL).to(ALL).purpose("VXLAN for pod-to-pod traffic encapsulation").cite(NODES)
                .tcp("4204").from(ALL).to(ALL).purpose("Deckhouse controller debug").cite(NODES)
                .tcp("4205").from(ALL).to(ALL).purpose("ebpf-exporter metrics").whenOption("ebpf-exporter").cite(NODES)
                .tcp("4206").from(ALL).to(ALL).purpose("node-exporter module metrics").whenOption("monitoring").cite(NODES)
                .tcp("4207-4208").from(ALL).to(ALL).purpose("ingress-nginx controller metrics for HostWithFailover inlet").whenOption("ingress-nginx-host-with-failover").cite(NODES)
                .tcp("4209").from(ALL).to(ALL).purpose("Kubernetes control plane metrics").whenOption("monitoring").cite(NODES)
                .tcp("4210").from(ALL).to(ALL).purpose("kube-proxy metrics").whenOption("monitoring").cite(NODES)
                .tcp("4211").from(ALL).to(ALL).purpose("Cluster API metrics").whenOption("cluster-api").cite(NODES)
                .tcp("4212").from(ALL).to(ALL).purpose("runtime-audit-engine module metrics").whenOption("runtime-audit-engine").cite(NODES)
                .tcp("4213").from(ALL).to(ALL).purpose("kube-router metrics").whenOption("monitoring").cite(NODES)
                .tcp("9695").from(ALL).to(ALL).purpose("sds-node-configurator node agent metrics").whenOption("sds-node-configurator").cite(NODES)
                .tcp("3367").from(ALL).to(ALL).purpose("API of the sds-replicated-volume module node agent").whenOption("sds-replicated-volume").cite(NODES)
                .tcp("9942").from(ALL).to(ALL).purpose("sds-replicated-volume node agent metrics").whenOption("sds-replicated-volume").cite(NODES)
                .tcp("49152-49153").from(ALL).to(ALL).purpose("Deckhouse Virtualization Platform VM live migration port").whenOption("virtualization").cite(NODES)
                .tcp("4218").from(ALL).to(ALL).purpose("metallb and l2-load-balancer speakers memberlist ports").whenOption("metallb").cite(NODES)
                .tcp("4225").from(ALL).to(ALL).purpose("metallb and l2-load-balancer speakers memberlist ports").whenOption("metallb").cite(NODES)
                .udp("4218").from(ALL).to(ALL).purpose("metallb and l2-load-balancer speakers memberlist ports").whenOption("metallb").cite(NODES)
                .udp("4225").from(ALL).to(ALL).purpose("metallb and l2-load-balancer speakers memberlist ports").whenOption("metallb").cite(NODES)
                .tcp("4220").from(ALL).to(ALL).purpose("metallb and l2-load-balancer speakers metrics").whenOption("metallb").cite(NODES)
                .tcp("4226").from(ALL).to(ALL).purpose("metallb and l2-load-balancer speakers metrics").whenOption("metallb").cite(NODES)
                .tcp("4218").from(ALL).to(ALL).purpose("metallb and l2-load-balancer speakers memberlist ports").whenOption("l2-load-balancer").cite(NODES)
                .tcp("4225").from(ALL).to(ALL).purpose("metallb and l2-load-balancer speakers memberlist ports").whenOption("l2-load-balancer").cite(NODES)
                .udp("4218").from(ALL).to(ALL).purpose("metallb and l2-load-balancer speakers memberlist ports").whenOption("l2-load-balancer").cite(NODES)
                .udp("4225").from(ALL).to(ALL).purpose("metallb and l2-load-balancer speakers memberlist ports").whenOption("l2-load-balancer").cite(NODES)
                .tcp("4220").from(ALL).to(ALL).purpose("metallb and l2-load-balancer speakers metrics").whenOption("l2-load-balancer").cite(NODES)
                .tcp("4226").from(ALL).to(ALL).purpose("metallb and l2-load-balancer speakers metrics").whenOption("l2-load-balancer").cite(NODES)
                .tcp("4224").from(ALL).to(ALL).purpose("node-local-dns metrics").whenOption("node-local-dns").cite(NODES)
                .tcp("4240").from(ALL).to(ALL).purpose("CNI Cilium agent node-to-node healthcheck").whenCni("cilium").cite(NODES)
                .tcp("4241").from(ALL).to(ALL).purpose("CNI Cilium agent metrics").whenCni("cilium").cite(NODES)
                .tcp("4242").from(ALL).to(ALL).purpose("CNI Cilium operator metrics").whenCni("cilium").cite(NODES)
                .tcp("4244").from(ALL).to(ALL).purpose("cilium-hubble API").whenOption("hubble").cite(NODES)

                .tcp("22").from(Peer.external("admins")).to(MASTER).purpose("SSH for Deckhouse Kubernetes Platform initialization").cite(EXTERNAL_MASTERS)
                .tcp("22322").from(Peer.external("admins")).to(MASTER).purpose("SSH for Deckhouse Kubernetes Platform initialization").cite(EXTERNAL_MASTERS)
                .tcp("6443").from(Peer.external("admins")).to(MASTER).purpose("kube-apiserver for local administrators").cite(EXTERNAL_MASTERS)

                .tcp("80").from(Peer.external("ingress-clients")).to(FRONTEND).purpose("Ingress controllers over HTTP").publicClients().cite(EXTERNAL_FRONTENDS)
                .tcp("443").from(Peer.external("ingress-clients")).to(FRONTEND).purpose("Ingress controllers over HTTPS").publicClients().cite(EXTERNAL_FRONTENDS)
                .udp("5416").from(Peer.external("vpn-clients")).to(FRONTEND).purpose("OpenVPN").whenOption("openvpn").publicClients().cite(EXTERNAL_FRONTENDS)
                .tcp("5416").from(Peer.external("vpn-clients")).to(FRONTEND).purpose("OpenVPN").whenOption("openvpn").publicClients().cite(EXTERNAL_FRONTENDS)
                .tcp("10256").from(Peer.external("load-balancers")).to(FRONTEND).purpose("healthcheck port for external balancers").cite(EXTERNAL_FRONTENDS)
                .tcp("30000-32767").from(Peer.external("nodeport-clients")).to(FRONTEND).purpose("NodePort range").whenOption("nodeports").publicClients().cite(EXTERNAL_FRONTENDS)

                .udp("53").from(ALL).to(Peer.external("dns")).purpose("DNS").cite(EXTERNAL_ALL)
                .tcp("53").from(ALL).to(Peer.external("dns")).purpose("DNS").cite(EXTERNAL_ALL)
                .udp("123").from(ALL).to(Peer.external("ntp")).purpose("NTP for external time synchronization").cite(EXTERNAL_ALL)
                .tcp("443").from(ALL).to(Peer.external("registry")).purpose("Container registry").cite(EXTERNAL_ALL)
                .build();
    }
}
