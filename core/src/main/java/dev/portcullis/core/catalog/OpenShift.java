package dev.portcullis.core.catalog;

import dev.portcullis.core.Blueprint;
import dev.portcullis.core.Condition;
import dev.portcullis.core.IcmpType;
import dev.portcullis.core.Peer;
import dev.portcullis.core.Protocol;

/**
 * OpenShift Container Platform 4 on user-provisioned infrastructure (UPI): {@code control-plane} and
 * {@code worker} machines, and the temporary {@code bootstrap} machine that serves the Kubernetes API
 * (6443), the machine config server (22623) and the first etcd member until the control plane takes
 * over. OVN-Kubernetes is the network plugin; OpenShift SDN only on releases before 4.17.
 *
 * <p>The starting point is the docs' three UPI tables (all machines to all machines, all machines to
 * the control plane, control plane to control plane) and the load-balancer module, checked row by row
 * against what the installer's own UPI firewalls (AWS CloudFormation, GCP) open and what the operators
 * bind. Where they disagree the catalog follows the listener: "all machines" means the control planes
 * and workers, which run OVN, kubelets and host services; the bootstrap gets only what it serves. The
 * kubelet (10250) is on every machine, kube-controller-manager, cloud-controller-manager and
 * kube-scheduler (10257-10259) on control planes; the dead insecure ports 10251/10252 stay closed. The
 * router's 1936 is where host-network Ingress Controllers run: workers (a three-node cluster's control
 * planes carry the worker role too). 10256 is a health check for Service load balancers, VXLAN 4789 is
 * OpenShift SDN's, 22623 is the control plane's and NTP is what machines send out.
 *
 * <p>Load balancers are named peers: {@code api-load-balancer} (api, api-int: 6443 and 22623 to control
 * planes and the bootstrap) and {@code ingress-load-balancer} (*.apps: 80, 443 and the 1936 health
 * check to workers). Bind each to its own addresses, or to its security group, where it does not keep
 * client addresses (HAProxy, an AWS NLB with IP targets); where it does, the clients arrive themselves:
 * machines are admitted by group reference, and {@code admins} and {@code ingress-clients} by CIDR.
 * Machines reach both load balancers out (api-int, routes), and DNS, NTP and registries outside.
 *
 * <p>IPsec (IKE UDP 500, NAT-T UDP 4500 and ESP, IP protocol 50) is opt-in, as its mode is
 * {@code Disabled} by default; encapsulation {@code Always} carries ESP inside UDP 4500. Pods never
 * cross the network bare: Geneve (UDP 6081) or VXLAN carries them and their traffic out is translated
 * to the machine's address, so no rule names the pod or service network. BGP route advertisements and
 * Windows nodes (hybrid overlay) are not modelled. Every departure from the tables and the installer's
 * firewalls is recorded in {@link OpenShiftDeviations} and printed in the port document.
 */
final class OpenShift {
    private static final String DOCS = "https://github.com/openshift/openshift-docs/blob/001ad1fec1a7ec33778caa1885666ed989f49b96/";
    static final String NETWORK = DOCS + "modules/installation-network-user-infra.adoc";
    static final String LB = "https://github.com/openshift/openshift-docs/blob/082db4ce97ce8fe4d481e217114ee75f79a13186/"
            + "modules/installation-load-balancing-user-infra.adoc";
    private static final String INSTALLER = "https://github.com/openshift/installer/blob/";
    static final String CLOUDFORMATION = INSTALLER + "1d4a5b717c72f74c665fa75f90a6a2ad2e8e3727/upi/aws/cloudformation/03_cluster_security.yaml";
    static final String GCP_FIREWALL = INSTALLER + "45ccd3fe2c568f32d06b6186d7e1bf91d189931b/upi/gcp/03_firewall.py";
    /** The bootstrap's log gathering SSHes into every control-plane machine. */
    static final String GATHER = INSTALLER + "1ad015885057ed68044d520727a0e99c28b3ba9e/data/data/bootstrap/files/usr/local/bin/installer-gather.sh#L159-L166";
    static final String JOURNAL = INSTALLER + "6ab8359d53031089da700d91e5661d3425d0984c/data/data/bootstrap/systemd/common/units/"
            + "systemd-journal-gatewayd.service.d/certs.conf#L3";
    private static final String CNO = "https://github.com/openshift/cluster-network-operator/blob/e39d57bde3ff15efdd63cc8567e91b2c2c2d45b3/";
    private static final String CNO_416 = "https://github.com/openshift/cluster-network-operator/blob/69b8dae17be7eae9345b86a378a356f0f323f44f/";
    static final String GENEVE = CNO + "pkg/network/ovn_kubernetes.go#L1194-L1197";
    static final String OVN_HEALTHZ = CNO + "bindata/network/ovn-kubernetes/self-hosted/004-config.yaml#L34";
    static final String OVN_METRICS = CNO + "bindata/network/ovn-kubernetes/common/008-script-lib.yaml#L721-L722";
    static final String IPSEC_DISABLED = CNO + "manifests/0000_70_network_01_networks.crd.yaml#L408-L410";
    static final String IPSEC_ENCAPSULATION = CNO + "manifests/0000_70_network_01_networks.crd.yaml#L422-L431";
    static final String SDN_VXLAN = CNO_416 + "pkg/network/openshift_sdn.go#L263-L266";
    /** openshift-sdn's kube-proxy: metrics on 127.0.0.1 (port 29101), health check on 10256. */
    static final String SDN_PROXY = CNO_416 + "pkg/network/openshift_sdn.go#L94-L106";
    /** 4.16 refuses to upgrade a cluster that still runs OpenShift SDN: 4.17 has none. */
    static final String SDN_REMOVED = CNO_416 + "pkg/controller/statusmanager/status_manager.go#L403-L411";
    private static final String ETCD = "https://github.com/openshift/cluster-etcd-operator/blob/9acf049b2985339275796f69a2a8acad47726a29/";
    static final String ETCD_BOOTSTRAP_MEMBER = ETCD + "docs/etcd-tls-assets.md#L736-L744";
    static final String ETCD_TEARDOWN = ETCD + "pkg/operator/bootstrapteardown/bootstrap_teardown_controller.go#L150";
    private static final String INGRESS = "https://github.com/openshift/cluster-ingress-operator/blob/f86aaea4136dfea16e62290bd50ecdd1a8b22b3f/";
    static final String ROUTER_HOST_PORTS = INGRESS + "pkg/operator/controller/ingress/deployment.go#L770-L772";
    static final String ROUTER_PLACEMENT = INGRESS + "pkg/operator/controller/ingress/deployment.go#L690-L694";
    static final String ROUTER_READY = INGRESS + "pkg/manifests/assets/router/deployment.yaml#L43-L47";
    static final String NODE_EXPORTER = "https://github.com/openshift/cluster-monitoring-operator/blob/81547ca56764b50b6cacc17cadfab43b025d5b68/"
            + "assets/node-exporter/daemonset.yaml#L35";
    static final String LOAD_BALANCER_SERVICES = "https://kubernetes.io/docs/concepts/services-networking/service/#loadbalancer";

    static final String OVN = "ovn-kubernetes";
    static final String SDN = "openshift-sdn";

    private static final Peer CONTROL_PLANE = Peer.role("control-plane");
    private static final Peer WORKER = Peer.role("worker");
    private static final Peer BOOTSTRAP = Peer.role("bootstrap");
    private static final Peer ALL = Peer.allNodes();
    private static final Peer ADMINS = Peer.external("admins");
    private static final Peer API_LB = Peer.external("api-load-balancer");
    private static final Peer INGRESS_LB = Peer.external("ingress-load-balancer");
    private static final Peer INGRESS_CLIENTS = Peer.external("ingress-clients");

    private OpenShift() {}

    static Blueprint blueprint() {
        BlueprintBuilder b = new BlueprintBuilder("openshift", "OpenShift Container Platform 4 (user-provisioned infrastructure)",
                NETWORK + "#L114-L115")
                .roles("control-plane", "worker", "bootstrap")
                .cni(OVN, "OVN-Kubernetes, the default network plugin: Geneve on UDP 6081", GENEVE)
                .cni(SDN, "OpenShift SDN, for releases before 4.17 only (removed in 4.17; 4.16 refuses to upgrade a "
                        + "cluster that runs it): VXLAN on UDP 4789", SDN_REMOVED)
                .defaultCni(OVN)
                .cniOption(OVN, "ipsec", "ipsec-encapsulation", false, "IPsec mode Full, encapsulation Auto: IKE (UDP 500), "
                        + "NAT-T (UDP 4500) and ESP (IP protocol 50) between machines; IPsec is Disabled by default", IPSEC_DISABLED)
                .cniOption(OVN, "ipsec-nat-t", "ipsec-encapsulation", false, "IPsec mode Full, encapsulation Always: IKE (UDP 500) "
                        + "and ESP inside NAT-T (UDP 4500), no bare ESP (forced on IBM Cloud, which does not forward ESP)", IPSEC_ENCAPSULATION)
                .option("nodeports", "NodePort services reachable from outside the cluster", K3s.SERVICES)
                .option("service-load-balancers", "LoadBalancer Services: their load balancers health-check nodes on 10256 "
                        + "and forward to node ports", LOAD_BALANCER_SERVICES)
                .option("ssh", "SSH as core from admins, and from the bootstrap to the control planes for "
                        + "openshift-install gather bootstrap", GATHER)
                .option("bootstrap-journal", "the bootstrap's systemd-journal-gatewayd (client certificates) for admins "
                        + "during installation", JOURNAL)
                .peer("admins", "oc users and the installer, where the API load balancer keeps client addresses; SSH with the ssh option")
                .peer("api-load-balancer", "the API load balancer (api, api-int): its own addresses or security group, for its "
                        + "health checks and the connections it forwards without the client's address")
                .peer("ingress-load-balancer", "the application Ingress load balancer (*.apps): its own addresses or security "
                        + "group, for its health checks and the connections it forwards without the client's address")
                .peer("ingress-clients", "clients of routes (*.apps), where the ingress load balancer keeps their addresses")
                .peer("nodeport-clients", "clients of NodePort services")
                .peer("load-balancers", "load balancers of LoadBalancer Services")
                .peer("dns", "the DNS servers the machines use")
                .peer("ntp", "the NTP servers chrony uses (public pools by default)")
                .peer("registry", "image registries and Telemetry: quay.io, registry.redhat.io or a mirror registry");

        // Every machine, the bootstrap included.
        b.protocol(Protocol.icmp(IcmpType.ANY)).from(ALL).to(ALL).purpose("Network reachability tests").cite(NETWORK + "#L147-L149")
                .protocol(Protocol.icmpv6(IcmpType.ANY)).from(ALL).to(ALL).purpose("Network reachability tests (IPv6)")
                        .cite(NETWORK + "#L147-L149")

                // The API and the machine config server: control planes, and the bootstrap while it installs them.
                .tcp("6443").from(ALL).to(CONTROL_PLANE, BOOTSTRAP).purpose("Kubernetes API").cite(NETWORK + "#L191-L201")
                .tcp("6443").from(API_LB).to(CONTROL_PLANE, BOOTSTRAP).purpose("Kubernetes API through the API load balancer "
                        + "(health check /readyz)").cite(LB + "#L63-L69")
                .tcp("6443").from(ADMINS).to(CONTROL_PLANE, BOOTSTRAP).purpose("Kubernetes API for oc and the installer")
                        .cite(LB + "#L63-L69")
                .tcp("22623").from(ALL).to(CONTROL_PLANE, BOOTSTRAP).purpose("Machine config server: Ignition for joining machines")
                        .cite(LB + "#L71-L76")
                .tcp("22623").from(API_LB).to(CONTROL_PLANE, BOOTSTRAP).purpose("Machine config server through the API load balancer")
                        .cite(LB + "#L71-L76")
                .tcp("2379-2380").from(CONTROL_PLANE).to(CONTROL_PLANE).purpose("etcd server and peer ports").cite(NETWORK + "#L205-L215")
                .tcp("2379-2380").from(CONTROL_PLANE).to(BOOTSTRAP).purpose("etcd: control-plane members join the bootstrap member")
                        .cite(ETCD_BOOTSTRAP_MEMBER)
                .tcp("2379-2380").from(BOOTSTRAP).to(CONTROL_PLANE).purpose("etcd: control-plane members join the bootstrap member")
                        .cite(ETCD_TEARDOWN)

                // Control planes and workers: OVN, kubelets, host services.
                .tcp("9000-9999").from(CONTROL_PLANE, WORKER).to(CONTROL_PLANE, WORKER).purpose("Host level services: node "
                        + "exporter, Cluster Version Operator, network plugin metrics").cite(NETWORK + "#L155-L157")
                .udp("9000-9999").from(CONTROL_PLANE, WORKER).to(CONTROL_PLANE, WORKER).purpose("Host level services")
                        .cite(NETWORK + "#L172-L173")
                .tcp("10250").from(CONTROL_PLANE, WORKER).to(CONTROL_PLANE, WORKER).purpose("Kubelet API").cite(NETWORK + "#L159-L160")
                .tcp("10257-10259").from(CONTROL_PLANE, WORKER).to(CONTROL_PLANE).purpose("kube-controller-manager, "
                        + "cloud-controller-manager and kube-scheduler secure ports").cite(NETWORK + "#L159-L160")
                .tcp("30000-32767").from(CONTROL_PLANE, WORKER).to(CONTROL_PLANE, WORKER).purpose("Kubernetes node ports")
                        .cite(NETWORK + "#L181-L183")
                .udp("30000-32767").from(CONTROL_PLANE, WORKER).to(CONTROL_PLANE, WORKER).purpose("Kubernetes node ports")
                        .cite(NETWORK + "#L181-L183")
                .tcp("1936").from(CONTROL_PLANE, WORKER).to(WORKER).purpose("Router metrics (host-network Ingress Controllers)")
                        .cite(NETWORK + "#L152-L153")
                .udp("6081").from(CONTROL_PLANE, WORKER).to(CONTROL_PLANE, WORKER).purpose("Geneve (OVN-Kubernetes)").whenCni(OVN)
                        .cite(NETWORK + "#L169-L170")
                .udp("4789").from(CONTROL_PLANE, WORKER).to(CONTROL_PLANE, WORKER).purpose("VXLAN (OpenShift SDN)").whenCni(SDN)
                        .cite(SDN_VXLAN)
                .udp("500").from(CONTROL_PLANE, WORKER).to(CONTROL_PLANE, WORKER).purpose("IPsec IKE packets").whenOption("ipsec")
                        .cite(NETWORK + "#L175-L176")
                .udp("4500").from(CONTROL_PLANE, WORKER).to(CONTROL_PLANE, WORKER).purpose("IPsec NAT-T packets").whenOption("ipsec")
                        .cite(NETWORK + "#L178-L179")
                .protocol(Protocol.number(50)).from(CONTROL_PLANE, WORKER).to(CONTROL_PLANE, WORKER)
                        .purpose("IPsec Encapsulating Security Payload (ESP)").whenOption("ipsec").cite(NETWORK + "#L185-L187")
                .udp("500").from(CONTROL_PLANE, WORKER).to(CONTROL_PLANE, WORKER).purpose("IPsec IKE packets").whenOption("ipsec-nat-t")
                        .cite(NETWORK + "#L175-L176")
                .udp("4500").from(CONTROL_PLANE, WORKER).to(CONTROL_PLANE, WORKER).purpose("IPsec NAT-T packets, ESP always inside")
                        .whenOption("ipsec-nat-t").cite(IPSEC_ENCAPSULATION)

                // Routes: the host-network router binds 80, 443 and 1936 on the workers it runs on.
                .tcp("80").from(INGRESS_LB).to(WORKER).purpose("HTTP through the Ingress load balancer").cite(LB + "#L122-L126")
                .tcp("443").from(INGRESS_LB).to(WORKER).purpose("HTTPS through the Ingress load balancer").cite(LB + "#L116-L120")
                .tcp("1936").from(INGRESS_LB).to(WORKER).purpose("Ingress load balancer health check (/healthz/ready)")
                        .cite(ROUTER_READY)
                .tcp("80").from(INGRESS_CLIENTS).to(WORKER).purpose("HTTP routes").publicClients().cite(ROUTER_HOST_PORTS)
                .tcp("443").from(INGRESS_CLIENTS).to(WORKER).purpose("HTTPS routes").publicClients().cite(ROUTER_HOST_PORTS)

                // What machines send out: api-int, routes, DNS, NTP, images.
                .tcp("6443").from(ALL).to(API_LB).purpose("api-int: Kubernetes API through the API load balancer").cite(LB + "#L63-L69")
                .tcp("22623").from(ALL).to(API_LB).purpose("api-int: machine config server through the API load balancer")
                        .cite(LB + "#L71-L76")
                .tcp("80").from(CONTROL_PLANE, WORKER).to(INGRESS_LB).purpose("Routes reached from inside the cluster")
                        .cite(LB + "#L122-L126")
                .tcp("443").from(CONTROL_PLANE, WORKER).to(INGRESS_LB).purpose("Routes reached from inside the cluster (OAuth, console)")
                        .cite(LB + "#L116-L120")
                .udp("53").from(ALL).to(Peer.external("dns")).purpose("DNS: machines resolve each other, api-int and *.apps")
                        .cite(NETWORK + "#L117-L119")
                .tcp("53").from(ALL).to(Peer.external("dns")).purpose("DNS: machines resolve each other, api-int and *.apps")
                        .cite(NETWORK + "#L117-L119")
                .udp("123").from(ALL).to(Peer.external("ntp")).purpose("NTP (chrony)").cite(NETWORK + "#L242-L244")
                .tcp("443").from(ALL).to(Peer.external("registry")).purpose("Platform images and Telemetry")
                        .cite(NETWORK + "#L124-L128")

                // Options.
                .tcp("30000-32767").from(Peer.external("nodeport-clients")).to(WORKER).purpose("NodePort services")
                        .whenOption("nodeports").publicClients().cite(K3s.SERVICES)
                .udp("30000-32767").from(Peer.external("nodeport-clients")).to(WORKER).purpose("NodePort services")
                        .whenOption("nodeports").publicClients().cite(K3s.SERVICES)
                .tcp("10256").from(Peer.external("load-balancers")).to(WORKER).purpose("Node health check for Service load "
                        + "balancers (ovnkube-node)").when(Condition.cni(OVN).and("service-load-balancers")).cite(OVN_HEALTHZ)
                .tcp("10256").from(Peer.external("load-balancers")).to(WORKER).purpose("Node health check for Service load "
                        + "balancers (openshift-sdn's kube-proxy)").when(Condition.cni(SDN).and("service-load-balancers")).cite(SDN_PROXY)
                .tcp("30000-32767").from(Peer.external("load-balancers")).to(WORKER).purpose("Service load balancers forward "
                        + "to node ports").whenOption("service-load-balancers").cite(LOAD_BALANCER_SERVICES)
                .udp("30000-32767").from(Peer.external("load-balancers")).to(WORKER).purpose("Service load balancers forward "
                        + "to node ports").whenOption("service-load-balancers").cite(LOAD_BALANCER_SERVICES)
                .tcp("22").from(ADMINS).to(ALL).purpose("SSH as core").whenOption("ssh").cite(CLOUDFORMATION + "#L58-L61")
                .tcp("22").from(BOOTSTRAP).to(CONTROL_PLANE).purpose("openshift-install gather bootstrap collects control-plane logs")
                        .whenOption("ssh").cite(GATHER)
                .tcp("19531").from(ADMINS).to(BOOTSTRAP).purpose("Bootstrap journal (systemd-journal-gatewayd)")
                        .whenOption("bootstrap-journal").cite(JOURNAL)

                // Listeners on the loopback interface: the network reaches them through kube-rbac-proxy.
                .tcp("9100").from(Peer.self()).to(CONTROL_PLANE, WORKER).purpose("node exporter (kube-rbac-proxy serves 9100 on "
                        + "the node address)").localOnly("node_exporter binds 127.0.0.1:9100").cite(NODE_EXPORTER)
                .tcp("29103").from(Peer.self()).to(CONTROL_PLANE, WORKER).purpose("ovnkube-node metrics (served on 9103)")
                        .whenCni(OVN).localOnly("ovnkube-node binds its metrics to 127.0.0.1").cite(OVN_METRICS)
                .tcp("29105").from(Peer.self()).to(CONTROL_PLANE, WORKER).purpose("OVN metrics (served on 9105)")
                        .whenCni(OVN).localOnly("ovnkube-node binds OVN metrics to 127.0.0.1").cite(OVN_METRICS)
                .tcp("29101").from(Peer.self()).to(CONTROL_PLANE, WORKER).purpose("openshift-sdn kube-proxy metrics (served on 9101)")
                        .whenCni(SDN).localOnly("openshift-sdn binds its metrics to 127.0.0.1").cite(SDN_PROXY);
        return OpenShiftDeviations.record(b).build();
    }
}
