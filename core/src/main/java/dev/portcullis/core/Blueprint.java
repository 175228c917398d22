package dev.portcullis.core;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedSet;
import java.net.URI;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A distribution's port catalog: its node roles in its own words, the CNIs and options its docs
 * condition ports on, the named external peers its flows mention, and every cited requirement.
 * Instantiate it with a {@link ClusterSpec} and compile that with {@link PolicyCompiler}.
 */
public record Blueprint(
        String distribution,
        String title,
        ImmutableList<NodeRole> roles,
        ImmutableList<Cni> cnis,
        String defaultCni,
        ImmutableList<Option> options,
        ImmutableMap<String, String> externalPeers,
        ImmutableList<Requirement> requirements,
        URI reference,
        ImmutableList<SourceDeviation> deviations) {

    /** A blueprint that departs from no source table. */
    public Blueprint(String distribution, String title, ImmutableList<NodeRole> roles, ImmutableList<Cni> cnis,
            String defaultCni, ImmutableList<Option> options, ImmutableMap<String, String> externalPeers,
            ImmutableList<Requirement> requirements, URI reference) {
        this(distribution, title, roles, cnis, defaultCni, options, externalPeers, requirements, reference, ImmutableList.of());
    }

    /** @throws IllegalArgumentException if the catalog refers to a role, CNI, option or peer it does not declare */
    public Blueprint {
        Objects.requireNonNull(distribution, "distribution");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(reference, "reference");
        roles = ImmutableList.copyOf(roles);
        cnis = ImmutableList.copyOf(cnis);
        options = ImmutableList.copyOf(options);
        externalPeers = ImmutableMap.copyOf(externalPeers);
        requirements = ImmutableList.copyOf(requirements);
        deviations = ImmutableList.copyOf(deviations);
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("roles of blueprint '" + distribution + "' are empty: declare at least one role");
        }
        ImmutableSortedSet<String> cniNames = names(cnis.stream().map(Cni::name));
        if (!cniNames.contains(defaultCni)) {
            throw new IllegalArgumentException("defaultCni '" + defaultCni + "' of blueprint '" + distribution
                    + "' is not one of its CNIs: " + String.join(", ", cniNames));
        }
        ImmutableSortedSet<String> optionNames = names(options.stream().map(Option::name));
        for (Option option : options) {
            option.cnis().forEach(c -> requireKnown("CNI of option " + option.name(), c, cniNames));
        }
        for (Requirement requirement : requirements) {
            String where = "requirement '" + requirement.purpose() + "' of blueprint '" + distribution + "'";
            for (Peer end : ImmutableList.of(requirement.source(), requirement.destination())) {
                if (end instanceof Peer.RolePeer role) {
                    requireKnown("role in " + where, role.role().name(), names(roles.stream().map(NodeRole::name)));
                }
                if (end instanceof Peer.ExternalPeer peer) {
                    requireKnown("external peer in " + where, peer.name(), ImmutableSortedSet.copyOf(externalPeers.keySet()));
                }
            }
            requirement.condition().cni().ifPresent(c -> requireKnown("CNI in " + where, c, cniNames));
            requirement.condition().options().forEach(o -> requireKnown("option in " + where, o, optionNames));
        }
    }

    public Optional<Option> option(String name) {
        return options.stream().filter(o -> o.name().equals(name)).findFirst();
    }

    public Optional<Cni> cni(String name) {
        return cnis.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public boolean hasRole(NodeRole role) {
        return roles.contains(role);
    }

    /** The options on by default with the given CNI, sorted. */
    public ImmutableSortedSet<String> defaultOptions(String cni) {
        return options.stream()
                .filter(o -> o.enabledByDefault() && o.appliesTo(cni))
                .map(Option::name)
                .collect(ImmutableSortedSet.toImmutableSortedSet(String::compareTo));
    }

    static ImmutableSortedSet<String> names(Stream<String> names) {
        return names.collect(ImmutableSortedSet.toImmutableSortedSet(String::compareTo));
    }

    static void requireKnown(String field, String value, Collection<String> allowed) {
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException(field + " '" + value + "' is unknown: allowed values are "
                    + (allowed.isEmpty() ? "(none)" : allowed.stream().sorted().collect(Collectors.joining(", "))));
        }
    }
}
