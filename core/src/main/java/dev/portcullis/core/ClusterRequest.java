package dev.portcullis.core;

import dev.portcullis.core.catalog.Catalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A cluster described in plain strings, as Pulumi config and component args carry it; both cloud
 * components turn their args into this, and this into a validated {@link ClusterSpec}.
 *
 * @param options replaces the blueprint's default option set when present ({@code []} = none)
 * @param enableOptions added to the set, replacing the defaults they are alternatives to
 * @param peers named peer → its bindings (parse text with {@link #parsePeers})
 * @param nodeAddressing {@code private} or {@code public}
 * @param publicAddresses role → its nodes' public addresses, for {@link NodeAddressing#PUBLIC}
 * @param profile {@code least-privilege} or {@code compact}
 */
public record ClusterRequest(
        String distribution,
        Optional<String> cni,
        Optional<List<String>> options,
        List<String> enableOptions,
        String ipFamily,
        Map<String, List<Binding>> peers,
        List<String> allowInternet,
        List<UserRule> extraRules,
        String nodeAddressing,
        Map<String, List<String>> publicAddresses,
        String profile) {

    /**
     * A rule of the user's own, in plain strings as config and args carry them; {@link #toSpec}
     * validates each field by name ({@link TextInputs#requirement}), so any may be missing here.
     */
    public record UserRule(String from, String to, String protocol, Optional<String> ports, String description) {
        public UserRule {
            Objects.requireNonNull(ports, "ports");
        }

        /** {@code ports} may be null for protocols without ports; {@code description} may be null. */
        public static UserRule of(String from, String to, String protocol, String ports, String description) {
            return new UserRule(from, to, protocol, Optional.ofNullable(ports), description);
        }
    }

    public ClusterRequest {
        Objects.requireNonNull(distribution, "distribution");
        Objects.requireNonNull(cni, "cni");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(ipFamily, "ipFamily");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(nodeAddressing, "nodeAddressing");
        enableOptions = List.copyOf(enableOptions);
        peers = Map.copyOf(peers);
        allowInternet = List.copyOf(allowInternet);
        extraRules = List.copyOf(extraRules);
        publicAddresses = Map.copyOf(publicAddresses);
    }

    /**
     * Named peers' bindings from text, each parsed by the cloud's syntax; errors name
     * {@code peers.<name>[<index>]}.
     */
    public static Map<String, List<Binding>> parsePeers(BindingSyntax syntax, Map<String, List<String>> text) {
        Map<String, List<Binding>> out = new java.util.LinkedHashMap<>();
        text.forEach((name, values) -> {
            List<Binding> bound = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                bound.add(syntax.parse("peers." + name + "[" + i + "]", values.get(i)));
            }
            out.put(name, bound);
        });
        return out;
    }

    /**
     * The validated spec; user rules' literal ends are parsed with the cloud's syntax.
     *
     * @throws IllegalArgumentException naming the field, the bad value and what is allowed
     */
    public ClusterSpec toSpec(BindingSyntax syntax) {
        Blueprint blueprint = Catalog.blueprint(distribution);
        ClusterSpec.Builder spec = ClusterSpec.builder(blueprint).ipStack(IpStack.parse(ipFamily))
                .profile(Profile.parse(profile)).nodeAddressing(NodeAddressing.parse(nodeAddressing));
        cni.ifPresent(spec::cni);
        options.ifPresent(spec::options);
        spec.enable(enableOptions.toArray(String[]::new));
        peers.keySet().stream().sorted().forEach(name -> {
            List<Binding> bound = peers.get(name);
            for (int i = 0; i < bound.size(); i++) { // typed values too, whichever way they came: the cloud's forms
                Binding binding = bound.get(i);
                String field = "peers." + Text.printable(name) + "[" + binding.label().orElse(Integer.toString(i)) + "]";
                binding.value().ifPresent(value -> syntax.checkValue(field, binding.kind(), value));
            }
            spec.bind(name, bound);
        });
        allowInternet.forEach(spec::allowInternet);
        for (int i = 0; i < extraRules.size(); i++) {
            UserRule rule = extraRules.get(i);
            spec.extra(TextInputs.requirement("extraRules[" + i + "]", blueprint, peers.keySet(), syntax, rule.from(), rule.to(),
                    rule.protocol(), rule.ports().orElse(null), rule.description()));
        }
        publicAddresses.keySet().stream().sorted().forEach(name -> {
            if (!blueprint.hasRole(NodeRole.of(name))) {
                throw new IllegalArgumentException("publicAddresses role '" + name + "' is unknown: allowed values are "
                        + String.join(", ", blueprint.roles().stream().map(NodeRole::name).toList()));
            }
            List<String> addresses = publicAddresses.get(name);
            List<Cidr> cidrs = new ArrayList<>();
            for (int i = 0; i < addresses.size(); i++) {
                cidrs.add(TextInputs.address("publicAddresses." + name + "[" + i + "]", addresses.get(i)));
            }
            spec.publicAddresses(NodeRole.of(name), cidrs);
        });
        return spec.build();
    }
}
