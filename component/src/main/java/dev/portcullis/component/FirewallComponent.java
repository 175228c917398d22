package dev.portcullis.component;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;
import dev.portcullis.core.Binding;
import dev.portcullis.core.ClusterSpec;
import dev.portcullis.core.FirewallPolicy;
import dev.portcullis.core.NodeRole;
import dev.portcullis.core.Peer;
import dev.portcullis.core.PolicyCompiler;
import dev.portcullis.core.Text;
import dev.portcullis.core.render.PolicyJson;
import dev.portcullis.core.render.PortMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A Kubernetes cluster's security groups, whatever the cloud: the args compile once into a policy
 * (the exposure gate runs there), the cloud plans it (its quotas are checked there), and only then are
 * the groups registered, and then the rules, each named after what it admits. Values known only at
 * deployment go through the same gate when they resolve; every resource waits for that, so a value
 * the gate refuses creates nothing.
 *
 * <p>Each cloud's {@code ClusterSecurityGroups} extends this with its {@link CloudTranslator}.
 */
public abstract class FirewallComponent<A extends ResourceArgs & CloudArgs, F, G extends CustomResource, R extends CustomResource>
        extends ComponentResource {
    // The outputs; each cloud's component re-declares them as @Export fields, because Pulumi's component
    // provider describes only a class's own fields to other languages.
    private final Output<Map<String, String>> groupIds;
    private final Output<List<String>> ruleIds;
    private final Output<String> policyJson;
    private final Output<String> portMatrix;

    private final FirewallPolicy policy;
    private final Map<String, G> groups = new LinkedHashMap<>();
    private final Map<String, R> rules = new LinkedHashMap<>();
    private final Map<String, Output<String>> groupIdOutputs = new LinkedHashMap<>();

    protected FirewallComponent(String type, String name, A args, CloudTranslator<A, F, G, R> cloud,
            ComponentResourceOptions options) {
        // Planned before super registers the component, so bad input registers nothing at all.
        this(type, name, args, cloud, options, plan(args, cloud));
    }

    private FirewallComponent(String type, String name, A args, CloudTranslator<A, F, G, R> cloud,
            ComponentResourceOptions options, Planned<F> planned) {
        // The args go to the engine with the component: a preview shows them, and plans read peers' names there.
        super(type, name, args, options);
        this.policy = planned.policy();
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();

        Map<String, Output<String>> late = lateValues(args);
        // The policy again once late values are known, through the same gate; what outputs report.
        Output<FirewallPolicy> resolved = late.isEmpty() ? Output.of(policy)
                : Output.all(List.copyOf(late.values())).applyValue(values -> gate(args, cloud, planned.spec(),
                        List.copyOf(late.keySet()), values));
        Optional<Output<Boolean>> gate = late.isEmpty() ? Optional.empty() : Optional.of(resolved.applyValue(checked -> true));

        for (CloudPlan.Group group : planned.cloudPlan().groups()) {
            G resource = cloud.newGroup(name + "-" + group.key(), group, args, gate, child);
            groups.put(group.key(), resource);
            groupIdOutputs.put(group.key(), resource.id());
        }
        List<Output<String>> ids = new ArrayList<>();
        for (CloudPlan.Rule<F> rule : planned.cloudPlan().rules()) {
            R resource = cloud.newRule(name + "-" + rule.key(), rule, ends(rule, late), args, child);
            rules.put(rule.key(), resource);
            ids.add(resource.id());
        }
        this.ruleIds = Output.all(ids);
        List<String> keys = List.copyOf(groups.keySet());
        this.groupIds = Output.all(List.copyOf(groupIdOutputs.values())).applyValue(values -> {
            Map<String, String> byKey = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                byKey.put(keys.get(i), values.get(i));
            }
            return byKey;
        });
        this.policyJson = resolved.applyValue(PolicyJson::render);
        this.portMatrix = resolved.applyValue(PortMatrix::render);
        registerOutputs(Map.of("groupIds", groupIds, "ruleIds", ruleIds, "policyJson", policyJson, "portMatrix", portMatrix));
    }

    /** The spec, the compiled policy and the cloud's plan: everything decided before registering. */
    private record Planned<F>(ClusterSpec spec, FirewallPolicy policy, CloudPlan<F> cloudPlan) {}

    private static <A extends ResourceArgs & CloudArgs, F> Planned<F> plan(A args, CloudTranslator<A, F, ?, ?> cloud) {
        requireOwnNames(args);
        ClusterSpec spec = args.cluster().request().toSpec(cloud.syntax());
        FirewallPolicy policy = PolicyCompiler.compile(spec);
        return new Planned<>(spec, policy, cloud.plan(policy, args));
    }

    /**
     * Two bindings of one peer known only at deployment would share a name, and so one rule, that
     * only one of their values could fill: each needs its own label.
     */
    private static void requireOwnNames(CloudArgs args) {
        args.cluster().peers().forEach((name, list) -> {
            Map<String, PeerBinding> byKey = new TreeMap<>();
            for (PeerBinding binding : list) {
                Binding b = binding.binding();
                if (b.value().isEmpty()) {
                    PeerBinding other = byKey.putIfAbsent(Peer.remote(name, b).key(), binding);
                    if (other != null && other != binding) {
                        throw new IllegalArgumentException("peers." + Text.printable(name) + ": two " + b.kind().token()
                                + " bindings known only at deployment are both named '" + b.effectiveLabel()
                                + "': give each its own label, e.g. PeerBinding.ipv4Cidr(output).label(\"office\")");
                    }
                }
            }
        });
    }

    /** Remote key ({@code ingress-clients.alb}) → the output of each binding whose value is not known yet. */
    private static Map<String, Output<String>> lateValues(CloudArgs args) {
        Map<String, Output<String>> out = new TreeMap<>();
        args.cluster().peers().forEach((name, list) -> list.forEach(binding -> {
            Binding b = binding.binding();
            if (b.value().isEmpty()) {
                out.put(Peer.remote(name, b).key(), binding.value());
            }
        }));
        return out;
    }

    /**
     * The same checks as for values known at once, now that the late ones are known: each in the
     * cloud's form, then the whole policy again through the exposure gate and the cloud's quotas.
     */
    private static <A extends ResourceArgs & CloudArgs, F> FirewallPolicy gate(A args, CloudTranslator<A, F, ?, ?> cloud,
            ClusterSpec spec, List<String> keys, List<String> values) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            String value = values.get(i);
            String field = "peers." + key.substring(0, key.indexOf('.')) + "[" + key.substring(key.indexOf('.') + 1) + "]";
            if (value == null) {
                throw new IllegalArgumentException(field + " resolved to nothing: give the binding a value");
            }
            Binding.Kind kind = kindOf(spec, key);
            cloud.syntax().checkValue(field, kind, value);
            byKey.put(key, value);
        }
        FirewallPolicy resolved = PolicyCompiler.compile(spec.withResolvedValues(byKey));
        cloud.plan(resolved, args);
        return resolved;
    }

    private static Binding.Kind kindOf(ClusterSpec spec, String key) {
        return spec.bindings().entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(b -> Peer.remote(e.getKey(), b)))
                .filter(r -> r.key().equals(key)).findFirst().orElseThrow().binding().kind();
    }

    /**
     * A rule's ends. A late value comes from its own binding's output, so one value unknown in a preview
     * leaves the other rules known; the gate still goes first, since every rule waits for its group.
     */
    private CloudTranslator.RuleEnds ends(CloudPlan.Rule<?> rule, Map<String, Output<String>> late) {
        Output<String> own = groupIdOutputs.get(rule.groupKey());
        if (rule.remote().isEmpty()) {
            return new CloudTranslator.RuleEnds(own, Optional.empty(), Optional.empty(), Optional.empty());
        }
        Peer remote = rule.remote().get();
        if (remote instanceof Peer.Nodes nodes) {
            return new CloudTranslator.RuleEnds(own, Optional.of(groupIdOutputs.get(nodes.key())), Optional.empty(),
                    Optional.empty());
        }
        Peer.Remote bound = (Peer.Remote) remote;
        Output<String> value = bound.binding().value().map(Output::of).orElseGet(() -> late.get(bound.key()));
        return new CloudTranslator.RuleEnds(own, Optional.empty(), Optional.of(value), Optional.of(bound.binding().kind()));
    }

    /** Group key ({@code all-nodes} or a role) → security group id. */
    public Output<Map<String, String>> groupIds() {
        return groupIds;
    }

    /** Ids of every rule; resolves once all rules exist. */
    public Output<List<String>> ruleIds() {
        return ruleIds;
    }

    /** The compiled policy as JSON ({@link PolicyJson}): what {@code pulumi stack output} shows and tools read. */
    public Output<String> policyJson() {
        return policyJson;
    }

    /** The port matrix as Markdown: per group, what opens, from whom, why, and the page that says so. */
    public Output<String> portMatrix() {
        return portMatrix;
    }

    /** The compiled policy this component instantiates. */
    public FirewallPolicy policy() {
        return policy;
    }

    /** The groups, by key ({@code all-nodes} or a role), for users who attach more to them. */
    public Map<String, G> groups() {
        return Collections.unmodifiableMap(groups);
    }

    /** The rules, by the key their name ends with. */
    public Map<String, R> rules() {
        return Collections.unmodifiableMap(rules);
    }

    /**
     * The security group ids a node with these roles carries, resolving only once every rule exists,
     * so a launch template, instance or port that uses them starts after its firewall is in place.
     *
     * @throws IllegalArgumentException if no role is given or a role is unknown
     */
    public Output<List<String>> securityGroupIdsFor(String... roles) {
        List<String> keys = policy.groupsFor(Arrays.stream(roles).map(NodeRole::of).toList()).stream().map(Peer::key).toList();
        Output<List<String>> groupOutputs = Output.all(keys.stream().map(groupIdOutputs::get).toList());
        return Output.tuple(groupOutputs, ruleIds).applyValue(t -> t.t1);
    }
}
