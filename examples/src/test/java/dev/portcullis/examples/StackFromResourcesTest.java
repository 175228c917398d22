package dev.portcullis.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.Context;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import dev.portcullis.component.testing.RecordingMocks;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The stack of {@link StackFromResources}, whose every binding is another resource's output, under
 * the mock engine in both modes: a preview of a new stack (no id known yet) registers exactly what the
 * update registers, under the same names.
 */
class StackFromResourcesTest {
    private static final String AWS_INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    private static final String AWS_GROUP = "aws:ec2/securityGroup:SecurityGroup";
    private static final String NEUTRON_RULE = "openstack:networking/secGroupRule:SecGroupRule";
    private static final String NEUTRON_GROUP = "openstack:networking/secGroup:SecGroup";

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    private static RecordingMocks update(Consumer<Context> program) {
        var mocks = new RecordingMocks().withCloudIds();
        PulumiTest.withMocks(mocks).runTest(program).throwOnError();
        PulumiTest.cleanup();
        return mocks;
    }

    private static RecordingMocks preview(Consumer<Context> program) {
        var mocks = RecordingMocks.unknownIds(resource -> true);
        PulumiTest.withOptions(TestOptions.builder().preview(true).build()).withMocks(mocks).runTest(program).throwOnError();
        PulumiTest.cleanup();
        return mocks;
    }

    private static List<String> registrations(RecordingMocks mocks) {
        return mocks.registered().stream().map(r -> r.type + " " + r.name).sorted().toList();
    }

    @Test
    void onAwsThePreviewRegistersEveryGroupAndRuleUnderTheNamesTheUpdateKeeps() {
        RecordingMocks update = update(StackFromResources::aws);
        RecordingMocks preview = preview(StackFromResources::aws);
        assertThat(registrations(preview)).isEqualTo(registrations(update));
        assertThat(update.names(AWS_GROUP)).contains("alb", "edge-all-nodes", "edge-server", "edge-agent");
        assertThat(update.names(AWS_INGRESS)).hasSize(11).contains("edge-all-nodes-in-tcp-443-ingress-clients.alb",
                "edge-server-in-tcp-6443-admins.office", "edge-server-in-tcp-2381-monitoring.scrapers",
                "edge-agent-in-tcp-10256-alb-health.alb-health");
        assertThat(update.inputs("edge-all-nodes-in-tcp-443-ingress-clients.alb"))
                .containsEntry("referencedSecurityGroupId", "sg-" + String.format("%08x", "alb".hashCode()));
        assertThat(update.inputs("edge-server-in-tcp-6443-admins.office")).containsEntry("cidrIpv4", "10.0.16.0/24");
        assertThat(update.inputs("edge-server-in-tcp-2381-monitoring.scrapers"))
                .containsEntry("prefixListId", "pl-" + String.format("%08x", "scrapers".hashCode()));
        assertThat(update.inputs("edge-agent-template")).containsKey("vpcSecurityGroupIds");
    }

    @Test
    void onOpenStackThePreviewRegistersEveryGroupAndRuleUnderTheNamesTheUpdateKeeps() {
        RecordingMocks update = update(StackFromResources::openstack);
        RecordingMocks preview = preview(StackFromResources::openstack);
        assertThat(registrations(preview)).isEqualTo(registrations(update));
        assertThat(update.names(NEUTRON_GROUP)).contains("lb", "edge-all-nodes", "edge-server", "edge-agent");
        assertThat(update.names(NEUTRON_RULE)).contains("edge-all-nodes-in-tcp-443-ingress-clients.lb-ipv4",
                "edge-server-in-tcp-6443-admins.office-ipv4", "edge-server-in-tcp-2381-monitoring.scrapers-ipv4");
        assertThat(update.inputs("edge-all-nodes-in-tcp-443-ingress-clients.lb-ipv4")).containsKey("remoteGroupId");
        assertThat(update.inputs("edge-server-in-tcp-6443-admins.office-ipv4")).containsEntry("remoteIpPrefix", "10.0.16.0/24");
        assertThat(update.inputs("edge-server-in-tcp-2381-monitoring.scrapers-ipv4")).containsKey("remoteAddressGroupId");
        assertThat(update.inputs("edge-server-port")).containsKeys("networkId", "fixedIps", "securityGroupIds");
    }
}
