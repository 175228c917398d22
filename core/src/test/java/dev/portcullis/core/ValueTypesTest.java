package dev.portcullis.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueTypesTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "6443;           6443;  6443",
        "30000-32767;    30000; 32767",
        " 1 - 65535 ;    1;     65535",
    })
    void portRangesParseSinglePortsAndRanges(String text, int from, int to) {
        assertThat(PortRange.parse(text)).isEqualTo(PortRange.of(from, to));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "0;           from port 0 is out of range: allowed 1..65535",
        "65536;       from port 65536 is out of range: allowed 1..65535",
        "10-70000;    to port 70000 is out of range: allowed 1..65535",
        "32767-30000; port range 32767-30000 is reversed: from must be <= to (write 30000-32767)",
        "http;        ports 'http' is invalid: expected a port (6443) or a range (30000-32767) within 1..65535",
        "1-2-3;       ports '1-2-3' is invalid: expected a port (6443) or a range (30000-32767) within 1..65535",
    })
    void badPortsAreRefusedWithTheFieldAndTheAllowedRange(String text, String message) {
        assertThatThrownBy(() -> PortRange.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource({
        "10.0.0.0/16, IPV4",
        "192.0.2.7/32, IPV4",
        "0.0.0.0/0, IPV4",
        "2001:db8::/32, IPV6",
        "::/0, IPV6",
    })
    void canonicalCidrsParse(String text, IpFamily family) {
        Cidr cidr = Cidr.parse(text);
        assertThat(cidr.family()).isEqualTo(family);
        assertThat(cidr.toString()).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "10.0.0.1/16;      CIDR 10.0.0.1/16 is not canonical: host bits are set. Did you mean 10.0.0.0/16?",
        "2001:db8::1/32;   CIDR 2001:db8::1/32 is not canonical: host bits are set. Did you mean 2001:db8::/32?",
        "10.0.0.0/33;      CIDR prefix length /33 is out of range for IPv4: allowed /0../32",
        "10.0.0.0;         CIDR '10.0.0.0' has no prefix length: did you mean 10.0.0.0/32?",
        "example.com/24;   CIDR 'example.com/24' is malformed: expected an IPv4 or IPv6 address, '/', and a prefix length (10.0.0.0/16, 2001:db8::/32)",
        "10.0.0.0/-1;      CIDR '10.0.0.0/-1' is malformed: expected an IPv4 or IPv6 address, '/', and a prefix length (10.0.0.0/16, 2001:db8::/32)",
    })
    void malformedOrNonCanonicalCidrsAreRefused(String text, String message) {
        assertThatThrownBy(() -> Cidr.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void icmpIsNotAPortRangeAndKeepsTypeAndCodeApart() {
        Protocol ping = Protocol.echoRequest(IpFamily.IPV4);
        assertThat(ping.usesPorts()).isFalse();
        assertThat(ping.key()).isEqualTo("icmp-8-0");
        assertThat(ping.displayName()).isEqualTo("ICMP 8/0");
        assertThat(Protocol.echoRequest(IpFamily.IPV6).displayName()).isEqualTo("ICMPv6 128/0");
        assertThat(Protocol.echoRequest(IpFamily.IPV6).family()).contains(IpFamily.IPV6);
        assertThatThrownBy(() -> new IcmpType(java.util.OptionalInt.empty(), java.util.OptionalInt.of(0)))
                .hasMessage("ICMP code 0 needs a type: set the type too");
        assertThatThrownBy(() -> IcmpType.of(256))
                .hasMessage("ICMP type 256 is out of range: allowed 0..255");
    }

    @ParameterizedTest
    @CsvSource({
        "tcp, TCP",
        "UDP, UDP",
        "icmp, ICMP",
        "icmpv6, ICMPv6",
        "4, IP-in-IP (4)",
        "50, ESP (50)",
        "6, TCP",
        "99, IP protocol 99",
    })
    void protocolsParseByNameOrIanaNumber(String text, String displayName) {
        assertThat(Protocol.parse(text).displayName()).isEqualTo(displayName);
    }

    @Test
    void aBindingsValueIsOfItsKindsFamily() {
        assertThatThrownBy(() -> Binding.literal(Binding.Kind.IPV4_CIDR, "2001:db8::/32"))
                .hasMessage("CIDR 2001:db8::/32 is IPv6, but the binding is an IPv4 CIDR");
        assertThat(Binding.literal(Binding.Kind.IPV6_CIDR, "2001:DB8::/32").value()).contains("2001:db8::/32");
    }

    @Test
    void aPortIsAnyIcmpMessageOrNone() {
        assertThat(Port.icmp().protocolText()).isEqualTo("icmp");
        assertThatThrownBy(() -> new Port(Protocol.echoRequest(IpFamily.IPV4), java.util.Optional.empty()))
                .hasMessageContaining("is narrowed to one ICMP type, which a rule of your own cannot express: use Port.icmp()");
    }

    @Test
    void specsAreEqualWhateverOrderTheirBindingsCameIn() {
        Blueprint rke2 = dev.portcullis.core.catalog.Catalog.blueprint("rke2");
        java.util.function.Function<List<Binding>, ClusterSpec> spec = admins -> ClusterSpec.builder(rke2).bind("admins", admins)
                .bind("ingress-clients").bind("nodeport-clients").bind("monitoring").build();
        Binding office = Binding.literal(Binding.Kind.IPV4_CIDR, "192.0.2.0/24");
        Binding vpn = Binding.literal(Binding.Kind.PREFIX_LIST, "pl-0abc0abc");
        assertThat(spec.apply(List.of(office, vpn))).isEqualTo(spec.apply(List.of(vpn, office)));
    }

    @Test
    void unknownProtocolsNameTheAllowedValues() {
        assertThatThrownBy(() -> Protocol.parse("ipip"))
                .hasMessage("protocol 'ipip' is unknown: allowed tcp, udp, icmp, icmpv6, all or an IP protocol number 0..255");
        assertThatThrownBy(() -> Protocol.number(300))
                .hasMessage("IP protocol number 300 is out of range: allowed 0..255");
    }

    @Test
    void rolesArePlainLowerCaseLabels() {
        assertThat(NodeRole.of("control-plane").name()).isEqualTo("control-plane");
        assertThatThrownBy(() -> NodeRole.of("Control Plane"))
                .hasMessage("role name 'Control Plane' is invalid: expected a lower-case label matching [a-z][a-z0-9-]{0,29}");
    }

    @Test
    void ipFamiliesParseAndNameTheAllowedValues() {
        assertThat(IpStack.parse("DUAL").families()).containsExactly(IpFamily.IPV4, IpFamily.IPV6);
        assertThatThrownBy(() -> IpStack.parse("ipv5"))
                .hasMessage("ipFamily 'ipv5' is unknown: allowed values are ipv4, ipv6, dual");
    }

    @Test
    void requirementsRefusePortsOnProtocolsWithoutPortsAndDemandThemOnTcp() {
        assertThatThrownBy(() -> new Requirement(Peer.allNodes(), Peer.allNodes(), Protocol.TCP,
                java.util.Optional.empty(), "kubelet", Condition.ALWAYS, java.util.Optional.empty(), false,
                java.net.URI.create("https://example.org/")))
                .hasMessage("ports are missing: TCP requirement 'kubelet' needs a port or a port range");
        assertThatThrownBy(() -> new Requirement(Peer.allNodes(), Peer.allNodes(), Protocol.number(4),
                java.util.Optional.of(PortRange.single(1)), "IP-in-IP", Condition.ALWAYS, java.util.Optional.empty(),
                false, java.net.URI.create("https://example.org/")))
                .hasMessage("ports 1 are not allowed: IP-in-IP (4) has no ports (only TCP and UDP do)");
        assertThatThrownBy(() -> Requirement.tcp(443).from(Peer.external("a")).to(Peer.external("b"))
                .purpose("proxy").reference("https://example.org/").build())
                .hasMessage("requirement 'proxy' runs from a to b: one end must be the cluster's nodes (a role or all nodes)");
    }
}
