package dev.portcullis.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.core.Output;
import com.pulumi.test.PulumiTest;
import dev.portcullis.component.PeerBinding;
import dev.portcullis.component.testing.RecordingMocks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The component registers its args, so a preview shows them and a plan can name each rule's peer. */
class ComponentInputsTest {
    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    @Test
    void theComponentsInputsCarryThePeersWithTheirBindings() {
        var mocks = new RecordingMocks();
        PulumiTest.withMocks(mocks).runTest(ctx -> new ClusterSecurityGroups("fw", ClusterSecurityGroupsArgs.builder()
                .vpcId("vpc-0123abcd").clusterName("prod").distribution("rke2")
                .peer("admins", "192.0.2.0/24").peer("admins", PeerBinding.ipv4Cidr(Output.of("198.51.100.0/24")).label("vpn"))
                .peer("ingress-clients").peer("nodeport-clients").peer("monitoring").peer("pod-network")
                .build(), null)).throwOnError();
        Map<String, Object> inputs = mocks.inputs("fw");
        @SuppressWarnings("unchecked")
        Map<String, Object> cluster = (Map<String, Object>) inputs.get("cluster");
        assertThat(cluster).containsEntry("distribution", "rke2");
        assertThat(cluster.get("peers")).isEqualTo(Map.of(
                "admins", List.of(Map.of("kind", "ipv4-cidr", "value", "192.0.2.0/24"),
                        Map.of("kind", "ipv4-cidr", "value", "198.51.100.0/24", "label", "vpn")),
                "ingress-clients", List.of(), "nodeport-clients", List.of(), "monitoring", List.of(), "pod-network", List.of()));
    }
}
