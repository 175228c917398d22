package dev.portcullis.component;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import dev.portcullis.core.Binding;
import dev.portcullis.core.BindingSyntax;
import dev.portcullis.core.ClusterRequest;
import dev.portcullis.core.Port;
import dev.portcullis.core.TextInputs;
import dev.portcullis.core.catalog.Catalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster fields both clouds' {@code ClusterSecurityGroupsArgs} share, as their nested
 * {@code cluster} input: distribution, CNI, options, peers and their bindings, user rules, egress,
 * profile, addressing. Plain fields (and {@link PeerBinding}s whose values are outputs), so Pulumi's
 * component provider can describe them to other languages. Java programs set them through each
 * cloud's flat builder ({@link Builder}).
 */
public final class ClusterArgs extends ResourceArgs {
    @Import(name = "clusterName", required = true)
    private String clusterName;
    @Import(name = "distribution", required = true)
    private String distribution;
    @Import(name = "cni")
    private String cni;
    @Import(name = "options")
    private List<String> options;
    @Import(name = "enableOptions")
    private List<String> enableOptions = new ArrayList<>();
    @Import(name = "ipFamily")
    private String ipFamily = "ipv4";
    @Import(name = "peers")
    private Map<String, List<PeerBinding>> peers = new LinkedHashMap<>();
    @Import(name = "allowInternet")
    private List<String> allowInternet = new ArrayList<>();
    @Import(name = "egress")
    private String egress = "allow-all";
    @Import(name = "extraRules")
    private List<UserRuleArgs> extraRules = new ArrayList<>();
    @Import(name = "profile")
    private String profile = "least-privilege";
    @Import(name = "nodeAddressing")
    private String nodeAddressing = "private";
    @Import(name = "publicAddresses")
    private Map<String, List<String>> publicAddresses = new LinkedHashMap<>();

    private ClusterArgs() {}

    /** A cluster with every field at its default, for a cloud's args to fill through {@link Builder}. */
    public static ClusterArgs empty() {
        return new ClusterArgs();
    }

    public String clusterName() { return clusterName; }
    /** A distribution of {@link Catalog#names()}. */
    public String distribution() { return distribution; }
    /** The CNI; empty means the blueprint's default. */
    public Optional<String> cni() { return Optional.ofNullable(cni); }
    /** Replaces the default option set when present; an empty list means no option. */
    public Optional<List<String>> options() { return Optional.ofNullable(options); }
    public List<String> enableOptions() { return enableOptions; }
    /** {@code ipv4}, {@code ipv6} or {@code dual}. */
    public String ipFamily() { return ipFamily; }
    /** Named peer → its bindings. */
    public Map<String, List<PeerBinding>> peers() { return peers; }
    public List<String> allowInternet() { return allowInternet; }
    /** {@code allow-all} (the default) or {@code restricted}. */
    public String egress() { return egress; }
    /** @throws IllegalArgumentException naming egress and its allowed values */
    public dev.portcullis.core.EgressMode egressMode() { return dev.portcullis.core.EgressMode.parse(egress); }
    public List<UserRuleArgs> extraRules() { return extraRules; }
    /** {@code least-privilege} (the default) or {@code compact}. */
    public String profile() { return profile; }
    /** {@code private} (the default) or {@code public}; see {@link dev.portcullis.core.NodeAddressing}. */
    public String nodeAddressing() { return nodeAddressing; }
    /** Role → its nodes' public (elastic, floating) IPs or CIDRs; required with nodeAddressing public. */
    public Map<String, List<String>> publicAddresses() { return publicAddresses; }

    /** The cluster part of these args, in the cloud-neutral form the core validates. */
    public ClusterRequest request() {
        Map<String, List<Binding>> bindings = new LinkedHashMap<>();
        peers.forEach((name, list) -> bindings.put(name, list.stream().map(PeerBinding::binding).toList()));
        return new ClusterRequest(distribution, cni(), options(), enableOptions, ipFamily, bindings, allowInternet,
                extraRules.stream().map(UserRuleArgs::toRule).toList(), nodeAddressing, publicAddresses, profile);
    }

    /**
     * The builder both clouds' args extend; each cloud supplies its args object and its text syntax.
     *
     * @param <A> the cloud's args
     * @param <B> the cloud's builder, returned by every setter
     */
    public abstract static class Builder<A extends CloudArgs, B extends Builder<A, B>> {
        protected final A args;
        private final ClusterArgs cluster;
        /** How this cloud writes bindings as text ({@code sg-…} on AWS, UUIDs on OpenStack). */
        private final BindingSyntax syntax;

        protected Builder(A args, BindingSyntax syntax) {
            this.args = args;
            this.cluster = args.cluster();
            this.syntax = syntax;
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        public B clusterName(String clusterName) {
            cluster.clusterName = clusterName;
            return self();
        }

        public B distribution(String distribution) {
            cluster.distribution = distribution;
            return self();
        }

        /** Copies every cluster field of a cloud-neutral request (distribution, CNI, options, peers…). */
        public B cluster(ClusterRequest request) {
            ClusterArgs a = cluster;
            a.distribution = request.distribution();
            a.cni = request.cni().orElse(null);
            a.options = request.options().map(List::copyOf).orElse(null);
            a.enableOptions = new ArrayList<>(request.enableOptions());
            a.ipFamily = request.ipFamily();
            a.peers = new LinkedHashMap<>();
            request.peers().forEach((name, list) -> a.peers.put(name, new ArrayList<>(list.stream().map(PeerBinding::of).toList())));
            a.allowInternet = new ArrayList<>(request.allowInternet());
            a.extraRules = new ArrayList<>(request.extraRules().stream().map(UserRuleArgs::of).toList());
            a.nodeAddressing = request.nodeAddressing();
            a.publicAddresses = new LinkedHashMap<>(request.publicAddresses());
            a.profile = request.profile();
            return self();
        }

        public B cni(String cni) {
            cluster.cni = cni;
            return self();
        }

        public B options(List<String> options) {
            cluster.options = List.copyOf(requireElements("options", requireNonNull("options", options)));
            return self();
        }

        public B enableOptions(String... options) {
            cluster.enableOptions.addAll(requireElements("enableOptions", java.util.Arrays.asList(options)));
            return self();
        }

        public B ipFamily(String ipFamily) {
            cluster.ipFamily = requireNonNull("ipFamily", ipFamily);
            return self();
        }

        /**
         * Binds a named peer to values written as text, parsed by this cloud's syntax; call again to
         * add more. No binding at all keeps the peer's ports closed.
         *
         * @throws IllegalArgumentException naming {@code peers.<name>[<index>]} if a value is in none of the cloud's forms
         */
        public B peer(String name, String... bindings) {
            requireNonNull("peer name", name);
            List<PeerBinding> list = cluster.peers.computeIfAbsent(name, n -> new ArrayList<>());
            for (String binding : bindings) {
                String field = "peers." + name + "[" + list.size() + "]";
                list.add(PeerBinding.of(syntax.parse(field, requireNonNull(field, binding))));
            }
            return self();
        }

        /** Binds each named peer to values written as text, as {@link #peer(String, String...)} does. */
        public B peers(Map<String, List<String>> peers) {
            peers.forEach((name, bindings) -> peer(name, bindings.toArray(String[]::new)));
            return self();
        }

        /** Binds a named peer to typed bindings, whose values may be other resources' outputs; call again to add more. */
        public B peer(String name, PeerBinding binding, PeerBinding... more) {
            requireNonNull("peer name", name);
            List<PeerBinding> list = cluster.peers.computeIfAbsent(name, n -> new ArrayList<>());
            List<PeerBinding> all = new ArrayList<>();
            all.add(binding);
            all.addAll(java.util.Arrays.asList(more));
            for (PeerBinding each : all) {
                if (each == null) {
                    throw new IllegalArgumentException("peers." + name + "[" + list.size() + "] is null: give a binding");
                }
                list.add(each);
            }
            return self();
        }

        /** Lets these named peers be bound to the whole internet for every port they reach; plans say so loudly. */
        public B allowInternet(String... peers) {
            cluster.allowInternet.addAll(requireElements("allowInternet", java.util.Arrays.asList(peers)));
            return self();
        }

        public B egress(String egress) {
            cluster.egress = requireNonNull("egress", egress);
            return self();
        }

        public B extraRule(UserRuleArgs rule) {
            cluster.extraRules.add(requireNonNull("extraRule", rule));
            return self();
        }

        /**
         * Admits {@code port} from a named peer (or a role, or {@code all-nodes}) to the nodes of
         * {@code roles} (all nodes when none is given), in the AWS CDK's words.
         */
        public B allowFrom(String peer, Port port, String... roles) {
            for (String to : roles.length == 0 ? new String[] {"all-nodes"} : roles) {
                extraRule(UserRuleArgs.of(peer, to, port.protocolText(), port.portsText().orElse(null), null));
            }
            return self();
        }

        /**
         * Admits {@code port} from a binding to the nodes of {@code roles}; the binding's label names the
         * peer it becomes ({@code PeerBinding.securityGroup(alb.id()).label("alb")}).
         *
         * @throws IllegalArgumentException if the binding has no label
         */
        public B allowFrom(PeerBinding source, Port port, String... roles) {
            String name = source.label().orElseThrow(() -> new IllegalArgumentException("allowFrom(binding, …) needs the "
                    + "binding's label to name its peer, e.g. PeerBinding.securityGroup(alb.id()).label(\"alb\")"));
            peer(name, source);
            return allowFrom(name, port, roles);
        }

        /** {@code least-privilege} (the default) or {@code compact}: all traffic between the cluster's nodes. */
        public B profile(String profile) {
            cluster.profile = requireNonNull("profile", profile);
            return self();
        }

        public B nodeAddressing(String addressing) {
            cluster.nodeAddressing = requireNonNull("nodeAddressing", addressing);
            return self();
        }

        public B publicAddresses(String role, String... addresses) {
            requireNonNull("publicAddresses role", role);
            for (int i = 0; i < addresses.length; i++) {
                requireNonNull("publicAddresses." + role + "[" + i + "]", addresses[i]);
            }
            cluster.publicAddresses.computeIfAbsent(role, r -> new ArrayList<>()).addAll(List.of(addresses));
            return self();
        }

        protected static <T> T requireNonNull(String field, T value) {
            if (value == null) {
                throw new IllegalArgumentException(field + " is null: give a value, or leave the field out for its default");
            }
            return value;
        }

        /** The list, each element checked as {@code field[index]}. */
        private static <T> List<T> requireElements(String field, List<T> values) {
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) == null) {
                    throw new IllegalArgumentException(field + "[" + i + "] is null: give a value");
                }
            }
            return values;
        }

        /**
         * Checks the fields every cloud needs, then the cloud's own ({@link #checkCloudFields}).
         *
         * @throws IllegalArgumentException naming the first missing or malformed field
         */
        public final A build() {
            ClusterArgs a = cluster;
            TextInputs.clusterName(a.clusterName);
            if (a.distribution == null) {
                throw new IllegalArgumentException("distribution is missing: allowed values are " + String.join(", ", Catalog.names()));
            }
            checkCloudFields(args);
            return args;
        }

        /** The cloud's own required fields (the AWS VPC id…). */
        protected void checkCloudFields(A args) {}
    }
}
