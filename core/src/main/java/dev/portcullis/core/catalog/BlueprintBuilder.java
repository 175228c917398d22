package dev.portcullis.core.catalog;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedSet;
import dev.portcullis.core.Blueprint;
import dev.portcullis.core.Cni;
import dev.portcullis.core.Condition;
import dev.portcullis.core.NodeRole;
import dev.portcullis.core.Option;
import dev.portcullis.core.Peer;
import dev.portcullis.core.Protocol;
import dev.portcullis.core.Requirement;
import dev.portcullis.core.SourceDeviation;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Writes a catalog as a readable list of flows; each flow with several ends becomes one requirement per pair. */
final class BlueprintBuilder {
    private final String distribution;
    private final String title;
    private final URI reference;
    private final List<NodeRole> roles = new ArrayList<>();
    private final List<Cni> cnis = new ArrayList<>();
    private String defaultCni;
    private final List<Option> options = new ArrayList<>();
    private final Map<String, String> peers = new LinkedHashMap<>();
    private final List<Requirement> requirements = new ArrayList<>();
    private final List<SourceDeviation> deviations = new ArrayList<>();

    BlueprintBuilder(String distribution, String title, String reference) {
        this.distribution = distribution;
        this.title = title;
        this.reference = URI.create(reference);
    }

    BlueprintBuilder roles(String... names) {
        for (String name : names) {
            roles.add(NodeRole.of(name));
        }
        return this;
    }

    BlueprintBuilder cni(String name, String description, String reference) {
        cnis.add(Cni.of(name, description, reference));
        return this;
    }

    BlueprintBuilder defaultCni(String name) {
        defaultCni = name;
        return this;
    }

    /** An opt-in option for any CNI. */
    BlueprintBuilder option(String name, String description, String reference) {
        options.add(new Option(name, description, ImmutableSortedSet.of(), Optional.empty(), false, URI.create(reference)));
        return this;
    }

    /** An opt-in option that only some CNIs support (e.g. Windows nodes). */
    BlueprintBuilder option(String name, List<String> cnis, String description, String reference) {
        options.add(new Option(name, description, ImmutableSortedSet.copyOf(cnis), Optional.empty(), false, URI.create(reference)));
        return this;
    }

    /** An option the distribution's docs call required or make the default. */
    BlueprintBuilder defaultOption(String name, String description, String reference) {
        options.add(new Option(name, description, ImmutableSortedSet.of(), Optional.empty(), true, URI.create(reference)));
        return this;
    }

    /** An option of one CNI, optionally one of mutually exclusive alternatives ({@code group}). */
    BlueprintBuilder cniOption(String cni, String name, String group, boolean byDefault, String description,
            String reference) {
        options.add(new Option(name, description, ImmutableSortedSet.of(cni), Optional.ofNullable(group), byDefault,
                URI.create(reference)));
        return this;
    }

    /** Alternatives for any CNI (e.g. a distribution's built-in flannel backends). */
    BlueprintBuilder exclusiveOption(String name, String group, boolean byDefault, String description, String reference) {
        options.add(new Option(name, description, ImmutableSortedSet.of(), Optional.of(group), byDefault, URI.create(reference)));
        return this;
    }

    BlueprintBuilder peer(String name, String description) {
        peers.put(name, description);
        return this;
    }

    /** The peer of {@link #podNetworkRouted}: the cluster's pod CIDRs. */
    static final String POD_NETWORK = "pod-network";

    BlueprintBuilder podNetworkPeer() {
        return peer(POD_NETWORK, "the cluster's pod CIDRs, when pods are routed between nodes without encapsulation");
    }

    /**
     * Without encapsulation, packets between pods on different nodes carry pod addresses, which no
     * group reference matches: admit the pod network to and from every node, all protocols (the
     * CNI's own advice, e.g. Cilium's "your network must allow routing of pod IPs").
     */
    BlueprintBuilder podNetworkRouted(Condition when, String reference) {
        return podNetworkRouted(Peer.allNodes(), when, reference);
    }

    /** As {@link #podNetworkRouted(Condition, String)}, for a distribution whose pod network spans some roles only. */
    BlueprintBuilder podNetworkRouted(Peer.Nodes nodes, Condition when, String reference) {
        String purpose = "pod traffic routed between nodes without encapsulation";
        return protocol(Protocol.ALL).from(Peer.external(POD_NETWORK)).to(nodes).purpose(purpose).when(when).cite(reference)
                .protocol(Protocol.ALL).from(nodes).to(Peer.external(POD_NETWORK)).purpose(purpose).when(when).cite(reference);
    }

    /** Records where the catalog departs from a source table, and the page that backs the decision. */
    BlueprintBuilder deviation(String source, String row, String decision, String reference) {
        deviations.add(new SourceDeviation(source, row, decision, URI.create(reference)));
        return this;
    }

    Flow tcp(String ports) {
        return new Flow(() -> Requirement.tcp(ports));
    }

    Flow udp(String ports) {
        return new Flow(() -> Requirement.udp(ports));
    }

    Flow protocol(Protocol protocol) {
        return new Flow(() -> Requirement.of(protocol));
    }

    Blueprint build() {
        return new Blueprint(distribution, title, ImmutableList.copyOf(roles), ImmutableList.copyOf(cnis), defaultCni,
                ImmutableList.copyOf(options), ImmutableMap.copyOf(peers), ImmutableList.copyOf(requirements), reference,
                ImmutableList.copyOf(deviations));
    }

    /** One row of a port table: sources × destinations share protocol, ports, purpose and citation. */
    final class Flow {
        private final java.util.function.Supplier<Requirement.Builder> start;
        private List<Peer> sources = List.of();
        private List<Peer> destinations = List.of();
        private String purpose;
        private Condition condition = Condition.ALWAYS;
        private String localOnly;
        private boolean publicClients;

        private Flow(java.util.function.Supplier<Requirement.Builder> start) {
            this.start = start;
        }

        Flow from(Peer... sources) {
            this.sources = List.of(sources);
            return this;
        }

        Flow to(Peer... destinations) {
            this.destinations = List.of(destinations);
            return this;
        }

        Flow purpose(String purpose) {
            this.purpose = purpose;
            return this;
        }

        Flow when(Condition condition) {
            this.condition = condition;
            return this;
        }

        Flow whenCni(String cni) {
            this.condition = Condition.cni(cni);
            return this;
        }

        Flow whenOption(String... options) {
            this.condition = Condition.option(options);
            return this;
        }

        Flow localOnly(String reason) {
            this.localOnly = reason;
            return this;
        }

        Flow publicClients() {
            this.publicClients = true;
            return this;
        }

        /** Ends the row with its official source and adds its requirements. */
        BlueprintBuilder cite(String url) {
            if (sources.isEmpty() || destinations.isEmpty()) {
                throw new IllegalStateException("flow '" + purpose + "' of " + distribution + " lacks from() or to()");
            }
            for (Peer source : sources) {
                for (Peer destination : destinations) {
                    Requirement.Builder requirement = start.get().from(source).to(destination).purpose(purpose)
                            .when(condition).reference(url);
                    if (localOnly != null) {
                        requirement.localOnly(localOnly);
                    }
                    if (publicClients) {
                        requirement.publicClients();
                    }
                    requirements.add(requirement.build());
                }
            }
            return BlueprintBuilder.this;
        }
    }
}
