package dev.portcullis.component;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import dev.portcullis.core.ClusterRequest;

/**
 * A rule of the user's own in {@link ClusterArgs#extraRules()}: plain fields, so
 * Pulumi's component provider can describe it to other languages. {@code from} and {@code to}
 * name a role, {@code all-nodes}, a named peer, a CIDR, a prefix list or a group id.
 */
public final class UserRuleArgs extends ResourceArgs {
    @Import(name = "from", required = true)
    private String from;
    @Import(name = "to", required = true)
    private String to;
    @Import(name = "protocol", required = true)
    private String protocol;
    @Import(name = "ports")
    private String ports;
    @Import(name = "description")
    private String description;

    private UserRuleArgs() {}

    /** {@code ports} only for tcp and udp; {@code description} may be null. */
    public static UserRuleArgs of(String from, String to, String protocol, String ports, String description) {
        UserRuleArgs rule = new UserRuleArgs();
        rule.from = from;
        rule.to = to;
        rule.protocol = protocol;
        rule.ports = ports;
        rule.description = description;
        return rule;
    }

    public static UserRuleArgs of(ClusterRequest.UserRule rule) {
        return of(rule.from(), rule.to(), rule.protocol(), rule.ports().orElse(null), rule.description());
    }

    /** The cloud-neutral form the core validates. */
    public ClusterRequest.UserRule toRule() {
        return ClusterRequest.UserRule.of(from, to, protocol, ports, description);
    }
}
