package dev.portcullis.openstack;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResourceOptions;
import dev.portcullis.component.FirewallComponent;
import java.util.List;
import java.util.Map;
import dev.portcullis.openstack.networking.SecGroup;
import dev.portcullis.openstack.networking.SecGroupRule;

/**
 * A Kubernetes cluster's Neutron security groups, from a Portcullis blueprint: one group per node
 * role plus an all-nodes group every node's port carries, node-to-node rules as remote-group rules
 * (one per enabled ethertype), CIDR peers as remote IP prefixes, address groups as remote address
 * groups.
 *
 * <p><b>Fixed IPs only.</b> A remote-group rule matches traffic from the fixed IPs of the member
 * ports, never from floating IPs. If nodes reach each other over floating IPs, set
 * {@code nodeAddressing("public")} and list each role's floating IPs in {@code publicAddresses}.
 *
 * <p>Groups are created with {@code deleteDefaultRules}: egress is explicit (allow-all by default,
 * one rule per family on the all-nodes group). Any change to a Neutron rule replaces it, so rule
 * names derive from what the rule admits and never from positions. The project quota is checked
 * before anything is registered.
 */
public final class ClusterSecurityGroups
        extends FirewallComponent<ClusterSecurityGroupsArgs, NeutronRulePlan.Fields, SecGroup, SecGroupRule> {
    public static final String TYPE = "portcullis:openstack:ClusterSecurityGroups";

    // The outputs, declared here for Pulumi's component provider (it reads a class's own fields only).
    @Export(name = "groupIds", refs = {Map.class, String.class, String.class}, tree = "[0,1,2]")
    private final Output<Map<String, String>> groupIds;
    @Export(name = "ruleIds", refs = {List.class, String.class}, tree = "[0,1]")
    private final Output<List<String>> ruleIds;
    @Export(name = "policyJson", refs = {String.class}, tree = "[0]")
    private final Output<String> policyJson;
    @Export(name = "portMatrix", refs = {String.class}, tree = "[0]")
    private final Output<String> portMatrix;

    public ClusterSecurityGroups(String name, ClusterSecurityGroupsArgs args, ComponentResourceOptions options) {
        super(TYPE, name, args, NeutronTranslator.INSTANCE, options);
        this.groupIds = groupIds();
        this.ruleIds = ruleIds();
        this.policyJson = policyJson();
        this.portMatrix = portMatrix();
    }
}
