package dev.portcullis.aws;

import dev.portcullis.component.testing.RecordingMocks;
import dev.portcullis.component.UserRuleArgs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Promise: bad input fails with one message naming the field and what is allowed, before any resource
 * is registered. Each case here once failed some other way (a bare NullPointerException, a message
 * without the field, a value AWS would have refused only at deployment).
 */
class BadInputIsRefusedByNameTest {
    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    private static ClusterSecurityGroupsArgs.Builder rke2() {
        return ClusterSecurityGroupsArgs.builder().vpcId("vpc-0123abcd").clusterName("prod").distribution("rke2")
                .peer("admins", "192.0.2.0/24").peer("ingress-clients").peer("nodeport-clients").peer("monitoring")
                .peer("pod-network");
    }

    private static String failure(ClusterSecurityGroupsArgs args) {
        var mocks = new RecordingMocks();
        TestResult result = PulumiTest.withMocks(mocks).runTest(ctx -> new ClusterSecurityGroups("fw", args, null));
        assertThat(mocks.registered()).as("nothing may be registered when input is bad").isEmpty();
        Throwable error = result.exceptions().get(0);
        while (error.getCause() != null && !(error instanceof IllegalArgumentException)) {
            error = error.getCause();
        }
        return error.getMessage();
    }

    @Test
    void nullsAreNamed() {
        assertThatThrownBy(() -> rke2().peer("admins", (String) null))
                .hasMessage("peers.admins[1] is null: give a value, or leave the field out for its default");
        assertThatThrownBy(() -> rke2().ipFamily(null))
                .hasMessage("ipFamily is null: give a value, or leave the field out for its default");
    }

    @Test
    void quotasAreNamedAsTheArgsNameThem() {
        assertThat(failure(rke2().maxEntriesPerGroup(0).build()))
                .isEqualTo("maxEntriesPerGroup 0 is out of range: allowed 1..1000 (AWS default 60)");
        assertThat(failure(rke2().ownGroupsPerInterface(-1).build()))
                .isEqualTo("ownGroupsPerInterface -1 is out of range: allowed 0 or more");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x y;z", "vpc-1", "VPC-0123ABCD", "vpc-0123abcd\n", ""})
    void aVpcIdIsAVpcId(String id) {
        assertThatThrownBy(() -> rke2().vpcId(id)).hasMessageStartingWith("vpcId '")
                .hasMessageEndingWith("' is invalid: expected vpc- and 8 or 17 hex digits (vpc-0123456789abcdef0)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"alb", "10", "sg-ABC", "0b1c4c8e-1d1e-4d6b-9b2a-8a1f0e6c2d3b", "pl-xyz"})
    void aWordIsNeverTakenForAGroupId(String binding) {
        // Text is parsed by the cloud's syntax as the builder takes it: refused before a component exists.
        assertThatThrownBy(() -> rke2().peer("admins", binding)).hasMessageStartingWith("peers.admins[1] '" + binding
                + "' is not a binding this cloud knows: expected a CIDR");
    }

    @Test
    void aBareAddressGetsTheCidrItProbablyMeant() {
        assertThatThrownBy(() -> rke2().peer("admins", "10.0.0.1"))
                .hasMessage("peers.admins[1]: CIDR '10.0.0.1' has no prefix length: did you mean 10.0.0.1/32?");
    }

    @Test
    void publicAddressesOfTheWrongFamilyAreRefused() {
        assertThat(failure(rke2().nodeAddressing("public").publicAddresses("server", "2001:db8::10")
                .publicAddresses("agent", "203.0.113.20").build()))
                .isEqualTo("publicAddresses.server 2001:db8::10/128 is an IPv6 address, but ipFamily is 'ipv4': give "
                        + "[IPv4] addresses, or set ipFamily to dual");
    }

    @Test
    void publicAddressesWithPrivateAddressingAreRefusedRatherThanIgnored() {
        assertThat(failure(rke2().publicAddresses("server", "203.0.113.10").build()))
                .isEqualTo("publicAddresses are given for roles [server], but nodeAddressing is 'private': set nodeAddressing "
                        + "to public, or remove them");
    }

    @Test
    void controlCharactersInTagsAndDescriptionsAreRefused() {
        assertThat(failure(rke2().tags(java.util.Map.of("team", "a\nb")).build()))
                .isEqualTo("tags.team holds a control character (U+000A at index 1): use printable text on one line");
        assertThat(failure(rke2().extraRule(UserRuleArgs.of("admins", "server", "tcp", "22", "ssh\n  ip saddr 0.0.0.0/0 accept"))
                .build())).startsWith("extraRules[0]: description holds a control character (U+000A at index 3)");
    }

    @Test
    void aRepeatedLabelOrAnAddressGroupHasNoAwsForm() {
        assertThatThrownBy(() -> rke2().peer("admins", "address-group:0b1c4c8e-1d1e-4d6b-9b2a-8a1f0e6c2d3b"))
                .hasMessageStartingWith("peers.admins[1] 'address-group:0b1c4c8e-1d1e-4d6b-9b2a-8a1f0e6c2d3b' is not a binding this cloud knows");
    }
}
