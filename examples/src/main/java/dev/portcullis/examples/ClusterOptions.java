package dev.portcullis.examples;

import dev.portcullis.core.BindingSyntax;
import dev.portcullis.core.ClusterRequest;
import dev.portcullis.core.IpStack;
import dev.portcullis.core.Text;
import dev.portcullis.core.catalog.Catalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The cluster a plan is made for, as flags. Each flag is named after the {@code portcullis:*}
 * config key it stands for ({@code --ip-family} for {@code ipFamily}), so a plan on the command
 * line and a stack's config describe a cluster in the same words.
 */
final class ClusterOptions {
    @Option(names = "--distribution", paramLabel = "D",
            description = "the distribution: ${COMPLETION-CANDIDATES}", completionCandidates = Distributions.class)
    String distribution;

    @Option(names = "--cloud", defaultValue = "aws", paramLabel = "C", completionCandidates = Clouds.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    String cloud;

    @Option(names = "--cni", paramLabel = "CNI", description = "the CNI (default: the distribution's)")
    String cni;

    @Option(names = "--options", paramLabel = "a,b", description = "replaces the default option set ('' = none)")
    String options;

    @Option(names = "--ip-family", defaultValue = "ipv4", paramLabel = "F",
            description = "ipv4, ipv6 or dual (default: ${DEFAULT-VALUE})")
    String ipFamily;

    @Option(names = "--peer", paramLabel = "name=B,B", description = "binds a named peer (repeat per peer; name= binds nothing)")
    List<String> peers = new ArrayList<>();

    @Option(names = "--allow-internet", paramLabel = "PEER",
            description = "lets this peer be bound to the whole internet for every port it reaches (repeatable)")
    List<String> allowInternet = new ArrayList<>();

    @Option(names = "--egress", defaultValue = "allow-all", paramLabel = "E",
            description = "allow-all or restricted (default: ${DEFAULT-VALUE})")
    String egress;

    @Option(names = "--profile", defaultValue = "least-privilege", paramLabel = "P",
            description = "least-privilege or compact (default: ${DEFAULT-VALUE})")
    String profile;

    @Option(names = "--vpc-id", paramLabel = "ID", description = "the AWS VPC id (aws only)")
    String vpcId;

    @Option(names = "--cluster-name", paramLabel = "N", description = "the cluster name (default: the distribution)")
    String clusterName;

    /** What the placeholder bindings stood for, to say so in the plan's header. */
    record Placeholders(Map<String, List<String>> byPeer) {}

    /** Named peer → bindings; a repeated name is refused rather than silently replaced. */
    Map<String, List<String>> peerBindings() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String binding : peers) {
            Text.requirePrintable("--peer", binding);
            int eq = binding.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("--peer '" + binding + "' is malformed: expected name=B[,B…] (or name= for nothing)");
            }
            String name = binding.substring(0, eq);
            if (out.put(name, ClusterFirewall.commaList(binding.substring(eq + 1))) != null) {
                throw new IllegalArgumentException("--peer '" + name + "' is given twice: list all its bindings in one --peer "
                        + name + "=B,B");
            }
        }
        return out;
    }

    String distribution() {
        if (distribution == null) {
            throw new IllegalArgumentException("--distribution is required: allowed values are " + String.join(", ", Catalog.names()));
        }
        return distribution;
    }

    String cloud() {
        if (!ClusterFirewall.CLOUDS.contains(cloud)) {
            throw new IllegalArgumentException("--cloud '" + Text.printable(cloud) + "' is unknown: allowed values are "
                    + String.join(", ", ClusterFirewall.CLOUDS));
        }
        if (vpcId != null && !cloud.equals("aws")) {
            throw new IllegalArgumentException("--vpc-id applies only to --cloud aws, and the cloud is '" + cloud + "'");
        }
        return cloud;
    }

    BindingSyntax syntax() {
        return ClusterFirewall.syntax(cloud());
    }

    IpStack ipStack() {
        return IpStack.parse(ipFamily);
    }

    Optional<List<String>> optionList(String flagValue) {
        return Optional.ofNullable(flagValue).map(ClusterFirewall::commaList);
    }

    /** The request with every named peer the blueprint has bound: as given, or to a placeholder. */
    ClusterRequest request(Optional<List<String>> options, Map<String, List<String>> peers) {
        return new ClusterRequest(distribution, Optional.ofNullable(cni), options, List.of(), ipFamily,
                ClusterRequest.parsePeers(syntax(), peers),
                List.copyOf(allowInternet), List.of(), "private", Map.of(), profile);
    }

    /** For {@code ${COMPLETION-CANDIDATES}}: the clouds the example program deploys to. */
    static final class Clouds implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return ClusterFirewall.CLOUDS.iterator();
        }
    }

    /** For {@code ${COMPLETION-CANDIDATES}}: the catalog's distributions. */
    static final class Distributions implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Catalog.names().iterator();
        }
    }
}
