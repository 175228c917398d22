package dev.portcullis.component;

import com.pulumi.core.Output;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;
import dev.portcullis.core.Binding;
import dev.portcullis.core.PatternSyntax;
import dev.portcullis.core.FirewallPolicy;
import java.util.Optional;

/**
 * All a cloud adds to the shared component: its text syntax for bindings, the form of its ids, a
 * pure plan with its quotas, and the two resources it registers. Adding a cloud means one module
 * implementing this, and one component class handing it to {@link FirewallComponent}.
 *
 * @param <A> the cloud's args
 * @param <F> the cloud's rule fields in a {@link CloudPlan}
 * @param <G> the cloud's security group resource
 * @param <R> the cloud's rule resource
 */
public interface CloudTranslator<A extends ResourceArgs & CloudArgs, F, G extends CustomResource, R extends CustomResource> {
    /**
     * How config and the command line write bindings for this cloud; the same forms check a value known
     * only at deployment.
     */
    PatternSyntax syntax();

    /**
     * The groups and rules for a compiled policy; pure, so it can run before anything is registered.
     *
     * @throws IllegalArgumentException over a quota, or for a binding the cloud cannot express
     */
    CloudPlan<F> plan(FirewallPolicy policy, A args);

    /**
     * Registers one group. {@code gate}, present when some value is known only at deployment, resolves once
     * those values passed the checks; the group must wait for it, so that a refused value creates nothing.
     */
    G newGroup(String name, CloudPlan.Group group, A args, Optional<Output<Boolean>> gate, CustomResourceOptions options);

    /** Registers one rule with its ends resolved to outputs. */
    R newRule(String name, CloudPlan.Rule<F> rule, RuleEnds ends, A args, CustomResourceOptions options);

    /**
     * The ends of a rule as outputs: its own group's id, and at most one remote: a group of the
     * cluster, or a bound value that passed the gate.
     */
    record RuleEnds(Output<String> securityGroupId, Optional<Output<String>> remoteGroupId,
            Optional<Output<String>> remoteValue, Optional<Binding.Kind> remoteKind) {}
}
