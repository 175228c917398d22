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
        assertThat(component.getInputProperties()).containsKeys("clusterName", "distribution", "peers", "extraRules",
                "egress", "region", "maxSecurityGroupRules", "securityGroupRulesInUse");
        assertThat(component.getRequiredInputs()).containsExactlyInAnyOrder("clusterName", "distribution");
        var userRule = schema.getTypes().get("portcullis-openstack:index:UserRule");
        assertThat(userRule.getProperties()).containsOnlyKeys("from", "to", "protocol", "ports", "description");
        assertThat(userRule.getRequired()).containsExactlyInAnyOrder("from", "to", "protocol");
    }
}
