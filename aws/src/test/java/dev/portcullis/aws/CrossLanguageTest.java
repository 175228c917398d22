package dev.portcullis.aws;

import dev.portcullis.component.UserRuleArgs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.provider.internal.Metadata;
import com.pulumi.provider.internal.infer.ComponentAnalyzer;
import com.pulumi.provider.internal.properties.PropertyValue;
import com.pulumi.provider.internal.properties.PropertyValueSerializer;
import dev.portcullis.core.ClusterRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What Pulumi's component provider host would do to offer the component to other languages:
 * describe its args in a schema, and fill them from another program's inputs.
 */
class CrossLanguageTest {

    @Test
    void theComponentProviderCanDescribeTheArgs() {
        var schema = ComponentAnalyzer.generateSchema(new Metadata("portcullis-aws"), ClusterSecurityGroups.class);

        var component = schema.getResources().get("portcullis-aws:index:ClusterSecurityGroups");
        assertThat(component.getInputProperties()).containsOnlyKeys("vpcId", "cluster", "tags", "maxEntriesPerGroup",
                "maxGroupsPerInterface", "ownGroupsPerInterface");
        assertThat(component.getRequiredInputs()).containsExactlyInAnyOrder("vpcId", "cluster");
        assertThat(component.getProperties()).containsOnlyKeys("groupIds", "ruleIds", "policyJson", "portMatrix");
        var cluster = schema.getTypes().get("portcullis-aws:index:Cluster");
        assertThat(cluster.getProperties()).containsKeys("clusterName", "distribution", "cni", "options", "peers",
                "extraRules", "egress", "profile", "nodeAddressing", "publicAddresses", "allowInternet");
        assertThat(cluster.getRequired()).containsExactlyInAnyOrder("clusterName", "distribution");
        var binding = schema.getTypes().get("portcullis-aws:index:PeerBinding");
        assertThat(binding.getProperties()).containsOnlyKeys("kind", "value", "label", "maxEntries");
        assertThat(binding.getRequired()).containsExactlyInAnyOrder("kind", "value");
        var userRule = schema.getTypes().get("portcullis-aws:index:UserRule");
        assertThat(userRule.getProperties()).containsOnlyKeys("from", "to", "protocol", "ports", "description");
        assertThat(userRule.getRequired()).containsExactlyInAnyOrder("from", "to", "protocol");
    }

    @Test
    void extraRulesAreFilledFromAnotherLanguagesInputs() throws Exception {
        // Only fields pulumi-java 1.36.1 can deserialize: its deserializer does not yet fill a map
        // of lists (peers, publicAddresses), although the schema above describes them.
        PropertyValue inputs = PropertyValue.of(Map.of(
                "vpcId", PropertyValue.of("vpc-0123abcd"),
                "cluster", PropertyValue.of(Map.of(
                        "clusterName", PropertyValue.of("prod"),
                        "distribution", PropertyValue.of("rke2"),
                        "extraRules", PropertyValue.of(List.of(PropertyValue.of(Map.of(
                                "from", PropertyValue.of("admins"),
                                "to", PropertyValue.of("agent"),
                                "protocol", PropertyValue.of("tcp"),
                                "ports", PropertyValue.of("8443"),
                                "description", PropertyValue.of("dashboard")))))))));

        ClusterSecurityGroupsArgs args = PropertyValueSerializer.deserialize(inputs, ClusterSecurityGroupsArgs.class);

        assertThat(args.cluster().extraRules()).extracting(UserRuleArgs::toRule).containsExactly(
                ClusterRequest.UserRule.of("admins", "agent", "tcp", "8443", "dashboard"));
        assertThat(args.cluster().distribution()).isEqualTo("rke2");
    }

    @Test
    void aRuleWithoutARequiredFieldIsRefusedByNameBeforeTheComponentRuns() {
        PropertyValue inputs = PropertyValue.of(Map.of(
                "vpcId", PropertyValue.of("vpc-0123abcd"),
                "cluster", PropertyValue.of(Map.of(
                        "clusterName", PropertyValue.of("prod"),
                        "distribution", PropertyValue.of("k3s"),
                        "extraRules", PropertyValue.of(List.of(PropertyValue.of(Map.of(
                                "to", PropertyValue.of("agent"),
                                "protocol", PropertyValue.of("tcp"),
                                "ports", PropertyValue.of("8443")))))))));

        assertThatThrownBy(
                () -> PropertyValueSerializer.deserialize(inputs, ClusterSecurityGroupsArgs.class))
                .hasMessage("Missing required field from in type dev.portcullis.component.UserRuleArgs");
    }
}
