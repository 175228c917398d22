package dev.portcullis.core.promises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.core.Binding;
import dev.portcullis.core.Blueprint;
import dev.portcullis.core.Cidr;
import dev.portcullis.core.ClusterSpec;
import dev.portcullis.core.FirewallPolicy;
import dev.portcullis.core.InternetExposure;
import dev.portcullis.core.IpFamily;
import dev.portcullis.core.IpStack;
import dev.portcullis.core.NodeAddressing;
import dev.portcullis.core.NodeRole;
import dev.portcullis.core.PolicyCompiler;
import dev.portcullis.core.Profile;
import dev.portcullis.core.Requirement;
import dev.portcullis.core.Peer;
import dev.portcullis.core.catalog.Catalog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Promise: the whole internet never reaches a private cluster port unless the user says so, whatever
 * path produced the rule. Each case below was an attack that worked before the gate; each must now be
 * refused at compilation, or accepted where it is legitimate.
 */
class TheInternetReachesNoPrivatePortTest {
    private static final Blueprint RKE2 = Catalog.blueprint("rke2");
    private static final String REFUSED = "internet exposure refused: ";

    private static ClusterSpec.Builder rke2(String... admins) {
        ClusterSpec.Builder spec = ClusterSpec.builder(RKE2);
        List<Peer> bound = new ArrayList<>();
        for (String cidr : admins) {
            bound.add(Peer.cidr(cidr));
        }
        spec.bind("admins", bound.toArray(Peer[]::new));
        RKE2.externalPeers().keySet().stream().filter(p -> !p.equals("admins")).forEach(p -> spec.bind(p));
        return spec;
    }

    @Nested
    class SplitSourcesAddUp {
        @Test
        void twoIpv4HalvesAreTheInternet() {
            assertThatThrownBy(() -> PolicyCompiler.compile(rke2("0.0.0.0/1", "128.0.0.0/1").build()))
                    .hasMessageStartingWith(REFUSED + "server nodes would admit TCP 6443 (Kubernetes API for kubectl) "
                            + "from 0.0.0.0/1, 128.0.0.0/1 (admins), 100.0% of the routable IPv4 internet");
        }

        @Test
        void twoIpv6HalvesAreTheInternet() {
            assertThatThrownBy(() -> PolicyCompiler.compile(rke2("::/1", "8000::/1").ipStack(IpStack.IPV6).build()))
                    .hasMessageStartingWith(REFUSED + "server nodes would admit TCP 6443 (Kubernetes API for kubectl) "
                            + "from ::/1, 8000::/1 (admins), 100.0% of the routable IPv6 internet");
        }

        @Test
        void fourQuartersAreTheInternet() {
            assertThatThrownBy(() -> PolicyCompiler.compile(rke2("0.0.0.0/2", "64.0.0.0/2", "128.0.0.0/2", "192.0.0.0/2").build()))
                    .hasMessageStartingWith(REFUSED);
        }

        @Test
        void manySmallBlocksAddUp() {
            List<String> blocks = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                blocks.add("20." + (i * 16) + ".0.0/12"); // 2^20 public addresses each, one rule each
            }
            assertThatThrownBy(() -> PolicyCompiler.compile(rke2(blocks.toArray(String[]::new)).build()))
                    .hasMessageStartingWith(REFUSED + "server nodes would admit TCP 6443");
            assertThat(PolicyCompiler.compile(rke2(blocks.subList(0, 7).toArray(String[]::new)).build()).rules())
                    .as("seven of them stay under the threshold").isNotEmpty();
        }

        @Test
        void twoPeersOnOnePortAddUp() {
            ClusterSpec built = ClusterSpec.builder(RKE2).enable("etcd-metrics")
                    .extra(Requirement.tcp(6443).from(Peer.external("monitoring")).to(Peer.role("server"))
                            .purpose("dashboard").reference(Requirement.USER).build())
                    .bind("admins", Peer.cidr("17.0.0.0/10")).bind("monitoring", Peer.cidr("17.64.0.0/10"))
                    .bind("ingress-clients").bind("nodeport-clients").bind("pod-network").build();
            assertThatThrownBy(() -> PolicyCompiler.compile(built))
                    .hasMessageStartingWith(REFUSED + "server nodes would admit TCP 6443")
                    .hasMessageContaining("(admins, monitoring)");
        }

        @Test
        void aRuleOnTheAllNodesGroupAndOneOnTheRoleGroupAddUp() {
            // TCP 10250 reaches every node (all-nodes group); a user's rule adds the other half on the server group.
            ClusterSpec spec = rke2("10.0.0.0/8")
                    .extra(Requirement.tcp(10250).from(Peer.external("monitoring")).to(Peer.allNodes()).purpose("scrape")
                            .reference(Requirement.USER).build())
                    .extra(Requirement.tcp(10250).from(Peer.external("ingress-clients")).to(Peer.role("server"))
                            .purpose("more scrape").reference(Requirement.USER).build())
                    .bind("monitoring", Peer.cidr("17.0.0.0/10")).bind("ingress-clients", Peer.cidr("17.64.0.0/10")).build();
            assertThatThrownBy(() -> PolicyCompiler.compile(spec))
                    .hasMessageStartingWith(REFUSED + "server nodes would admit TCP 10250");
        }

        @Test
        void anAllTrafficRuleCountsForEveryPort() {
            ClusterSpec spec = rke2("17.0.0.0/10").extra(Requirement.of(dev.portcullis.core.Protocol.ALL)
                            .from(Peer.external("monitoring")).to(Peer.role("server")).purpose("everything")
                            .reference(Requirement.USER).build())
                    .bind("monitoring", Peer.cidr("17.64.0.0/10")).build();
            assertThatThrownBy(() -> PolicyCompiler.compile(spec))
                    .hasMessageStartingWith(REFUSED + "server nodes would admit TCP 6443 (everything; Kubernetes API for kubectl) "
                            + "from 17.0.0.0/10, 17.64.0.0/10 (admins, monitoring)");
        }
    }

    @Nested
    class EveryPathGoesThroughTheGate {
        @Test
        void thePodNetworkUnderNativeRouting() {
            ClusterSpec spec = ClusterSpec.builder(RKE2).cni("calico").enable("calico-no-encapsulation")
                    .bind("admins").bind("ingress-clients").bind("nodeport-clients").bind("monitoring")
                    .bind("pod-network", Peer.cidr("0.0.0.0/1"), Peer.cidr("128.0.0.0/1")).build();
            assertThatThrownBy(() -> PolicyCompiler.compile(spec))
                    .hasMessageStartingWith(REFUSED + "server nodes would admit all traffic (pod traffic routed between nodes "
                            + "without encapsulation) from 0.0.0.0/1, 128.0.0.0/1 (pod-network)");
        }

        @Test
        void publicAddressesThatAreTheInternet() {
            ClusterSpec spec = rke2("10.0.0.0/8").nodeAddressing(NodeAddressing.PUBLIC)
                    .publicAddresses(NodeRole.of("server"), List.of(Cidr.parse("0.0.0.0/0")))
                    .publicAddresses(NodeRole.of("agent"), List.of(Cidr.parse("203.0.113.20/32"))).build();
            assertThatThrownBy(() -> PolicyCompiler.compile(spec))
                    .hasMessageStartingWith(REFUSED)
                    .hasMessageContaining("(publicAddresses.server)")
                    .hasMessageContaining("publicAddresses must be the nodes' own addresses (/32, /128)");
        }

        @Test
        void aUserRuleWithALiteralInternetSourceToEtcd() {
            ClusterSpec spec = rke2("10.0.0.0/8").extra(Requirement.tcp("2379-2380").from(Peer.cidr("0.0.0.0/0"))
                    .to(Peer.role("server")).purpose("etcd").reference(Requirement.USER).build()).build();
            assertThatThrownBy(() -> PolicyCompiler.compile(spec))
                    .hasMessageStartingWith(REFUSED + "server nodes would admit TCP 2379-2380 (etcd) from 0.0.0.0/0 (extraRules)")
                    .hasMessageContaining("a rule of your own reaches the internet only through a named peer given to allowInternet");
        }

        @Test
        void aUserRuleWithTheWholeIpv6InternetToTheKubelet() {
            ClusterSpec spec = rke2("10.0.0.0/8").ipStack(IpStack.DUAL).extra(Requirement.tcp(10250).from(Peer.cidr("::/0"))
                    .to(Peer.allNodes()).purpose("kubelet").reference(Requirement.USER).build()).build();
            assertThatThrownBy(() -> PolicyCompiler.compile(spec)).hasMessageStartingWith(REFUSED);
        }

        @Test
        void aLiteralRuleCannotRideOnAnotherPeersConsent() {
            // admins may be the internet; a literal 0.0.0.0/0 rule to the same port merges with it, and is still refused.
            ClusterSpec spec = rke2("0.0.0.0/0").allowInternet("admins").extra(Requirement.tcp(6443)
                    .from(Peer.cidr("0.0.0.0/0")).to(Peer.role("server")).purpose("mine").reference(Requirement.USER).build())
                    .build();
            assertThatThrownBy(() -> PolicyCompiler.compile(spec)).hasMessageStartingWith(REFUSED);
        }

        @Test
        void theCompactProfileWithPublicAddresses() {
            ClusterSpec spec = rke2("10.0.0.0/8").profile(Profile.COMPACT).nodeAddressing(NodeAddressing.PUBLIC)
                    .publicAddresses(NodeRole.of("server"), List.of(Cidr.parse("0.0.0.0/1"), Cidr.parse("128.0.0.0/1")))
                    .publicAddresses(NodeRole.of("agent"), List.of(Cidr.parse("203.0.113.20/32"))).build();
            assertThatThrownBy(() -> PolicyCompiler.compile(spec)).hasMessageStartingWith(REFUSED)
                    .hasMessageContaining("all traffic");
        }
    }

    @Nested
    class LegitimateUsesAreAccepted {
        @Test
        void egressOnlyPeersMayBeTheInternetInEitherEgressMode() {
            Blueprint deckhouse = Catalog.blueprint("deckhouse");
            ClusterSpec.Builder spec = ClusterSpec.builder(deckhouse);
            deckhouse.externalPeers().keySet().forEach(p -> spec.bind(p));
            spec.bind("registry", Peer.cidr("0.0.0.0/0")).bind("ntp", Peer.cidr("0.0.0.0/0")).bind("dns", Peer.cidr("0.0.0.0/0"));
            FirewallPolicy policy = PolicyCompiler.compile(spec.build());
            assertThat(policy.rules()).anyMatch(r -> r.key().equals("all-nodes-out-tcp-443-0.0.0.0_0"));
            assertThat(policy.allowedExposures()).isEmpty();
        }

        @Test
        void clientsOfPublicByDesignPortsMayBeTheInternet() {
            ClusterSpec spec = ClusterSpec.builder(RKE2).enable("ingress", "nodeports").bind("admins", Peer.cidr("10.0.0.0/8"))
                    .bind("ingress-clients", Peer.cidr("0.0.0.0/0")).bind("nodeport-clients", Peer.cidr("0.0.0.0/1"),
                            Peer.cidr("128.0.0.0/1")).bind("monitoring").bind("pod-network").build();
            FirewallPolicy policy = PolicyCompiler.compile(spec);
            assertThat(policy.rules()).anyMatch(r -> r.key().equals("all-nodes-in-tcp-443-0.0.0.0_0"));
            assertThat(policy.allowedExposures()).isEmpty();
        }

        @Test
        void consentToAllTrafficFromTheInternetIsHonouredToo() {
            ClusterSpec spec = ClusterSpec.builder(RKE2).cni("calico").enable("calico-no-encapsulation")
                    .bind("admins").bind("ingress-clients").bind("nodeport-clients").bind("monitoring")
                    .bind("pod-network", Peer.cidr("0.0.0.0/1"), Peer.cidr("128.0.0.0/1")).allowInternet("pod-network").build();
            FirewallPolicy policy = PolicyCompiler.compile(spec);
            assertThat(policy.allowedExposures()).anyMatch(line -> line.contains("all traffic") && line.contains("pod-network"));
        }

        @Test
        void consentIsHonouredAndReportedLoudly() {
            FirewallPolicy policy = PolicyCompiler.compile(rke2("0.0.0.0/0").allowInternet("admins").build());
            assertThat(policy.allowedExposures()).containsExactly(
                    "server nodes admit TCP 6443 from 0.0.0.0/0 (allowInternet admins)");
        }

        @ParameterizedTest
        @ValueSource(strings = {"10.0.0.0/8", "20.0.0.0/10", "100.64.0.0/10", "172.16.0.0/12", "192.168.0.0/16", "224.0.0.0/4"})
        void honestAndSpecialPurposeRangesAreNotTheInternet(String cidr) {
            assertThat(PolicyCompiler.compile(rke2(cidr).build()).rules()).isNotEmpty();
        }
    }

    @Nested
    class TheDefinitionIsArithmetic {
        @ParameterizedTest(name = "{0}")
        @CsvSource({
                "0.0.0.0/0, true", "0.0.0.0/1 128.0.0.0/1, true", "8.0.0.0/7, true", "0.0.0.0/7, true", "10.0.0.0/7, true",
                "64.0.0.0/2, true", "16.0.0.0/4, true", "2000::/3, true", "::/0, true", "2000::/4, true", "2a00::/12, true",
                "17.0.0.0/9, true",
                "17.0.0.0/10, false", "10.0.0.0/8, false", "224.0.0.0/3, false", "2001:db8::/32, false", "fc00::/7, false",
                "2600::/20, true", "2600::/21, false", "4000::/2, false", "198.18.0.0/15, false"})
        void thresholdsAreAddressCountsOfRoutableSpace(String cidrs, boolean internetWide) {
            List<Cidr> sources = Arrays.stream(cidrs.split(" ")).map(Cidr::parse).toList();
            assertThat(InternetExposure.isInternetWide(sources)).isEqualTo(internetWide);
        }

        @Test
        void everySlashOneToSlashSevenBlockWithRoutableSpaceIsRefused() {
            for (int length = 1; length <= 7; length++) {
                for (long start = 0; start < (1L << 32); start += 1L << (32 - length)) {
                    String cidr = ((start >> 24) & 255) + "." + ((start >> 16) & 255) + ".0.0/" + length;
                    Cidr block = Cidr.parse(cidr);
                    boolean routable = InternetExposure.routableCovered(List.of(block), IpFamily.IPV4).signum() > 0;
                    if (routable) {
                        assertThat(InternetExposure.isInternetWide(List.of(block))).as(cidr).isTrue();
                    }
                }
            }
        }

        @Test
        void whereThresholdsSit() {
            assertThat(InternetExposure.IPV4_THRESHOLD).isEqualTo(Cidr.parse("17.0.0.0/9").toRange().upperEndpoint()
                    .subtract(Cidr.parse("17.0.0.0/9").toRange().lowerEndpoint()));
            assertThat(InternetExposure.percentOfRoutable(List.of(Cidr.parse("0.0.0.0/1")), IpFamily.IPV4)).isBetween(40.0, 60.0);
            assertThat(Binding.cidr(Cidr.parse("0.0.0.0/1")).family()).contains(IpFamily.IPV4);
        }
    }
}
