package dev.portcullis.core.catalog;

import static dev.portcullis.core.catalog.OpenShift.CLOUDFORMATION;
import static dev.portcullis.core.catalog.OpenShift.ETCD_BOOTSTRAP_MEMBER;
import static dev.portcullis.core.catalog.OpenShift.GATHER;
import static dev.portcullis.core.catalog.OpenShift.GCP_FIREWALL;
import static dev.portcullis.core.catalog.OpenShift.GENEVE;
import static dev.portcullis.core.catalog.OpenShift.IPSEC_DISABLED;
import static dev.portcullis.core.catalog.OpenShift.JOURNAL;
import static dev.portcullis.core.catalog.OpenShift.LB;
import static dev.portcullis.core.catalog.OpenShift.NETWORK;
import static dev.portcullis.core.catalog.OpenShift.NODE_EXPORTER;
import static dev.portcullis.core.catalog.OpenShift.OVN_HEALTHZ;
import static dev.portcullis.core.catalog.OpenShift.ROUTER_HOST_PORTS;
import static dev.portcullis.core.catalog.OpenShift.ROUTER_PLACEMENT;
import static dev.portcullis.core.catalog.OpenShift.SDN_VXLAN;

/**
 * Where the OpenShift catalog departs from the docs' UPI tables and from the installer's own UPI
 * firewalls (AWS CloudFormation, GCP), each with the page or code that backs the decision. Kept apart
 * from {@link OpenShift} so the flows stay readable.
 */
final class OpenShiftDeviations {
    static final String TABLE = "openshift-docs all-machine to all-machine table";
    static final String TABLE_2025 = "openshift-docs all-machine table, 2025 revision (OSDOCS-14021)";
    static final String TABLE_OLD = "openshift-docs all-machine table, earlier revision";
    static final String CONTROL_PLANE_TABLE = "openshift-docs all-machine to control plane table";
    static final String ETCD_TABLE = "openshift-docs control plane to control plane table";
    static final String LB_MODULE = "openshift-docs load balancing requirements";
    static final String CFN = "installer AWS UPI 03_cluster_security.yaml";
    static final String CFN_OLD = "installer AWS UPI 03_cluster_security.yaml, earlier revision";
    static final String CFN_BOOTSTRAP = "installer AWS UPI 04_cluster_bootstrap.yaml";
    static final String GCP = "installer GCP UPI 03_firewall.py";

    private static final String ESP_HAS_NO_PORTS = "https://github.com/openshift/cluster-network-operator/blob/"
            + "e39d57bde3ff15efdd63cc8567e91b2c2c2d45b3/bindata/network/ovn-kubernetes/common/008-script-lib.yaml#L385-L390";
    private static final String ICMP_TYPE_IN_FROM_PORT = "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/"
            + "aws-properties-ec2-securitygroup-ingress.html#cfn-ec2-securitygroup-ingress-fromport";
    private static final String NLB_CLIENT_IP = "https://docs.aws.amazon.com/elasticloadbalancing/latest/network/"
            + "edit-target-group-attributes.html#client-ip-preservation";

    private OpenShiftDeviations() {}

    static BlueprintBuilder record(BlueprintBuilder b) {
        return b
                .deviation(TABLE, "ICMP | N/A | Network reachability tests",
                        "A protocol in the port table, not a port: any ICMP message between all machines, the bootstrap "
                                + "included, and any ICMPv6 where the cluster has IPv6", NETWORK + "#L147-L149")
                .deviation(TABLE, "ESP | N/A | IPsec Encapsulating Security Payload (ESP)",
                        "ESP is IP protocol 50, which has no ports: a rule for protocol 50 between control planes and workers",
                        ESP_HAS_NO_PORTS)
                .deviation(TABLE, "UDP 500 (IKE), UDP 4500 (NAT-T) and ESP, listed for every cluster",
                        "Opt-in, as IPsec's mode is Disabled by default: option ipsec (encapsulation Auto) opens all three, "
                                + "ipsec-nat-t (encapsulation Always, ESP inside UDP 4500) only UDP 500 and 4500",
                        IPSEC_DISABLED)
                .deviation(TABLE, "TCP | 10256 | openshift-sdn",
                        "10256 is the kube-proxy health check (openshift-sdn's healthz-port, ovnkube-node's healthz-bind-address "
                                + "since): Service load balancers probe it, not machines. Opened from load-balancers to workers "
                                + "with option service-load-balancers", OVN_HEALTHZ)
                .deviation(TABLE, "UDP | 4789 | VXLAN",
                        "OpenShift SDN's VXLAN: opened only with cni openshift-sdn (releases before 4.17); OVN-Kubernetes "
                                + "carries pods in Geneve (UDP 6081) alone", SDN_VXLAN)
                .deviation(TABLE_OLD, "UDP | 4789 | VXLAN and Geneve; UDP | 6081 | VXLAN and Geneve",
                        "One port per encapsulation: 6081 is OVN-Kubernetes's Geneve, 4789 OpenShift SDN's VXLAN", GENEVE)
                .deviation(TABLE, "TCP | 10250-10259 | The default ports that Kubernetes reserves (all machines)",
                        "Only what listens: the kubelet's 10250 on control planes and workers; kube-controller-manager (10257), "
                                + "cloud-controller-manager (10258) and kube-scheduler (10259) on control planes. 10251 and "
                                + "10252 were the scheduler's and controller manager's insecure ports, long removed; 10255 "
                                + "(kubelet read-only) is off; 10256 is the load balancers'. The installer's GCP firewall opens "
                                + "the same", GCP_FIREWALL + "#L52-L71")
                .deviation(TABLE, "TCP | 1936 | Metrics (all machines)",
                        "The router's stats and health port, bound on the host only where a host-network Ingress Controller "
                                + "runs: workers by default (a three-node cluster's control planes carry the worker role too), "
                                + "never the bootstrap. Reached by machines for metrics and by the ingress load balancer's "
                                + "health check, never by ingress clients", ROUTER_PLACEMENT)
                .deviation(TABLE, "9000-9999 | Host level services, including the node exporter on ports 9100-9101",
                        "The node exporter itself listens on 127.0.0.1:9100 (local only); 9100 on the node address is its "
                                + "kube-rbac-proxy. The 9000-9999 range stays open, TCP and UDP, between control planes and workers",
                        NODE_EXPORTER)
                .deviation(TABLE, "every row applies to all machines, the bootstrap machine included",
                        "Every row but ICMP applies to control planes and workers: the bootstrap runs no network plugin, "
                                + "workloads or host services anyone reaches; its own rows are 6443, 22623 and etcd", LB + "#L63-L76")
                .deviation(CONTROL_PLANE_TABLE, "TCP | 6443 | Kubernetes API (all machines to control plane)",
                        "Also to the bootstrap, which serves the API during installation, and from the api-load-balancer "
                                + "(health check /readyz) and admins (load balancers that keep client addresses)", LB + "#L63-L69")
                .deviation(TABLE_2025, "TCP | 22623 | The port handles traffic from the Machine Config Server and directs "
                                + "the traffic to the control plane machines (all machines to all machines)",
                        "The machine config server runs on control planes, and on the bootstrap during installation, behind the "
                                + "API load balancer's internal listener: 22623 from all machines and the api-load-balancer to "
                                + "control planes and the bootstrap only, never from admins", LB + "#L71-L76")
                .deviation(TABLE_2025, "UDP | 123 | Network Time Protocol (NTP) ... you must open UDP port 123 (all machines "
                                + "to all machines)",
                        "Machines are NTP clients (chrony, public servers by default): UDP 123 out to the ntp peer, "
                                + "nothing between machines", NETWORK + "#L242-L244")
                .deviation(ETCD_TABLE, "TCP | 2379-2380 | etcd server and peer ports (control plane to control plane)",
                        "Also between control planes and the bootstrap: the control-plane members join the bootstrap's "
                                + "etcd-bootstrap-member, which the etcd operator removes at the end of installation",
                        ETCD_BOOTSTRAP_MEMBER)
                .deviation(LB_MODULE, "Application Ingress load balancer: 443 and 80",
                        "Also 1936 from the ingress-load-balancer for its health check (/healthz/ready): the host-network "
                                + "router binds 80, 443 and 1936 for the user's HA solution", ROUTER_HOST_PORTS)
                .deviation(CFN, "IpProtocol: icmp, FromPort: 0, ToPort: 0, CidrIp: VpcCidr (master and worker groups)",
                        "For ICMP, FromPort and ToPort are the ICMP type and code: 0/0 admits echo replies only, not the echo "
                                + "requests of reachability tests. The catalog admits every ICMP type between machines, and "
                                + "not from the whole VPC", ICMP_TYPE_IN_FROM_PORT)
                .deviation(CFN, "tcp 6443 and tcp 22623 from VpcCidr to the master group",
                        "The NLB registers IP targets, whose TCP connections arrive from the load balancer's own addresses "
                                + "(client IP preservation is off by default): the api-load-balancer peer, bound to the load "
                                + "balancer's subnets or group; machines by group reference, not the whole VPC", NLB_CLIENT_IP)
                .deviation(CFN, "tcp 22 from VpcCidr to the master and worker groups",
                        "SSH is in no docs table: opt-in option ssh, from admins to every machine and from the bootstrap to "
                                + "the control planes (openshift-install gather bootstrap)", GATHER)
                .deviation(CFN, "udp 4789 (Vxlan packets) between the master and worker groups",
                        "Not opened with OVN-Kubernetes, which uses Geneve (UDP 6081) alone; opened with cni openshift-sdn",
                        GENEVE)
                .deviation(CFN, "tcp 10250-10259 to the master group (kubelet, scheduler and controller manager)",
                        "10250 and 10257-10259 to control planes, without 10251-10256, where nothing listens for machines; "
                                + "workers 10250 as the template", Kubeadm.PORTS)
                .deviation(CFN, "no IPsec rows", "With option ipsec: UDP 500, UDP 4500 and ESP between control planes and "
                        + "workers, as the docs list them", NETWORK + "#L175-L187")
                .deviation(CFN_OLD, "tcp 9000-9999 and tcp 30000-32767 only; no UDP rows, no Geneve",
                        "TCP and UDP for host services and node ports, and Geneve on UDP 6081, as the docs and the current "
                                + "template have them", CLOUDFORMATION + "#L157-L165")
                .deviation(CFN_BOOTSTRAP, "the bootstrap instance carries the master security group",
                        "The bootstrap group admits only what the bootstrap serves: 6443 and 22623 (from machines, the "
                                + "api-load-balancer and admins), etcd (from control planes) and ICMP", LB + "#L63-L76")
                .deviation(CFN_BOOTSTRAP, "tcp 22 from AllowedBootstrapSshCidr (default 0.0.0.0/0); tcp 19531 from 0.0.0.0/0",
                        "Opt-in options ssh and bootstrap-journal, from admins only: binding admins to the whole internet "
                                + "needs allowInternet", JOURNAL)
                .deviation(GCP, "tcp 6080, 6443, 22624 from Google's health-check ranges to the masters",
                        "6443 and 22623 from the api-load-balancer, as the load-balancing module asks; 6080 (the API "
                                + "server's plain-HTTP readyz) and 22624 (the machine config server's plain-HTTP port) serve "
                                + "load balancers that cannot probe HTTPS: add them as extra rules there", LB + "#L63-L76");
    }
}
