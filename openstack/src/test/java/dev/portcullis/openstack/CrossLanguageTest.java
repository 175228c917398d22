package dev.portcullis.openstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.provider.internal.Metadata;
import com.pulumi.provider.internal.infer.ComponentAnalyzer;
import org.junit.jupiter.api.Test;

/** Pulumi's component provider host can describe the args, to offer the component to other languages. */
class CrossLanguageTest {

    @Test
    void theComponentProviderCanDescribeTheArgs() {
        var schema = ComponentAnalyzer.generateSchema(new Metadata("portcullis-openstack"), ClusterSecurityGroups.class);

        var component = schema.getResources().get("portcullis-openstack:index:ClusterSecurityGroups");
        assertThat(component.getInputProperties()).containsOnlyKeys("cluster", "tags", "region", "maxSecurityGroups",
                "maxSecurityGroupRules", "securityGroupsInUse", "securityGroupRulesInUse");
        assertThat(component.getRequiredInputs()).containsExactlyInAnyOrder("cluster");
        assertThat(component.getProperties()).containsOnlyKeys("groupIds", "ruleIds", "policyJson", "portMatrix");
        var cluster = schema.getTypes().get("portcullis-openstack:index:Cluster");
        assertThat(cluster.getProperties()).containsKeys("clusterName", "distribution", "peers", "extraRules", "egress");
        var binding = schema.getTypes().get("portcullis-openstack:index:PeerBinding");
        assertThat(binding.getProperties()).containsOnlyKeys("kind", "value", "label", "maxEntries");
        var userRule = schema.getTypes().get("portcullis-openstack:index:UserRule");
        assertThat(userRule.getProperties()).containsOnlyKeys("from", "to", "protocol", "ports", "description");
        assertThat(userRule.getRequired()).containsExactlyInAnyOrder("from", "to", "protocol");
    }
}
