package dev.portcullis.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.core.Blueprint;
import dev.portcullis.core.ClusterSpec;
import dev.portcullis.core.Direction;
import dev.portcullis.core.Exclusion;
import dev.portcullis.core.FirewallPolicy;
import dev.portcullis.core.FirewallRule;
import dev.portcullis.core.IcmpType;
import dev.portcullis.core.IpStack;
import dev.portcullis.core.NodeRole;
import dev.portcullis.core.Peer;
import dev.portcullis.core.PolicyCompiler;
import dev.portcullis.core.Protocol;
import dev.portcullis.core.Requirement;
import dev.portcullis.core.SourceDeviation;
import dev.portcullis.core.render.PortDocument;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * OpenShift UPI: the default policy row by row, one test per departure from the docs' tables and the
 * installer's UPI firewalls, and every CNI and option combination compiling.
 */
class OpenShiftCatalogTest {
    private static final Blueprint OPENSHIFT = Catalog.blueprint("openshift");

    static FirewallPolicy defaults() {
        return policy("ovn-kubernetes", OPENSHIFT.defaultOptions("ovn-kubernetes"));
    }

    static FirewallPolicy policy(String cni, Collection<String> options) {
        return PolicyCompiler.compile(ClusterSpec.documentation(OPENSHIFT, cni, options));
    }

    static List<String> keys(FirewallPolicy policy, Direction direction) {
        return policy.rules(direction).stream().map(FirewallRule::key).toList();
    }

    static List<String> ingressKeys(FirewallPolicy policy) {
        return keys(policy, Direction.INGRESS);
    }

    static List<String> localPorts(FirewallPolicy policy) {
        return policy.exclusions().stream().map(Exclusion::requirement).map(Requirement::service).toList();
    }

    /** Ingress rules from other machines whose ports include {@code port}. */
    static List<String> nodeRulesAdmitting(FirewallPolicy policy, int port) {
        return policy.rules(Direction.INGRESS).stream()
                .filter(r -> r.peer() instanceof Peer.Nodes && r.ports().map(p -> p.from() <= port && port <= p.to()).orElse(false))
                .map(FirewallRule::key).toList();
    }

    @Test
    void theDefaultPolicyRowByRow() {
        List<String> actual = new ArrayList<>();
        FirewallPolicy policy = defaults();
        for (FirewallRule rule : policy.rules()) {
            if (rule.direction() == Direction.EGRESS && rule.peer() instanceof Peer.Nodes) {
                continue; // mirrors ingress
            }
            actual.add(String.join(" ", rule.target().key(), rule.direction() == Direction.INGRESS ? "in" : "out",
                    rule.protocol().key(), rule.ports().map(Object::toString).orElse("-"), rule.peer().key()));
        }
        for (Exclusion exclusion : policy.exclusions()) {
            actual.add(String.join(" ", "kept-out", exclusion.requirement().protocol().key(),
                    exclusion.requirement().ports().map(Object::toString).orElse("-"), exclusion.requirement().purpose()));
        }
        assertThat(actual).containsExactlyElementsOf("""
                all-nodes     in   icmp    -            all-nodes
                all-nodes     out  tcp     53           dns
                all-nodes     out  tcp     443          registry
                all-nodes     out  tcp     6443         api-load-balancer
                all-nodes     out  tcp     22623        api-load-balancer
                all-nodes     out  udp     53           dns
                all-nodes     out  udp     123          ntp
                bootstrap     in   tcp     2379-2380    control-plane
                bootstrap     in   tcp     6443         all-nodes
                bootstrap     in   tcp     6443         admins
                bootstrap     in   tcp     6443         api-load-balancer
                bootstrap     in   tcp     22623        all-nodes
                bootstrap     in   tcp     22623        api-load-balancer
                control-plane in   tcp     2379-2380    bootstrap
                control-plane in   tcp     2379-2380    control-plane
                control-plane in   tcp     6443         all-nodes
                control-plane in   tcp     6443         admins
                control-plane in   tcp     6443         api-load-balancer
                control-plane in   tcp     9000-9999    control-plane
                control-plane in   tcp     9000-9999    worker
                control-plane in   tcp     10250        control-plane
                control-plane in   tcp     10250        worker
                control-plane in   tcp     10257-10259  control-plane
                control-plane in   tcp     10257-10259  worker
                control-plane in   tcp     22623        all-nodes
                control-plane in   tcp     22623        api-load-balancer
                control-plane in   tcp     30000-32767  control-plane
                control-plane in   tcp     30000-32767  worker
                control-plane in   udp     6081         control-plane
                control-plane in   udp     6081         worker
                control-plane in   udp     9000-9999    control-plane
                control-plane in   udp     9000-9999    worker
                control-plane in   udp     30000-32767  control-plane
                control-plane in   udp     30000-32767  worker
                control-plane out  tcp     80           ingress-load-balancer
                control-plane out  tcp     443          ingress-load-balancer
                worker        in   tcp     80           ingress-clients
                worker        in   tcp     80           ingress-load-balancer
                worker        in   tcp     443          ingress-clients
                worker        in   tcp     443          ingress-load-balancer
                worker        in   tcp     1936         control-plane
                worker        in   tcp     1936         worker
                worker        in   tcp     1936         ingress-load-balancer
                worker        in   tcp     9000-9999    control-plane
                worker        in   tcp     9000-9999    worker
                worker        in   tcp     10250        control-plane
                worker        in   tcp     10250        worker
                worker        in   tcp     30000-32767  control-plane
                worker        in   tcp     30000-32767  worker
                worker        in   udp     6081         control-plane
                worker        in   udp     6081         worker
                worker        in   udp     9000-9999    control-plane
                worker        in   udp     9000-9999    worker
                worker        in   udp     30000-32767  control-plane
                worker        in   udp     30000-32767  worker
                worker        out  tcp     80           ingress-load-balancer
                worker        out  tcp     443          ingress-load-balancer
                kept-out           tcp     9100         node exporter (kube-rbac-proxy serves 9100 on the node address)
                kept-out           tcp     9100         node exporter (kube-rbac-proxy serves 9100 on the node address)
                kept-out           tcp     29103        ovnkube-node metrics (served on 9103)
                kept-out           tcp     29103        ovnkube-node metrics (served on 9103)
                kept-out           tcp     29105        OVN metrics (served on 9105)
                kept-out           tcp     29105        OVN metrics (served on 9105)
                kept-out           icmpv6  -            Network reachability tests (IPv6)
                """.lines().map(line -> line.trim().replaceAll(" {2,}", " ")).toList());
    }

    @Test
    void rolesCnisAndDefaults() {
        assertThat(OPENSHIFT.roles()).containsExactly(NodeRole.of("control-plane"), NodeRole.of("worker"), NodeRole.of("bootstrap"));
        assertThat(OPENSHIFT.defaultCni()).isEqualTo("ovn-kubernetes");
        assertThat(OPENSHIFT.cni("openshift-sdn").orElseThrow().description())
                .startsWith("OpenShift SDN, for releases before 4.17 only (removed in 4.17");
        assertThat(OPENSHIFT.defaultOptions("ovn-kubernetes")).isEmpty();
        assertThat(OPENSHIFT.defaultOptions("openshift-sdn")).isEmpty();
    }

    /** Every CNI with every subset of its free options, and each IPsec alternative where it applies. */
    static Stream<Arguments> combinations() {
        List<String> free = List.of("nodeports", "service-load-balancers", "ssh", "bootstrap-journal");
        List<Arguments> out = new ArrayList<>();
        for (String cni : List.of("ovn-kubernetes", "openshift-sdn")) {
            List<String> ipsec = cni.equals("ovn-kubernetes") ? List.of("", "ipsec", "ipsec-nat-t") : List.of("");
            for (String encapsulation : ipsec) {
                for (int mask = 0; mask < 1 << free.size(); mask++) {
                    List<String> options = new ArrayList<>();
                    for (int i = 0; i < free.size(); i++) {
                        if ((mask & 1 << i) != 0) {
                            options.add(free.get(i));
                        }
                    }
                    if (!encapsulation.isEmpty()) {
                        options.add(encapsulation);
                    }
                    out.add(Arguments.of(cni, options));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("combinations")
    void everyCniAndOptionCombinationCompilesWithBoundPeers(String cni, List<String> options) {
        var spec = ClusterSpec.builder(OPENSHIFT).cni(cni).options(options).ipStack(IpStack.DUAL);
        int i = 0;
        for (String peer : OPENSHIFT.externalPeers().keySet()) {
            spec.bind(peer, Peer.cidr("198.51.100." + (i++ * 16) + "/28"));
        }
        FirewallPolicy policy = PolicyCompiler.compile(spec.build());
        assertThat(policy.groups()).containsExactly(Peer.allNodes(), Peer.role("control-plane"), Peer.role("worker"),
                Peer.role("bootstrap"));
        assertThat(ingressKeys(policy)).contains("control-plane-in-tcp-6443-all-nodes",
                cni.equals("ovn-kubernetes") ? "worker-in-udp-6081-control-plane" : "worker-in-udp-4789-control-plane");
        assertThat(policy.unboundPeers()).isEmpty();
    }

    @Test
    void everyDeviationIsInThePortDocument() {
        String document = PortDocument.render(OPENSHIFT);
        assertThat(OPENSHIFT.deviations()).hasSize(25);
        for (SourceDeviation deviation : OPENSHIFT.deviations()) {
            assertThat(document).contains(deviation.row().replace("|", "\\|"));
        }
    }

    @Nested
    @DisplayName("openshift-docs UPI tables")
    class Docs {
        @Test
        @DisplayName("'ICMP | N/A | Network reachability tests' is a protocol: any ICMP between all machines, ICMPv6 with IPv6")
        void icmpIsAProtocolBetweenAllMachines() {
            assertThat(ingressKeys(defaults())).contains("all-nodes-in-icmp-all-nodes");
            FirewallPolicy dual = PolicyCompiler.compile(ClusterSpec.builder(OPENSHIFT).ipStack(IpStack.DUAL)
                    .leaveExternalPeersUnbound().build());
            assertThat(ingressKeys(dual)).contains("all-nodes-in-icmp-all-nodes", "all-nodes-in-icmpv6-all-nodes");
        }

        @Test
        @DisplayName("'ESP | N/A' is IP protocol 50, without ports")
        void espIsIpProtocol50() {
            assertThat(OPENSHIFT.requirements()).filteredOn(r -> r.protocol().equals(Protocol.number(50)))
                    .allMatch(r -> r.ports().isEmpty()).isNotEmpty();
            assertThat(ingressKeys(policy("ovn-kubernetes", List.of("ipsec"))))
                    .contains("control-plane-in-ip-50-worker", "worker-in-ip-50-control-plane");
        }

        @Test
        @DisplayName("UDP 500, UDP 4500 and ESP are opt-in (IPsec is Disabled by default); ipsec-nat-t has no bare ESP")
        void ipsecIsOptIn() {
            assertThat(ingressKeys(defaults())).noneMatch(k -> k.contains("-500-") || k.contains("-4500-") || k.contains("ip-50"));
            assertThat(ingressKeys(policy("ovn-kubernetes", List.of("ipsec"))))
                    .contains("worker-in-udp-500-worker", "worker-in-udp-4500-worker", "worker-in-ip-50-worker");
            assertThat(ingressKeys(policy("ovn-kubernetes", List.of("ipsec-nat-t"))))
                    .contains("worker-in-udp-500-worker", "worker-in-udp-4500-worker").noneMatch(k -> k.contains("ip-50"));
            assertThatThrownBy(() -> policy("openshift-sdn", List.of("ipsec")))
                    .hasMessage("option 'ipsec' of openshift applies only to cni ovn-kubernetes, but cni is 'openshift-sdn'");
            assertThatThrownBy(() -> policy("ovn-kubernetes", List.of("ipsec", "ipsec-nat-t")))
                    .hasMessage("options 'ipsec' and 'ipsec-nat-t' of openshift are alternatives (ipsec-encapsulation): "
                            + "enable only one of them");
        }

        @Test
        @DisplayName("'TCP | 10256 | openshift-sdn' is the health check Service load balancers probe, not a machine-to-machine port")
        void port10256IsForServiceLoadBalancers() {
            assertThat(nodeRulesAdmitting(defaults(), 10256)).isEmpty();
            assertThat(ingressKeys(defaults())).noneMatch(k -> k.contains("10256"));
            for (String cni : List.of("ovn-kubernetes", "openshift-sdn")) {
                FirewallPolicy policy = policy(cni, List.of("service-load-balancers"));
                assertThat(ingressKeys(policy)).contains("worker-in-tcp-10256-load-balancers",
                        "worker-in-tcp-30000-32767-load-balancers", "worker-in-udp-30000-32767-load-balancers");
                assertThat(nodeRulesAdmitting(policy, 10256)).isEmpty();
            }
        }

        @Test
        @DisplayName("'UDP | 4789 | VXLAN' is OpenShift SDN's, which is gone in 4.17: opened with cni openshift-sdn only")
        void vxlanIsOpenShiftSdnOnly() {
            assertThat(keys(defaults(), Direction.INGRESS)).noneMatch(k -> k.contains("-4789-"));
            assertThat(keys(defaults(), Direction.EGRESS)).noneMatch(k -> k.contains("-4789-"));
            assertThat(ingressKeys(policy("openshift-sdn", List.of()))).contains("control-plane-in-udp-4789-worker",
                    "worker-in-udp-4789-control-plane", "worker-in-udp-4789-worker", "control-plane-in-udp-4789-control-plane");
        }

        @Test
        @DisplayName("earlier revision '4789 | VXLAN and Geneve', '6081 | VXLAN and Geneve': one port per encapsulation")
        void onePortPerEncapsulation() {
            assertThat(ingressKeys(defaults())).contains("worker-in-udp-6081-worker").noneMatch(k -> k.contains("-4789-"));
            assertThat(ingressKeys(policy("openshift-sdn", List.of()))).contains("worker-in-udp-4789-worker")
                    .noneMatch(k -> k.contains("-6081-"));
        }

        @Test
        @DisplayName("'10250-10259 | The default ports that Kubernetes reserves': 10250 everywhere, 10257-10259 on control planes, "
                + "never 10251/10252")
        void kubernetesRangeIsWhatListens() {
            FirewallPolicy policy = defaults();
            assertThat(ingressKeys(policy)).contains("control-plane-in-tcp-10250-worker", "control-plane-in-tcp-10257-10259-worker",
                    "worker-in-tcp-10250-control-plane").noneMatch(k -> k.startsWith("worker-in-tcp-10257"));
            for (int dead : List.of(10251, 10252, 10253, 10254, 10255, 10256)) {
                assertThat(nodeRulesAdmitting(policy, dead)).as("port %d", dead).isEmpty();
            }
        }

        @Test
        @DisplayName("'TCP | 1936 | Metrics' on all machines: only where host-network routers run, the workers")
        void routerPortOnWorkers() {
            FirewallPolicy policy = defaults();
            assertThat(policy.rules(Direction.INGRESS)).filteredOn(r -> r.ports().map(p -> p.from() == 1936).orElse(false))
                    .extracting(FirewallRule::key).containsExactly("worker-in-tcp-1936-control-plane", "worker-in-tcp-1936-worker",
                            "worker-in-tcp-1936-ingress-load-balancer");
        }

        @Test
        @DisplayName("'node exporter on ports 9100-9101': the exporter binds 127.0.0.1:9100; the range stays open, TCP and UDP")
        void nodeExporterOnLoopback() {
            assertThat(localPorts(defaults())).contains("TCP 9100");
            assertThat(ingressKeys(defaults())).contains("worker-in-tcp-9000-9999-control-plane", "worker-in-udp-9000-9999-control-plane");
        }

        @Test
        @DisplayName("'all machines' rows are for control planes and workers: the bootstrap gets 6443, 22623, etcd and ICMP")
        void bootstrapGetsOnlyWhatItServes() {
            assertThat(ingressKeys(defaults())).filteredOn(k -> k.startsWith("bootstrap-")).containsExactly(
                    "bootstrap-in-tcp-2379-2380-control-plane", "bootstrap-in-tcp-6443-all-nodes", "bootstrap-in-tcp-6443-admins",
                    "bootstrap-in-tcp-6443-api-load-balancer", "bootstrap-in-tcp-22623-all-nodes",
                    "bootstrap-in-tcp-22623-api-load-balancer");
            assertThat(defaults().groupsFor(List.of(NodeRole.of("bootstrap")))).containsExactly(Peer.allNodes(), Peer.role("bootstrap"));
        }

        @Test
        @DisplayName("'TCP | 6443 | Kubernetes API' to control planes: also the bootstrap, from the API load balancer and admins")
        void apiOnTheBootstrapAndThroughTheLoadBalancer() {
            assertThat(ingressKeys(defaults())).contains("control-plane-in-tcp-6443-all-nodes", "control-plane-in-tcp-6443-admins",
                    "control-plane-in-tcp-6443-api-load-balancer", "bootstrap-in-tcp-6443-all-nodes")
                    .noneMatch(k -> k.startsWith("worker-in-tcp-6443"));
        }

        @Test
        @DisplayName("2025 revision 'TCP | 22623 | … Machine Config Server' on all machines: control planes and the bootstrap only")
        void machineConfigServerOnControlPlanes() {
            assertThat(ingressKeys(defaults())).filteredOn(k -> k.contains("-22623-")).containsExactly(
                    "bootstrap-in-tcp-22623-all-nodes", "bootstrap-in-tcp-22623-api-load-balancer",
                    "control-plane-in-tcp-22623-all-nodes", "control-plane-in-tcp-22623-api-load-balancer");
        }

        @Test
        @DisplayName("2025 revision 'UDP | 123 | NTP' between machines: machines are NTP clients, UDP 123 goes out")
        void ntpGoesOut() {
            assertThat(keys(defaults(), Direction.EGRESS)).contains("all-nodes-out-udp-123-ntp");
            assertThat(ingressKeys(defaults())).noneMatch(k -> k.contains("-123-"));
        }

        @Test
        @DisplayName("'TCP | 2379-2380' control plane to control plane: and with the bootstrap's etcd member")
        void etcdWithTheBootstrap() {
            assertThat(ingressKeys(defaults())).contains("control-plane-in-tcp-2379-2380-control-plane",
                    "control-plane-in-tcp-2379-2380-bootstrap", "bootstrap-in-tcp-2379-2380-control-plane")
                    .noneMatch(k -> k.startsWith("worker-") && k.contains("2379"));
        }

        @Test
        @DisplayName("Ingress load balancer '443, 80': plus its health check on 1936, which ingress clients never reach")
        void ingressLoadBalancerChecks1936() {
            assertThat(ingressKeys(defaults())).contains("worker-in-tcp-80-ingress-load-balancer",
                    "worker-in-tcp-443-ingress-load-balancer", "worker-in-tcp-1936-ingress-load-balancer",
                    "worker-in-tcp-80-ingress-clients", "worker-in-tcp-443-ingress-clients")
                    .doesNotContain("worker-in-tcp-1936-ingress-clients");
        }
    }

    @Nested
    @DisplayName("installer UPI firewalls")
    class InstallerTemplates {
        @Test
        @DisplayName("CloudFormation 'icmp FromPort 0 ToPort 0' is echo reply only: every ICMP type between machines instead")
        void icmpZeroZeroIsEchoReply() {
            assertThat(OPENSHIFT.requirements()).filteredOn(r -> r.protocol().equals(Protocol.icmp(IcmpType.ANY)))
                    .extracting(Requirement::source, Requirement::destination)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(Peer.allNodes(), Peer.allNodes()));
            assertThat(OPENSHIFT.requirements()).noneMatch(r -> r.protocol().equals(Protocol.icmp(IcmpType.of(0, 0))));
        }

        @Test
        @DisplayName("CloudFormation '6443 and 22623 from VpcCidr': the NLB's own addresses are the api-load-balancer peer")
        void apiLoadBalancerIsItsOwnPeer() {
            var spec = ClusterSpec.builder(OPENSHIFT).bind("api-load-balancer", Peer.cidr("10.0.0.0/24"));
            OPENSHIFT.externalPeers().keySet().stream().filter(p -> !p.equals("api-load-balancer")).forEach(p -> spec.bind(p));
            FirewallPolicy policy = PolicyCompiler.compile(spec.build());
            assertThat(ingressKeys(policy)).contains("control-plane-in-tcp-6443-10.0.0.0_24", "control-plane-in-tcp-22623-10.0.0.0_24",
                    "bootstrap-in-tcp-6443-10.0.0.0_24", "bootstrap-in-tcp-22623-10.0.0.0_24", "control-plane-in-tcp-6443-all-nodes");
            assertThat(keys(policy, Direction.EGRESS)).contains("all-nodes-out-tcp-6443-10.0.0.0_24",
                    "all-nodes-out-tcp-22623-10.0.0.0_24");
        }

        @Test
        @DisplayName("CloudFormation 'tcp 22 from VpcCidr': opt-in ssh from admins, and bootstrap to control planes for gather")
        void sshIsOptIn() {
            assertThat(ingressKeys(defaults())).noneMatch(k -> k.contains("-22-"));
            assertThat(ingressKeys(policy("ovn-kubernetes", List.of("ssh"))))
                    .contains("all-nodes-in-tcp-22-admins", "control-plane-in-tcp-22-bootstrap");
        }

        @Test
        @DisplayName("CloudFormation 'udp 4789 Vxlan packets' under OVN-Kubernetes: not opened")
        void noVxlanWithOvn() {
            assertThat(defaults().rules()).noneMatch(r -> r.protocol().equals(Protocol.UDP)
                    && r.ports().map(p -> p.from() <= 4789 && 4789 <= p.to()).orElse(false));
        }

        @Test
        @DisplayName("CloudFormation 'tcp 10250-10259 to masters', 'tcp 10250 to workers': 10250 and 10257-10259, workers 10250")
        void kubernetesPortsPerRole() {
            assertThat(ingressKeys(defaults())).filteredOn(k -> k.startsWith("control-plane-in-tcp-1025"))
                    .containsExactly("control-plane-in-tcp-10250-control-plane", "control-plane-in-tcp-10250-worker",
                            "control-plane-in-tcp-10257-10259-control-plane", "control-plane-in-tcp-10257-10259-worker");
            assertThat(ingressKeys(defaults())).filteredOn(k -> k.startsWith("worker-in-tcp-1025"))
                    .containsExactly("worker-in-tcp-10250-control-plane", "worker-in-tcp-10250-worker");
        }

        @Test
        @DisplayName("CloudFormation has no IPsec rows: option ipsec opens them both ways between control planes and workers")
        void ipsecBothWays() {
            assertThat(ingressKeys(policy("ovn-kubernetes", List.of("ipsec")))).filteredOn(k -> k.contains("-ip-50-"))
                    .containsExactly("control-plane-in-ip-50-control-plane", "control-plane-in-ip-50-worker",
                            "worker-in-ip-50-control-plane", "worker-in-ip-50-worker");
        }

        @Test
        @DisplayName("earlier CloudFormation 'tcp 9000-9999, tcp 30000-32767', no Geneve: UDP too, and Geneve on UDP 6081")
        void udpRowsAndGeneve() {
            assertThat(ingressKeys(defaults())).contains("control-plane-in-udp-9000-9999-worker",
                    "control-plane-in-udp-30000-32767-worker", "control-plane-in-udp-6081-worker")
                    .noneMatch(k -> k.contains("tcp-6081"));
        }

        @Test
        @DisplayName("CloudFormation bootstrap carries the master group: the bootstrap's group admits only what it serves")
        void bootstrapHasItsOwnGroup() {
            List<String> controlPlane = ingressKeys(defaults()).stream().filter(k -> k.startsWith("control-plane-in-"))
                    .map(k -> k.substring("control-plane-in-".length())).toList();
            List<String> bootstrap = ingressKeys(defaults()).stream().filter(k -> k.startsWith("bootstrap-in-"))
                    .map(k -> k.substring("bootstrap-in-".length())).toList();
            assertThat(controlPlane).containsAll(bootstrap.stream().filter(k -> !k.contains("2379")).toList());
            assertThat(bootstrap).hasSize(6).doesNotContain("tcp-10250-control-plane", "udp-6081-control-plane");
        }

        @Test
        @DisplayName("CloudFormation bootstrap '22 and 19531 from 0.0.0.0/0': opt-in, from admins, never the internet unasked")
        void bootstrapSshAndJournalFromAdmins() {
            assertThat(ingressKeys(defaults())).noneMatch(k -> k.contains("19531"));
            assertThat(ingressKeys(policy("ovn-kubernetes", List.of("bootstrap-journal")))).contains("bootstrap-in-tcp-19531-admins");
            var spec = ClusterSpec.builder(OPENSHIFT).options(List.of("ssh", "bootstrap-journal")).bind("admins", Peer.cidr("0.0.0.0/0"));
            OPENSHIFT.externalPeers().keySet().stream().filter(p -> !p.equals("admins")).forEach(p -> spec.bind(p));
            assertThatThrownBy(() -> PolicyCompiler.compile(spec.build()))
                    .hasMessage("internet exposure refused: control-plane nodes would admit TCP 22 (SSH as core) from 0.0.0.0/0 "
                            + "(admins), 100.0% of the routable IPv4 internet, and TCP 22 is not public by design in openshift: "
                            + "bind admins to the networks that need it, or allow 'admins' to be the internet (allowInternet) "
                            + "to accept that exposure");
        }

        @Test
        @DisplayName("GCP 'tcp 6080, 6443, 22624 from health-check ranges': 6443 and 22623 from the api-load-balancer only")
        void noPlainHttpHealthPorts() {
            assertThat(OPENSHIFT.requirements()).noneMatch(r -> r.ports().map(p -> p.from() <= 6080 && 6080 <= p.to()
                    || p.from() <= 22624 && 22624 <= p.to()).orElse(false));
            assertThat(ingressKeys(defaults())).filteredOn(k -> k.endsWith("-api-load-balancer")).containsExactly(
                    "bootstrap-in-tcp-6443-api-load-balancer", "bootstrap-in-tcp-22623-api-load-balancer",
                    "control-plane-in-tcp-6443-api-load-balancer", "control-plane-in-tcp-22623-api-load-balancer");
        }
    }
}
