package dev.portcullis.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.portcullis.core.Direction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LiveRulesTest {

    @Test
    void describeSecurityGroupRulesBecomesOneRulePerEntryWithItsLine() {
        LiveRules.Listing listing = LiveRules.read(Cloud.AWS, Fixtures.input("groups/aws-describe-security-group-rules.json"));
        assertThat(listing.format()).isEqualTo("describe-security-group-rules");
        assertThat(listing.rules()).extracting(LiveRule::id, LiveRule::direction, LiveRule::service, r -> r.peer().displayName(),
                        r -> r.location().line())
                .containsExactly(
                        tuple("sgr-0a1b2c3d4e5f60001", Direction.INGRESS, "all traffic", "group sg-0a11a11a11a11a11a", 3),
                        tuple("sgr-0a1b2c3d4e5f60002", Direction.EGRESS, "all traffic", "0.0.0.0/0", 18),
                        tuple("sgr-0c0c0c0c0c0c00001", Direction.INGRESS, "TCP 6443", "203.0.113.0/24", 29),
                        tuple("sgr-0c0c0c0c0c0c00002", Direction.INGRESS, "TCP 10250", "0.0.0.0/0", 41),
                        tuple("sgr-0c0c0c0c0c0c00003", Direction.INGRESS, "TCP 22", "198.51.100.7/32", 53),
                        tuple("sgr-0b0b0b0b0b0b00001", Direction.INGRESS, "TCP 30000-32767", "0.0.0.0/0", 65),
                        tuple("sgr-0b0b0b0b0b0b00002", Direction.INGRESS, "TCP 10256", "10.0.0.0/16", 77),
                        tuple("sgr-0d0d0d0d0d0d00001", Direction.INGRESS, "TCP 443", "0.0.0.0/0", 89));
        assertThat(listing.rules()).allMatch(LiveRule::cloudId);
    }

    @Test
    void describeSecurityGroupsSplitsPermissionsIntoOneRulePerSource() {
        LiveRules.Listing listing = LiveRules.read(Cloud.AWS, Fixtures.input("groups/aws-describe-security-groups.json"));
        assertThat(listing.vpcIds()).containsExactly("vpc-0123456789abcdef0");
        assertThat(listing.groupNames()).containsEntry("sg-0f2f2f2f2f2f2f2f2", "prod-control-plane");
        assertThat(listing.rules()).extracting(LiveRule::id, LiveRule::service, LiveRule::description)
                .contains(tuple("sg-0f2f2f2f2f2f2f2f2/in/tcp-6443/203.0.113.0/24", "TCP 6443", "kubectl from the office"),
                        tuple("sg-0f2f2f2f2f2f2f2f2/in/tcp-6443/pl-0a1b2c3d4e5f67890", "TCP 6443", "CI runners"),
                        tuple("sg-0f2f2f2f2f2f2f2f2/in/tcp-6443/sg-0e1e1e1e1e1e1e1e1", "TCP 6443", ""),
                        tuple("sg-0d3d3d3d3d3d3d3d3/in/icmp-8/0.0.0.0/0", "ICMP 8", "ping"),
                        tuple("sg-0e1e1e1e1e1e1e1e1/out/all/0.0.0.0/0", "all traffic", ""));
        assertThat(listing.rules()).noneMatch(LiveRule::cloudId);
    }

    @Test
    void openStackRowsTakeTheRemoteGroupOverTheFilledInIpRange() {
        LiveRules.Listing listing = LiveRules.read(Cloud.OPENSTACK, Fixtures.input("groups/openstack-rule-list.json"));
        assertThat(listing.rules()).extracting(LiveRule::service, r -> r.peer().displayName(), LiveRule::direction)
                .containsExactly(
                        tuple("all traffic", "group 5a0c3c2e-1111-4a5b-9c8d-000000000001", Direction.INGRESS),
                        tuple("all traffic", "0.0.0.0/0", Direction.EGRESS),
                        tuple("all traffic", "::/0", Direction.EGRESS),
                        tuple("TCP 10250", "0.0.0.0/0", Direction.INGRESS),
                        tuple("TCP 6443", "203.0.113.0/24", Direction.INGRESS),
                        tuple("TCP 30000-32767", "0.0.0.0/0", Direction.INGRESS),
                        tuple("ICMP 8/0", "0.0.0.0/0", Direction.INGRESS),
                        tuple("TCP 10256", "address group 9e4a7a6c-5555-4e9f-8a1b-000000000005", Direction.INGRESS));
    }

    @ParameterizedTest(name = "{0} {1} {2} → {3}")
    @CsvSource(delimiter = ';', value = {
            "tcp; IPv4; ''; TCP 1-65535",
            "udp; IPv4; 8472:8472; UDP 8472",
            "icmp; IPv4; type=8:code=0; ICMP 8/0",
            "icmp; IPv4; type=3; ICMP 3",
            "icmp; IPv4; :code=3; ICMP 0/3",
            "icmp; IPv4; ''; ICMP",
            "icmp; IPv6; type=128; ICMPv6 128",
            "ipv6-icmp; IPv6; ''; ICMPv6",
            "gre; IPv4; ''; GRE (47)",
            "4; IPv4; ''; IP-in-IP (4)",
            "any; IPv4; ''; all traffic",
    })
    void openStackProtocolsAndPortRangesReadAsTheClientPrintsThem(String protocol, String ethertype, String range, String service) {
        String row = "[{\"ID\": \"r1\", \"IP Protocol\": \"" + protocol + "\", \"Ethertype\": \"" + ethertype
                + "\", \"IP Range\": \"10.0.0.0/8\", \"Port Range\": \"" + range + "\", \"Direction\": \"ingress\", "
                + "\"Remote Security Group\": null, \"Remote Address Group\": null, \"Security Group\": \"g1\"}]";
        assertThat(LiveRules.read(Cloud.OPENSTACK, new AuditInput("os.json", row)).rules().get(0).service()).isEqualTo(service);
    }

    @ParameterizedTest(name = "{0} {1}-{2} → {3}")
    @CsvSource(delimiter = ';', value = {
            "-1; -1; -1; all traffic",
            "tcp; 0; 65535; TCP 1-65535",
            "6; 22; 22; TCP 22",
            "icmp; -1; -1; ICMP",
            "icmp; 3; -1; ICMP 3",
            "icmpv6; 128; 0; ICMPv6 128/0",
            "50; -1; -1; ESP (50)",
    })
    void awsProtocolsReadWithIcmpInThePortFields(String protocol, int from, int to, String service) {
        AuditInput input = GroupAuditTest.rules("sgr-1 sg-1 false " + protocol + " " + from + " " + to + " 10.0.0.0/8");
        assertThat(LiveRules.read(Cloud.AWS, input).rules().get(0).service()).isEqualTo(service);
    }

    @Test
    void cidrsWithHostBitsAreMaskedAsTheCloudsStoreThem() {
        AuditInput input = GroupAuditTest.rules("sgr-1 sg-1 false tcp 22 22 10.1.2.3/16");
        assertThat(LiveRules.read(Cloud.AWS, input).rules().get(0).peer()).isEqualTo(
                new LivePeer.Network(dev.portcullis.core.Cidr.parse("10.1.0.0/16")));
    }

    @Test
    void listingsAreRefusedWithTheFieldAndTheWayOut() {
        assertThatThrownBy(() -> LiveRules.read(Cloud.OPENSTACK, Fixtures.input("groups/aws-describe-security-group-rules.json")))
                .hasMessage("input 'aws-describe-security-group-rules.json' is the output of aws ec2 describe-security-group-rules, "
                        + "but --cloud is openstack: use --cloud aws");
        assertThatThrownBy(() -> LiveRules.read(Cloud.AWS, new AuditInput("x.json", "{\"Groups\": []}")))
                .hasMessage("input 'x.json' is no security group listing: expected the JSON of aws ec2 describe-security-group-rules, "
                        + "aws ec2 describe-security-groups, or openstack security group rule list --long -f json");
        assertThatThrownBy(() -> LiveRules.read(Cloud.AWS, new AuditInput("x.json", "{\"SecurityGroupRules\": [")))
                .hasMessageStartingWith("input 'x.json' is not valid JSON: ");
        assertThatThrownBy(() -> LiveRules.read(Cloud.OPENSTACK, new AuditInput("os.json",
                "[{\"ID\": \"r1\", \"IP Protocol\": \"tcp\", \"Direction\": \"ingress\"}]")))
                .hasMessage("input 'os.json' rule r1 has no 'Security Group' column: list the rules of all groups at once "
                        + "(openstack security group rule list --long -f json, without a group argument)");
        assertThatThrownBy(() -> LiveRules.read(Cloud.OPENSTACK, new AuditInput("os.json",
                "[{\"ID\": \"r1\", \"IP Protocol\": \"tcp\", \"Security Group\": \"g\"}]")))
                .hasMessage("input 'os.json' rule r1 has no 'Direction': list with --long (python-openstackclient before 6.0 "
                        + "shows the direction only then)");
        assertThatThrownBy(() -> LiveRules.read(Cloud.AWS, GroupAuditTest.rules("sgr-1;rm sg-1 false tcp 22 22 10.0.0.0/8")))
                .hasMessage("input 'rules.json': a rule has SecurityGroupRuleId 'sgr-1;rm', which is no cloud id: expected letters, "
                        + "digits and . _ : / - (sg-0123abcd, a UUID)");
        assertThatThrownBy(() -> LiveRules.read(Cloud.AWS, GroupAuditTest.rules("sgr-1 sg-1 false tcp 22 22 10.0.0.300/8")))
                .hasMessage("input 'rules.json' rule sgr-1 CidrIpv4 '10.0.0.300/8' is no CIDR: expected an IPv4 or IPv6 network such as 10.0.0.0/16 "
                        + "or 2001:db8::/32");
    }

    /** One AWS rule with {@code member} added, as describe-security-group-rules would print it. */
    private static AuditInput awsRuleWith(String member) {
        return new AuditInput("x.json", "{\"SecurityGroupRules\": [{\"SecurityGroupRuleId\": \"sgr-1\", \"GroupId\": \"sg-1\", "
                + "\"IpProtocol\": \"tcp\", \"CidrIpv4\": \"10.0.0.0/8\", " + member + "}]}");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', textBlock = """
            "IsEgress": "true"                       => SecurityGroupRules[0].IsEgress is "true": expected true or false
            "IsEgress": {}                           => SecurityGroupRules[0].IsEgress is an object: expected true or false
            "FromPort": "22"                         => SecurityGroupRules[0].FromPort is "22": expected an integer -1..65535
            "FromPort": 22.5                         => SecurityGroupRules[0].FromPort is 22.5: expected an integer -1..65535
            "FromPort": 1e100000000                  => SecurityGroupRules[0].FromPort is 1e100000000: expected an integer -1..65535
            "FromPort": 1E2                          => SecurityGroupRules[0].FromPort is 1E2: expected an integer -1..65535
            "FromPort": 65536                        => SecurityGroupRules[0].FromPort is 65536: expected an integer -1..65535
            "FromPort": -2                           => SecurityGroupRules[0].FromPort is -2: expected an integer -1..65535
            "ToPort": 123456789012345678901234567890 => SecurityGroupRules[0].ToPort is 123456789012345678901234…: expected an integer -1..65535
            "ToPort": [22]                           => SecurityGroupRules[0].ToPort is an array: expected an integer -1..65535
            "Description": {"text": "x"}             => SecurityGroupRules[0].Description is an object: expected a string
            "PrefixListId": ["pl-1"]                 => SecurityGroupRules[0].PrefixListId is an array: expected a string
            "ReferencedGroupInfo": "sg-2"            => SecurityGroupRules[0].ReferencedGroupInfo is "sg-2": expected an object
            "ReferencedGroupInfo": {"GroupId": 2}    => SecurityGroupRules[0].ReferencedGroupInfo.GroupId is 2: expected a string
            """)
    void awsMembersOfTheWrongTypeAreRefusedWithTheirPath(String member, String message) {
        assertThatThrownBy(() -> LiveRules.read(Cloud.AWS, awsRuleWith(member))).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("input 'x.json': " + message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', textBlock = """
            {"SecurityGroupRules": ["sgr-1"]}                                              => SecurityGroupRules[0] is "sgr-1": expected an object
            {"SecurityGroups": [{"GroupId": "sg-1", "IpPermissions": {}}]}                 => SecurityGroups[0].IpPermissions is an object: expected an array
            {"SecurityGroups": [{"GroupId": "sg-1", "IpPermissionsEgress": [7]}]}          => SecurityGroups[0].IpPermissionsEgress[0] is 7: expected an object
            {"SecurityGroups": [{"GroupId": "sg-1", "IpPermissions": [{"IpProtocol": "-1", "IpRanges": [null]}]}]} => SecurityGroups[0].IpPermissions[0].IpRanges[0] is null: expected an object
            {"SecurityGroups": [{"GroupId": "sg-1", "IpPermissions": [{"IpProtocol": "icmp", "FromPort": 256}]}]} => SecurityGroups[0].IpPermissions[0].FromPort is 256: expected an integer -1..255
            {"SecurityGroups": [{"GroupId": "sg-1", "GroupName": ["a"]}]}                   => SecurityGroups[0].GroupName is an array: expected a string
            [{"ID": "r1", "Security Group": "g", "Direction": "ingress", "Port Range": {}}] => [0]."Port Range" is an object: expected a string
            [{"ID": "r1", "Security Group": "g", "Direction": "ingress", "IP Protocol": 6}] => [0]."IP Protocol" is 6: expected a string
            [{"ID": {"id": "r1"}}]                                                          => [0].ID is an object: expected a string
            """)
    void listingElementsOfTheWrongTypeAreRefusedWithTheirPath(String listing, String message) {
        Cloud cloud = listing.startsWith("[") ? Cloud.OPENSTACK : Cloud.AWS;
        assertThatThrownBy(() -> LiveRules.read(cloud, new AuditInput("x.json", listing)))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("input 'x.json': " + message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
            "type=999; rule r1 has ICMP Port Range 'type=999': expected type=T, type=T:code=C or :code=C, each 0..255",
            "type=99999999999; rule r1 has ICMP Port Range 'type=99999999999': expected type=T, type=T:code=C or :code=C, each 0..255",
    })
    void openStackIcmpTypesBeyondAByteAreRefusedNamingTheInput(String range, String message) {
        String row = "[{\"ID\": \"r1\", \"IP Protocol\": \"icmp\", \"Port Range\": \"" + range
                + "\", \"Direction\": \"ingress\", \"Security Group\": \"g1\"}]";
        assertThatThrownBy(() -> LiveRules.read(Cloud.OPENSTACK, new AuditInput("os.json", row)))
                .hasMessage("input 'os.json' " + message);
    }

    @Test
    void openStackProtocolNumbersBeyondAByteAreRefusedNamingTheInput() {
        String row = "[{\"ID\": \"r1\", \"IP Protocol\": \"300\", \"Direction\": \"ingress\", \"Security Group\": \"g1\"}]";
        assertThatThrownBy(() -> LiveRules.read(Cloud.OPENSTACK, new AuditInput("os.json", row)))
                .hasMessageStartingWith("input 'os.json' rule r1 has IP Protocol '300': allowed a Neutron protocol name (")
                .hasMessageEndingWith("), a number 0..255, or null for any");
    }

    @Test
    void jsonNestedBeyondAnyListingIsRefusedBeforeTheReaderRunsOutOfStack() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThatThrownBy(() -> LiveRules.read(Cloud.OPENSTACK, new AuditInput("deep.json", deep)))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("input 'deep.json' nests JSON deeper than 64 levels: expected a security group listing");
    }

    @Test
    void aVpcIdThatIsNoVpcIdRefusesTheListingNamingTheField() {
        AuditInput input = new AuditInput("groups.json",
                "{\"SecurityGroups\": [{\"GroupId\": \"sg-1\", \"VpcId\": \"vpc-1\\\"); Runtime.getRuntime().halt(0); //\"}]}");
        assertThatThrownBy(() -> LiveRules.read(Cloud.AWS, input)).hasMessage("input 'groups.json': SecurityGroups[0].VpcId "
                + "'vpc-1\"); Runtime.getRuntime().halt(0); //' is invalid: expected vpc- and 8 or 17 hex digits "
                + "(vpc-0123456789abcdef0)");
    }
}
