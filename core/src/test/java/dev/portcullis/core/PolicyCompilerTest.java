package dev.portcullis.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedSet;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Compilation rules, on a small blueprint written for the purpose. */
class PolicyCompilerTest {
    private static final String DOC = "https://example.org/ports";
    private static final Peer SERVER = Peer.role("server");
    private static final Peer AGENT = Peer.role("agent");
    private static final Peer ADMINS = Peer.external("admins");
    private static final Peer CLIENTS = Peer.external("clients");

    private static Blueprint toy(Requirement... requirements) {
        return new Blueprint("toy", "Toy", ImmutableList.of(NodeRole.of("server"), NodeRole.of("agent")),
                ImmutableList.of(Cni.of("vxlan", "VXLAN overlay", DOC), Cni.of("bgp", "routed", DOC)), "vxlan",
                ImmutableList.of(
                        new Option("ha", "HA", ImmutableSortedSet.of(), Optional.empty(), true, URI.create(DOC)),
                        new Option("wg", "WireGuard", ImmutableSortedSet.of("vxlan"), Optional.of("backend"), false, URI.create(DOC)),
                        new Option("plain", "plain", ImmutableSortedSet.of("vxlan"), Optional.of("backend"), true, URI.create(DOC))),
                ImmutableMap.of("admins", "operators", "clients", "anyone using NodePorts"),
                ImmutableList.copyOf(requirements), URI.create(DOC));
    }

    private static Requirement tcp(String ports, Peer from, Peer to, String purpose) {
        return Requirement.tcp(ports).from(from).to(to).purpose(purpose).reference(DOC).build();
    }

    private static List<String> ingress(FirewallPolicy policy) {
        return policy.rules(Direction.INGRESS).stream().map(FirewallRule::description).toList();
    }

    @Test
    void adjacentAndOverlappingRangesMergeButGapsStayClosed() {
        var policy = PolicyCompiler.compile(ClusterSpec.builder(toy(
                tcp("2379", SERVER, SERVER, "etcd client"),
                tcp("2380", SERVER, SERVER, "etcd peer"),
                tcp("2380-2381", SERVER, SERVER, "etcd metrics"),
                tcp("10250", SERVER, SERVER, "kubelet"),
                tcp("10252", SERVER, SERVER, "other"))).build());

        assertThat(ingress(policy)).containsExactly(
                "TCP 2379-2381 from server nodes: etcd client; etcd metrics; etcd peer",
                "TCP 10250 from server nodes: kubelet",
                "TCP 10252 from server nodes: other");
    }

    @Test
    void duplicatesAreOneRuleWhateverTheyAreCalled() {
        var policy = PolicyCompiler.compile(ClusterSpec.builder(toy(
                tcp("6443", AGENT, SERVER, "Kubernetes API"),
                tcp("6443", AGENT, SERVER, "API server"))).build());

        assertThat(ingress(policy)).containsExactly("TCP 6443 from agent nodes: API server; Kubernetes API");
        assertThat(policy.rules(Direction.EGRESS)).extracting(FirewallRule::key)
                .containsExactly("agent-out-tcp-6443-server");
    }

    @Test
    void aFlowEveryRoleHasIsExpressedOnceOnTheAllNodesGroup() {
        var policy = PolicyCompiler.compile(ClusterSpec.builder(toy(
                tcp("10250", SERVER, AGENT, "kubelet"),
                tcp("10250", AGENT, SERVER, "kubelet"),
                tcp("10250", SERVER, SERVER, "kubelet"),
                tcp("10250", AGENT, AGENT, "kubelet"),
                tcp("6443", AGENT, SERVER, "API"),
                tcp("6443", SERVER, SERVER, "API"))).build());

        assertThat(policy.rules(Direction.INGRESS)).extracting(FirewallRule::key).containsExactly(
                "all-nodes-in-tcp-10250-all-nodes",
                "server-in-tcp-6443-all-nodes");
        assertThat(policy.groups()).extracting(Peer::key).containsExactly("all-nodes", "server", "agent");
    }

    @Test
    void aRoleRuleCoveredByAnAllNodesRuleIsDropped() {
        var policy = PolicyCompiler.compile(ClusterSpec.builder(toy(
                tcp("8472", Peer.allNodes(), Peer.allNodes(), "VXLAN"),
                tcp("8472", AGENT, SERVER, "VXLAN from agents"),
                tcp("8470-8475", AGENT, SERVER, "wider"))).build());

        assertThat(ingress(policy)).containsExactly(
                "TCP 8472 from all nodes: VXLAN; VXLAN from agents; wider",
                "TCP 8470-8471 from agent nodes: wider",
                "TCP 8473-8475 from agent nodes: wider");
    }

    @Test
    void localOnlyAndFamilyForeignRequirementsAreReportedNotRuled() {
        var policy = PolicyCompiler.compile(ClusterSpec.builder(toy(
                Requirement.tcp(9099).from(Peer.self()).to(SERVER).purpose("CNI health").reference(DOC).build(),
                Requirement.tcp(10257).from(SERVER).to(SERVER).purpose("controller-manager")
                        .localOnly("bound to 127.0.0.1").reference(DOC).build(),
                Requirement.of(Protocol.echoRequest(IpFamily.IPV6)).from(Peer.allNodes()).to(Peer.allNodes())
                        .purpose("health").reference(DOC).build(),
                Requirement.of(Protocol.echoRequest(IpFamily.IPV4)).from(Peer.allNodes()).to(Peer.allNodes())
                        .purpose("health").reference(DOC).build())).build());

        assertThat(ingress(policy)).containsExactly("ICMP 8/0 from all nodes: health");
        assertThat(policy.exclusions()).extracting(e -> e.requirement().service() + ": " + e.reason()).containsExactly(
                "TCP 9099: traffic stays on the node itself; it never crosses the network",
                "TCP 10257: bound to 127.0.0.1",
                "ICMPv6 128/0: ICMPv6 128/0 exists only in IPv6, and ipFamily is 'ipv4'");
    }

    @Test
    void dualStackKeepsBothPingsAndCidrsOfBothFamilies() {
        var policy = PolicyCompiler.compile(ClusterSpec.builder(toy(
                        Requirement.of(Protocol.echoRequest(IpFamily.IPV4)).from(ADMINS).to(SERVER).purpose("ping").reference(DOC).build(),
                        Requirement.of(Protocol.echoRequest(IpFamily.IPV6)).from(ADMINS).to(SERVER).purpose("ping").reference(DOC).build()))
                .ipStack(IpStack.DUAL)
                .bind("admins", Peer.cidr("192.0.2.0/24"), Peer.cidr("2001:db8::/32"))
                .bind("clients")
                .build());

        assertThat(ingress(policy)).containsExactly(
                "ICMP 8/0 from 192.0.2.0/24: ping",
                "ICMPv6 128/0 from 2001:db8::/32: ping");
    }

    @Test
    void externalPeersResolveToTheirBindingsAndAnEmptyBindingOpensNothing() {
        var blueprint = toy(
                tcp("6443", ADMINS, SERVER, "kubectl"),
                Requirement.tcp("30000-32767").from(CLIENTS).to(Peer.allNodes()).purpose("NodePorts")
                        .publicClients().reference(DOC).build());
        var policy = PolicyCompiler.compile(ClusterSpec.builder(blueprint)
                .bind("admins", List.of(Binding.cidr(Cidr.parse("192.0.2.0/24")), Binding.literal(Binding.Kind.PREFIX_LIST, "pl-0123")))
                .bind("clients")
                .build());

        assertThat(ingress(policy)).containsExactly(
                "TCP 6443 from 192.0.2.0/24: kubectl",
                "TCP 6443 from prefix list pl-0123: kubectl");
        assertThat(policy.exclusions()).extracting(Exclusion::reason).containsExactly("its external peer is bound to nothing");
    }

    @Test
    void anUnboundPeerIsAnErrorNamingIt() {
        var spec = ClusterSpec.builder(toy(tcp("6443", ADMINS, SERVER, "kubectl"))).build();
        assertThatThrownBy(() -> PolicyCompiler.compile(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("external peer 'admins' is not bound, but toy needs it for TCP 6443 (kubectl): bind it to "
                        + "CIDRs, prefix lists or groups, or to an empty list to keep those ports closed to it");
    }

    @Test
    void theWholeInternetIsRefusedForPrivatePortsUnlessThePeerIsOptedIn() {
        var blueprint = toy(
                tcp("6443", ADMINS, SERVER, "Kubernetes API"),
                Requirement.tcp("30000-32767").from(CLIENTS).to(Peer.allNodes()).purpose("NodePorts")
                        .publicClients().reference(DOC).build());
        var refused = ClusterSpec.builder(blueprint).bind("admins", Peer.cidr("0.0.0.0/0")).bind("clients").build();
        assertThatThrownBy(() -> PolicyCompiler.compile(refused))
                .hasMessage("internet exposure refused: server nodes would admit TCP 6443 (Kubernetes API) from 0.0.0.0/0 "
                        + "(admins), 100.0% of the routable IPv4 internet, and TCP 6443 is not public by design in toy: "
                        + "bind admins to the networks that need it, or allow 'admins' to be the internet (allowInternet) "
                        + "to accept that exposure");

        var optedIn = ClusterSpec.builder(blueprint).bind("admins", Peer.cidr("0.0.0.0/0")).allowInternet("admins")
                .bind("clients", Peer.cidr("0.0.0.0/0")).build();
        assertThat(ingress(PolicyCompiler.compile(optedIn))).containsExactly(
                "TCP 30000-32767 from 0.0.0.0/0: NodePorts",
                "TCP 6443 from 0.0.0.0/0: Kubernetes API");
    }

    @Test
    void badSpecsNameTheFieldTheValueAndTheAllowedValues() {
        var blueprint = toy(tcp("6443", AGENT, SERVER, "API"));
        assertThatThrownBy(() -> ClusterSpec.builder(blueprint).cni("weave").build())
                .hasMessage("cni of toy 'weave' is unknown: allowed values are bgp, vxlan");
        assertThatThrownBy(() -> ClusterSpec.builder(blueprint).enable("typha").build())
                .hasMessage("option 'typha' is unknown for toy: allowed values are ha, plain, wg");
        assertThatThrownBy(() -> ClusterSpec.builder(blueprint).cni("bgp").options(List.of("wg")).build())
                .hasMessage("option 'wg' of toy applies only to cni vxlan, but cni is 'bgp'");
        assertThatThrownBy(() -> ClusterSpec.builder(blueprint).options(List.of("wg", "plain")).build())
                .hasMessage("options 'plain' and 'wg' of toy are alternatives (backend): enable only one of them");
        assertThatThrownBy(() -> ClusterSpec.builder(blueprint).bind("admins", Peer.cidr("2001:db8::/32")).build())
                .hasMessage("binding of external peer 'admins' to 2001:db8::/32 is an IPv6 CIDR, but ipFamily is 'ipv4': "
                        + "use [IPv4] CIDRs or set ipFamily to dual");
        assertThatThrownBy(() -> ClusterSpec.builder(blueprint).bind("rancher", Peer.cidr("10.0.0.0/8")).build())
                .hasMessage("external peer of toy 'rancher' is unknown: allowed values are admins, clients");
        assertThatThrownBy(() -> ClusterSpec.builder(blueprint).bind("admins", Peer.role("server")).build())
                .hasMessage("binding of external peer 'admins' to server nodes is not allowed: bind it to CIDRs, prefix lists, address groups or existing groups");
        assertThatThrownBy(() -> ClusterSpec.builder(blueprint).extra(tcp("22", ADMINS, Peer.role("bastion"), "ssh")).build())
                .hasMessage("role in extra requirement 'ssh' 'bastion' is unknown: allowed values are agent, server");
    }

    @Test
    void enablingAnAlternativeReplacesTheDefaultOfItsGroup() {
        var blueprint = toy(tcp("6443", AGENT, SERVER, "API"));
        assertThat(ClusterSpec.builder(blueprint).build().options()).containsExactly("ha", "plain");
        assertThat(ClusterSpec.builder(blueprint).enable("wg").build().options()).containsExactly("ha", "wg");
        assertThat(ClusterSpec.builder(blueprint).options(List.of("plain")).build().options()).containsExactly("plain");
        assertThat(ClusterSpec.builder(blueprint).cni("bgp").options(List.of()).build().options()).isEmpty();
        assertThat(ClusterSpec.builder(blueprint).cni("bgp").build().options()).containsExactly("ha");
        assertThatThrownBy(() -> ClusterSpec.builder(blueprint).options(List.of("ha")).build())
                .hasMessage("cni 'vxlan' of toy needs one of its backend options: wg, plain (the default)");
    }

    @Test
    void aNodeCarriesTheAllNodesGroupAndOneGroupPerRole() {
        var policy = PolicyCompiler.compile(ClusterSpec.builder(toy(
                tcp("10250", Peer.allNodes(), Peer.allNodes(), "kubelet"))).build());

        assertThat(policy.groupsFor(Set.of(NodeRole.of("server"), NodeRole.of("agent"))))
                .extracting(Peer::key).containsExactly("all-nodes", "server", "agent");
        assertThatThrownBy(() -> policy.groupsFor(Set.of()))
                .hasMessage("roles of a node are empty: allowed roles are server, agent");
        assertThatThrownBy(() -> policy.groupsFor(Set.of(NodeRole.of("worker"))))
                .hasMessage("role of toy 'worker' is unknown: allowed values are agent, server");
    }

    @Test
    void theOutputDependsOnTheSetOfRequirementsNotTheirOrder() {
        List<Requirement> requirements = new ArrayList<>(List.of(
                tcp("2379", SERVER, SERVER, "etcd"),
                tcp("2380", SERVER, SERVER, "etcd peer"),
                tcp("10250", Peer.allNodes(), Peer.allNodes(), "kubelet"),
                tcp("10250", AGENT, SERVER, "metrics"),
                tcp("6443", AGENT, SERVER, "API"),
                tcp("6443", SERVER, SERVER, "API"),
                tcp("6443", ADMINS, SERVER, "kubectl"),
                tcp("9345", AGENT, SERVER, "supervisor"),
                Requirement.udp(8472).from(Peer.allNodes()).to(Peer.allNodes()).purpose("VXLAN").reference(DOC).build(),
                Requirement.of(Protocol.icmp(IcmpType.ANY)).from(SERVER).to(AGENT).purpose("ping").reference(DOC).build(),
                Requirement.of(Protocol.echoRequest(IpFamily.IPV4)).from(SERVER).to(AGENT).purpose("echo").reference(DOC).build()));
        FirewallPolicy expected = compile(requirements);
        Random random = new Random(20261124);
        for (int i = 0; i < 200; i++) {
            Collections.shuffle(requirements, random);
            FirewallPolicy shuffled = compile(requirements);
            assertThat(shuffled.rules()).isEqualTo(expected.rules());
            assertThat(shuffled.exclusions()).isEqualTo(expected.exclusions());
        }
        assertThat(expected.rules(Direction.INGRESS)).extracting(FirewallRule::key).containsExactly(
                "all-nodes-in-tcp-10250-all-nodes",
                "all-nodes-in-udp-8472-all-nodes",
                "agent-in-icmp-server",
                "server-in-tcp-2379-2380-server",
                "server-in-tcp-6443-all-nodes",
                "server-in-tcp-6443-192.0.2.0_24",
                "server-in-tcp-9345-agent");
    }

    @Test
    void theCompactProfileAdmitsAllTrafficBetweenNodesInOneRuleAndKeepsTheOutsideWorldPerPort() {
        var blueprint = toy(
                tcp("6443", AGENT, SERVER, "API"),
                tcp("2379-2380", SERVER, SERVER, "etcd"),
                Requirement.udp(8472).from(Peer.allNodes()).to(Peer.allNodes()).purpose("VXLAN").reference(DOC).build(),
                tcp("6443", ADMINS, SERVER, "kubectl"));
        var policy = PolicyCompiler.compile(ClusterSpec.builder(blueprint).profile(Profile.COMPACT)
                .bind("admins", Peer.cidr("192.0.2.0/24")).bind("clients").build());

        assertThat(policy.rules()).extracting(FirewallRule::key).containsExactly(
                "all-nodes-in-all-all-nodes",
                "all-nodes-out-all-all-nodes",
                "server-in-tcp-6443-192.0.2.0_24");
        assertThat(policy.rules().get(0).description())
                .isEqualTo("all traffic from all nodes: compact profile: all traffic between cluster nodes");
        assertThat(policy.rules().get(0).ports()).isEmpty();
    }

    @Test
    void compilingTwiceGivesEqualPolicies() {
        var spec = ClusterSpec.builder(toy(tcp("6443", AGENT, SERVER, "API"), tcp("6444", AGENT, SERVER, "API 2"))).build();
        assertThat(PolicyCompiler.compile(spec)).isEqualTo(PolicyCompiler.compile(spec));
        assertThat(PolicyCompiler.compile(spec).rules(Direction.INGRESS)).extracting(FirewallRule::key)
                .containsExactly("server-in-tcp-6443-6444-agent");
    }

    private static FirewallPolicy compile(List<Requirement> requirements) {
        return PolicyCompiler.compile(ClusterSpec.builder(toy(requirements.toArray(Requirement[]::new)))
                .bind("admins", Peer.cidr("192.0.2.0/24")).bind("clients").build());
    }
}
