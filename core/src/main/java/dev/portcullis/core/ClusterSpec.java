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
import java.util.TreeSet;

/**
 * A blueprint instantiated for one cluster: the CNI, the enabled options, what each named external
 * peer stands for, the IP families, and the user's own extra requirements. Built and validated by
 * {@link #builder(Blueprint)}; compile it with {@link PolicyCompiler#compile(ClusterSpec)}.
 *
 * @param bindings each external peer's CIDRs, prefix lists or groups; an empty list means "open to nobody"
 * @param internetAllowed external peers that may be bound to 0.0.0.0/0 or ::/0 for every port they reach
 * @param bindingsRequired false only for documentation, where named peers stay symbolic
 * @param profile least-privilege (the default) or compact
 */
public record ClusterSpec(
        Blueprint blueprint,
        String cni,
        ImmutableSortedSet<String> options,
        ImmutableSortedMap<String, ImmutableList<Peer>> bindings,
        IpStack ipStack,
        ImmutableSortedSet<String> internetAllowed,
        ImmutableList<Requirement> extraRequirements,
        boolean bindingsRequired,
        Profile profile) {

    public ClusterSpec {
        Objects.requireNonNull(blueprint, "blueprint");
        Objects.requireNonNull(cni, "cni");
        Objects.requireNonNull(ipStack, "ipStack");
        Objects.requireNonNull(profile, "profile");
        options = ImmutableSortedSet.copyOf(options);
        bindings = ImmutableSortedMap.copyOf(bindings);
        internetAllowed = ImmutableSortedSet.copyOf(internetAllowed);
        extraRequirements = ImmutableList.copyOf(extraRequirements);
    }

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
        private final Map<String, List<Peer>> bindings = new LinkedHashMap<>();
        private IpStack ipStack = IpStack.IPV4;
        private final List<String> internetAllowed = new ArrayList<>();
        private final List<Requirement> extraRequirements = new ArrayList<>();
        private boolean bindingsRequired = true;
        private Profile profile = Profile.LEAST_PRIVILEGE;

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

        /** Binds a named external peer; call again to add more. */
        public Builder bind(String peer, Peer... to) {
            return bind(peer, Arrays.asList(to));
        }

        public Builder bind(String peer, Collection<? extends Peer> to) {
            bindings.computeIfAbsent(Objects.requireNonNull(peer, "peer"), p -> new ArrayList<>()).addAll(List.copyOf(to));
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
            ImmutableSortedMap.Builder<String, ImmutableList<Peer>> bound = ImmutableSortedMap.naturalOrder();
            bindings.forEach((name, targets) -> {
                Blueprint.requireKnown("external peer of " + distribution, name, peerNames);
                for (Peer target : targets) {
                    checkBindingTarget(name, target);
                }
                bound.put(name, ImmutableList.sortedCopyOf(targets.stream().distinct().toList()));
            });
            for (String name : internetAllowed) {
                Blueprint.requireKnown("allowInternet peer of " + distribution, name, peerNames);
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
            return new ClusterSpec(blueprint, cni, ImmutableSortedSet.copyOf(chosen), bound.build(), ipStack,
                    ImmutableSortedSet.copyOf(internetAllowed), ImmutableList.copyOf(extraRequirements), bindingsRequired, profile);
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

        private void checkBindingTarget(String name, Peer target) {
            if (!(target instanceof Peer.CidrPeer || target instanceof Peer.PrefixListPeer
                    || target instanceof Peer.GroupPeer)) {
                throw new IllegalArgumentException("binding of external peer '" + name + "' to " + target.displayName()
                        + " is not allowed: bind it to CIDRs, prefix lists or existing groups");
            }
            if (target instanceof Peer.CidrPeer cidr && !ipStack.includes(cidr.cidr().family())) {
                throw new IllegalArgumentException("binding of external peer '" + name + "' to " + cidr.cidr()
                        + " is an " + cidr.cidr().family().label() + " CIDR, but ipFamily is '" + ipStack.configName()
                        + "': use " + ipStack.families().stream().map(IpFamily::label).toList()
                        + " CIDRs or set ipFamily to dual");
            }
        }
    }
}
