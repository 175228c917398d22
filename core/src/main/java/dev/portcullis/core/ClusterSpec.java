package dev.portcullis.core;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableSortedSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A blueprint instantiated for one cluster: the CNI, the enabled options, what each named external
 * peer is bound to, the IP families, how nodes address each other, and the user's own extra
 * requirements. Only {@link #builder(Blueprint)} makes one, and it validates everything, so a spec
 * that exists is valid. Compile it with {@link PolicyCompiler#compile(ClusterSpec)}.
 */
public final class ClusterSpec {
    private final Blueprint blueprint;
    private final String cni;
    private final ImmutableSortedSet<String> options;
    private final ImmutableSortedMap<String, ImmutableList<Binding>> bindings;
    private final IpStack ipStack;
    private final ImmutableSortedSet<String> internetAllowed;
    private final ImmutableList<Requirement> extraRequirements;
    private final boolean bindingsRequired;
    private final Profile profile;
    private final NodeAddressing nodeAddressing;
    private final PublicAddresses publicAddresses;

    private ClusterSpec(Builder b, ImmutableSortedSet<String> options,
            ImmutableSortedMap<String, ImmutableList<Binding>> bindings) {
        this.blueprint = b.blueprint;
        this.cni = b.cni;
        this.options = options;
        this.bindings = bindings;
        this.ipStack = b.ipStack;
        this.internetAllowed = ImmutableSortedSet.copyOf(b.internetAllowed);
        this.extraRequirements = ImmutableList.copyOf(b.extraRequirements);
        this.bindingsRequired = b.bindingsRequired;
        this.profile = b.profile;
        this.nodeAddressing = b.nodeAddressing;
        this.publicAddresses = new PublicAddresses(ImmutableSortedMap.copyOf(b.publicAddresses.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> ImmutableList.sortedCopyOf(
                        e.getValue().stream().distinct().toList())))));
    }

    public Blueprint blueprint() { return blueprint; }
    public String cni() { return cni; }
    /** The enabled options, sorted. */
    public ImmutableSortedSet<String> options() { return options; }
    /** Each named peer's bindings; an empty list means "open to nobody". */
    public ImmutableSortedMap<String, ImmutableList<Binding>> bindings() { return bindings; }
    public IpStack ipStack() { return ipStack; }
    /** Named peers whose bindings may be internet-wide (see {@link InternetExposure}) for every port they reach. */
    public ImmutableSortedSet<String> internetAllowed() { return internetAllowed; }
    public ImmutableList<Requirement> extraRequirements() { return extraRequirements; }
    /** False only for documentation, where named peers stay symbolic. */
    public boolean bindingsRequired() { return bindingsRequired; }
    public Profile profile() { return profile; }
    public NodeAddressing nodeAddressing() { return nodeAddressing; }
    /** Each role's public addresses; given only with {@link NodeAddressing#PUBLIC}. */
    public PublicAddresses publicAddresses() { return publicAddresses; }

    /** Starts from the blueprint's default CNI and its default options, IPv4, nothing bound. */
    public static Builder builder(Blueprint blueprint) {
        return new Builder(blueprint);
    }

    /** The blueprint's defaults with every named peer left symbolic: what the port documents show. */
    public static ClusterSpec documentation(Blueprint blueprint, String cni, Collection<String> options) {
        return builder(blueprint).cni(cni).options(options).leaveExternalPeersUnbound().build();
    }

    public String distribution() {
        return blueprint.distribution();
    }

    /** Validates as it builds: every error names the field, the bad value and what is allowed. */
    public static final class Builder {
        private final Blueprint blueprint;
        private String cni;
        private Optional<List<String>> options = Optional.empty();
        private final List<String> enabled = new ArrayList<>();
        private final List<String> disabled = new ArrayList<>();
        private final Map<String, List<Binding>> bindings = new LinkedHashMap<>();
        private IpStack ipStack = IpStack.IPV4;
        private final List<String> internetAllowed = new ArrayList<>();
        private final List<Requirement> extraRequirements = new ArrayList<>();
        private boolean bindingsRequired = true;
        private Profile profile = Profile.LEAST_PRIVILEGE;
        private NodeAddressing nodeAddressing = NodeAddressing.PRIVATE;
        private final Map<NodeRole, List<Cidr>> publicAddresses = new TreeMap<>();

        private Builder(Blueprint blueprint) {
            this.blueprint = Objects.requireNonNull(blueprint, "blueprint");
            this.cni = blueprint.defaultCni();
        }

        public Builder cni(String cni) {
            this.cni = Objects.requireNonNull(cni, "cni");
            return this;
        }

        /** Replaces the default option set; an empty collection means no option at all. */
        public Builder options(Collection<String> options) {
            this.options = Optional.of(List.copyOf(options));
            return this;
        }

        /** Adds options to the set, replacing a default that is an alternative to one of them. */
        public Builder enable(String... options) {
            enabled.addAll(Arrays.asList(options));
            return this;
        }

        /** Removes options from the set (a default one, typically). */
        public Builder disable(String... options) {
            disabled.addAll(Arrays.asList(options));
            return this;
        }

        /** Binds a named external peer to literal remotes ({@link Peer#cidr(String)}); call again to add more. */
        public Builder bind(String peer, Peer... to) {
            List<Binding> targets = new ArrayList<>();
            for (Peer target : to) {
                if (!(target instanceof Peer.Remote remote)) {
                    throw new IllegalArgumentException("binding of external peer '" + peer + "' to " + target.displayName()
                            + " is not allowed: bind it to CIDRs, prefix lists, address groups or existing groups");
                }
                targets.add(remote.binding());
            }
            return bind(peer, targets);
        }

        /** Binds a named external peer; call again to add more. An empty collection keeps its ports closed. */
        public Builder bind(String peer, Collection<Binding> to) {
            bindings.computeIfAbsent(Objects.requireNonNull(peer, "peer"), p -> new ArrayList<>()).addAll(List.copyOf(to));
            return this;
        }

        /** How nodes reach each other; {@link NodeAddressing#PUBLIC} needs {@link #publicAddresses}. */
        public Builder nodeAddressing(NodeAddressing addressing) {
            this.nodeAddressing = Objects.requireNonNull(addressing, "nodeAddressing");
            return this;
        }

        /** The public (elastic, floating) addresses of a role's nodes, as /32 or /128 (or wider) CIDRs. */
        public Builder publicAddresses(NodeRole role, Collection<Cidr> addresses) {
            publicAddresses.computeIfAbsent(Objects.requireNonNull(role, "role"), r -> new ArrayList<>())
                    .addAll(List.copyOf(addresses));
            return this;
        }

        public Builder ipStack(IpStack ipStack) {
            this.ipStack = Objects.requireNonNull(ipStack, "ipStack");
            return this;
        }

        /** Accepts binding this peer to the whole internet, whatever ports it reaches. */
        public Builder allowInternet(String peer) {
            internetAllowed.add(Objects.requireNonNull(peer, "peer"));
            return this;
        }

        /** Adds a flow of the user's own; it may name the blueprint's roles and new external peers. */
        public Builder extra(Requirement requirement) {
            extraRequirements.add(Objects.requireNonNull(requirement, "requirement"));
            return this;
        }

        /** Chooses between per-port rules (the default) and all traffic between the cluster's nodes. */
        public Builder profile(Profile profile) {
            this.profile = Objects.requireNonNull(profile, "profile");
            return this;
        }

        /** Lets named peers stay symbolic (for documents); cloud components refuse such a policy. */
        public Builder leaveExternalPeersUnbound() {
            bindingsRequired = false;
            return this;
        }

        /** @throws IllegalArgumentException naming the field, the bad value and what is allowed */
        public ClusterSpec build() {
            String distribution = blueprint.distribution();
            Blueprint.requireKnown("cni of " + distribution, cni, Blueprint.names(blueprint.cnis().stream().map(Cni::name)));
            TreeSet<String> chosen = new TreeSet<>(options.orElse(List.copyOf(blueprint.defaultOptions(cni))));
            for (String name : enabled) {
                Option option = knownOption(name);
                option.exclusiveGroup().ifPresent(group -> chosen.removeIf(other ->
                        blueprint.option(other).flatMap(Option::exclusiveGroup).equals(Optional.of(group))));
                chosen.add(name);
            }
            for (String name : disabled) {
                knownOption(name);
                chosen.remove(name);
            }
            Map<String, String> groupOwner = new LinkedHashMap<>();
            for (String name : chosen) {
                Option option = knownOption(name);
                if (!option.appliesTo(cni)) {
                    throw new IllegalArgumentException("option '" + name + "' of " + distribution + " applies only to cni "
                            + String.join(" or ", option.cnis()) + ", but cni is '" + cni + "'");
                }
                option.exclusiveGroup().ifPresent(group -> {
                    String other = groupOwner.putIfAbsent(group, name);
                    if (other != null) {
                        throw new IllegalArgumentException("options '" + other + "' and '" + name + "' of " + distribution
                                + " are alternatives (" + group + "): enable only one of them");
                    }
                });
            }
            // A group with a default is how the CNI carries pods between nodes: one must be chosen.
            for (Option option : blueprint.options()) {
                option.exclusiveGroup()
                        .filter(group -> option.enabledByDefault() && option.appliesTo(cni) && !groupOwner.containsKey(group))
                        .ifPresent(group -> {
                            throw new IllegalArgumentException("cni '" + cni + "' of " + distribution + " needs one of its "
                                    + group + " options: " + String.join(", ", blueprint.options().stream()
                                            .filter(o -> o.exclusiveGroup().equals(Optional.of(group)) && o.appliesTo(cni))
                                            .map(o -> o.name() + (o.enabledByDefault() ? " (the default)" : "")).toList()));
                        });
            }
            ImmutableSortedSet<String> peerNames = declaredPeers();
            ImmutableSortedMap.Builder<String, ImmutableList<Binding>> bound = ImmutableSortedMap.naturalOrder();
            bindings.forEach((name, targets) -> {
                Blueprint.requireKnown("external peer of " + distribution, Text.printable(name), peerNames);
                Map<String, Binding> byLabel = new LinkedHashMap<>();
                for (Binding target : targets) {
                    checkBindingTarget(name, target);
                    if (!target.isLiteral()) {
                        Binding other = byLabel.putIfAbsent(target.effectiveLabel(), target);
                        if (other != null && !other.equals(target)) {
                            throw new IllegalArgumentException("bindings of external peer '" + name + "' share the label '"
                                    + target.effectiveLabel() + "' (" + other + ", " + target
                                    + "): give each labelled or not-yet-known binding its own label");
                        }
                    }
                }
                bound.put(name, ImmutableList.sortedCopyOf(Binding.ORDER, targets.stream().distinct().toList()));
            });
            for (String name : internetAllowed) {
                Blueprint.requireKnown("allowInternet peer of " + distribution, Text.printable(name), peerNames);
            }
            for (Requirement extra : extraRequirements) {
                for (Peer end : List.of(extra.source(), extra.destination())) {
                    if (end instanceof Peer.RolePeer role && !blueprint.hasRole(role.role())) {
                        Blueprint.requireKnown("role in extra requirement '" + extra.purpose() + "'", role.role().name(),
                                Blueprint.names(blueprint.roles().stream().map(NodeRole::name)));
                    }
                }
                extra.condition().cni().ifPresent(c -> Blueprint.requireKnown("cni in extra requirement '"
                        + extra.purpose() + "'", c, Blueprint.names(blueprint.cnis().stream().map(Cni::name))));
                extra.condition().options().forEach(this::knownOption);
            }
            checkPublicAddresses();
            return new ClusterSpec(this, ImmutableSortedSet.copyOf(chosen), bound.build());
        }

        private void checkPublicAddresses() {
            if (nodeAddressing == NodeAddressing.PRIVATE && !publicAddresses.isEmpty()) {
                throw new IllegalArgumentException("publicAddresses are given for roles " + publicAddresses.keySet()
                        + ", but nodeAddressing is 'private': set nodeAddressing to public, or remove them");
            }
            publicAddresses.forEach((role, cidrs) -> {
                Blueprint.requireKnown("publicAddresses role of " + blueprint.distribution(), role.name(),
                        Blueprint.names(blueprint.roles().stream().map(NodeRole::name)));
                for (Cidr cidr : cidrs) {
                    if (!ipStack.includes(cidr.family())) {
                        throw new IllegalArgumentException("publicAddresses." + role + " " + cidr + " is an "
                                + cidr.family().label() + " address, but ipFamily is '" + ipStack.configName()
                                + "': give " + ipStack.families().stream().map(IpFamily::label).toList()
                                + " addresses, or set ipFamily to dual");
                    }
                }
            });
        }

        private Option knownOption(String name) {
            return blueprint.option(name).orElseThrow(() -> new IllegalArgumentException("option '" + name
                    + "' is unknown for " + blueprint.distribution() + ": allowed values are "
                    + String.join(", ", Blueprint.names(blueprint.options().stream().map(Option::name)))));
        }

        /** The blueprint's peers plus any new ones the user's extra requirements name. */
        private ImmutableSortedSet<String> declaredPeers() {
            ImmutableSortedSet.Builder<String> names = ImmutableSortedSet.naturalOrder();
            names.addAll(blueprint.externalPeers().keySet());
            for (Requirement extra : extraRequirements) {
                for (Peer end : List.of(extra.source(), extra.destination())) {
                    if (end instanceof Peer.ExternalPeer peer) {
                        names.add(peer.name());
                    }
                }
            }
            return names.build();
        }

        private void checkBindingTarget(String name, Binding target) {
            target.family().filter(f -> !ipStack.includes(f)).ifPresent(family -> {
                throw new IllegalArgumentException("binding of external peer '" + name + "' to " + target.displayValue()
                        + " is an " + family.label() + " CIDR, but ipFamily is '" + ipStack.configName()
                        + "': use " + ipStack.families().stream().map(IpFamily::label).toList()
                        + " CIDRs or set ipFamily to dual");
            });
        }
    }

    /**
     * The same spec with values that were unknown until deployment filled in, keyed by the remote's
     * {@linkplain Peer.Remote#key() key} ({@code ingress-clients.alb}). Each keeps its label, so the
     * rules keep their names; each value is checked against its kind as it is filled in.
     *
     * @throws IllegalArgumentException naming the peer and label of a value that does not fit its kind
     */
    public ClusterSpec withResolvedValues(Map<String, String> valuesByRemoteKey) {
        ImmutableSortedMap.Builder<String, ImmutableList<Binding>> resolved = ImmutableSortedMap.naturalOrder();
        bindings.forEach((name, list) -> resolved.put(name, list.stream().map(binding -> {
            Peer.Remote remote = Peer.remote(name, binding);
            String value = valuesByRemoteKey.get(remote.key());
            if (binding.value().isPresent() || value == null) {
                return binding;
            }
            try {
                return new Binding(binding.kind(), Optional.of(binding.effectiveLabel()), Optional.of(value), binding.maxEntries());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("peers." + name + "[" + binding.effectiveLabel() + "]: " + e.getMessage(), e);
            }
        }).collect(ImmutableList.toImmutableList())));
        Builder copy = new Builder(blueprint);
        copy.cni = cni;
        copy.ipStack = ipStack;
        copy.internetAllowed.addAll(internetAllowed);
        copy.extraRequirements.addAll(extraRequirements);
        copy.bindingsRequired = bindingsRequired;
        copy.profile = profile;
        copy.nodeAddressing = nodeAddressing;
        publicAddresses.byRole().forEach((role, cidrs) -> copy.publicAddresses.put(role, new ArrayList<>(cidrs)));
        return new ClusterSpec(copy, options, resolved.build());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClusterSpec other && blueprint.equals(other.blueprint) && cni.equals(other.cni)
                && options.equals(other.options) && bindings.equals(other.bindings) && ipStack == other.ipStack
                && internetAllowed.equals(other.internetAllowed) && extraRequirements.equals(other.extraRequirements)
                && bindingsRequired == other.bindingsRequired && profile == other.profile
                && nodeAddressing == other.nodeAddressing && publicAddresses.equals(other.publicAddresses);
    }

    @Override
    public int hashCode() {
        return Objects.hash(blueprint, cni, options, bindings, ipStack, internetAllowed, extraRequirements,
                bindingsRequired, profile, nodeAddressing, publicAddresses);
    }

    @Override
    public String toString() {
        return "ClusterSpec[" + distribution() + ", cni " + cni + ", options " + options + ", " + ipStack.configName()
                + ", bindings " + bindings + ", internetAllowed " + internetAllowed + ", " + extraRequirements.size()
                + " extra, " + profile + ", " + nodeAddressing.configName() + " " + publicAddresses.byRole() + "]";
    }
}
