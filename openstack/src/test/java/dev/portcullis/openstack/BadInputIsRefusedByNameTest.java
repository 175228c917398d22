package dev.portcullis.openstack;

import dev.portcullis.component.testing.RecordingMocks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Promise: bad input fails with one message naming the field, before any Neutron resource is registered. */
class BadInputIsRefusedByNameTest {
    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    private static String failure(ClusterSecurityGroupsArgs args) {
        var mocks = new RecordingMocks();
        TestResult result = PulumiTest.withMocks(mocks).runTest(ctx -> new ClusterSecurityGroups("os", args, null));
        assertThat(mocks.registered()).as("nothing may be registered when input is bad").isEmpty();
        Throwable error = result.exceptions().get(0);
        while (error.getCause() != null && !(error instanceof IllegalArgumentException)) {
            error = error.getCause();
        }
        return error.getMessage();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sg-0123abcd", "pl-0123abcd", "alb", "10.0.0.0_16", "0B1C4C8E-1D1E-4D6B-9B2A-8A1F0E6C2D3B"})
    void awsIdsAndWordsAreNotNeutronBindings(String binding) {
        assertThatThrownBy(() -> ClusterSecurityGroupsTest.rke2().peer("admins", binding))
                .hasMessageStartingWith("peers.admins[1] '" + binding + "' is not a binding this cloud knows: expected a CIDR");
    }

    @Test
    void neutronBindingsAreAcceptedInTheirOwnForms() {
        var mocks = new RecordingMocks();
        PulumiTest.withMocks(mocks).runTest(ctx -> new ClusterSecurityGroups("os", ClusterSecurityGroupsTest.rke2()
                .peer("admins", "0b1c4c8e-1d1e-4d6b-9b2a-8a1f0e6c2d3b", "address-group:1b1c4c8e-1d1e-4d6b-9b2a-8a1f0e6c2d3b")
                .build(), null)).throwOnError();
        assertThat(mocks.inputs("os-server-in-tcp-6443-group-0b1c4c8e-1d1e-4d6b-9b2a-8a1f0e6c2d3b-ipv4"))
                .containsEntry("remoteGroupId", "0b1c4c8e-1d1e-4d6b-9b2a-8a1f0e6c2d3b");
        assertThat(mocks.inputs("os-server-in-tcp-6443-address-group-1b1c4c8e-1d1e-4d6b-9b2a-8a1f0e6c2d3b-ipv4"))
                .containsEntry("remoteAddressGroupId", "1b1c4c8e-1d1e-4d6b-9b2a-8a1f0e6c2d3b");
    }

    @Test
    void publicAddressesOfTheWrongFamilyAreRefusedNotDropped() {
        assertThat(failure(ClusterSecurityGroupsTest.rke2().nodeAddressing("public").publicAddresses("server", "2001:db8::10")
                .publicAddresses("agent", "203.0.113.20").build()))
                .isEqualTo("publicAddresses.server 2001:db8::10/128 is an IPv6 address, but ipFamily is 'ipv4': give "
                        + "[IPv4] addresses, or set ipFamily to dual");
    }

    @Test
    void quotasAreNamedAsTheArgsNameThem() {
        assertThat(failure(ClusterSecurityGroupsTest.rke2().securityGroupsInUse(-1).build()))
                .isEqualTo("securityGroupsInUse -1 is out of range: allowed 0 or more");
    }
}
