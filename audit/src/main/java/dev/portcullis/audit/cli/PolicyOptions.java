package dev.portcullis.audit.cli;

import dev.portcullis.core.Blueprint;
import dev.portcullis.core.ClusterSpec;
import dev.portcullis.core.IpStack;
import dev.portcullis.core.catalog.Catalog;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Option;

/** The flags that choose the policy, as {@code plan} names them. */
final class PolicyOptions {
    @Option(names = "--distribution", required = true, paramLabel = "D", completionCandidates = Catalog.Names.class,
            description = "the distribution: ${COMPLETION-CANDIDATES}")
    String distribution;

    @Option(names = "--cni", paramLabel = "C", description = "the CNI (default: the distribution's)")
    String cni;

    @Option(names = "--options", paramLabel = "a,b",
            description = "replaces the default option set; '' means none")
    String options;

    @Option(names = "--ip-family", paramLabel = "F", defaultValue = "ipv4", description = "ipv4, ipv6 or dual (default: ${DEFAULT-VALUE})")
    String ipFamily;

    Blueprint blueprint() {
        return Catalog.blueprint(distribution);
    }

    /** The spec {@code plan} would build, so the audit holds the same policy. */
    ClusterSpec.Builder spec() {
        ClusterSpec.Builder spec = ClusterSpec.builder(blueprint()).ipStack(IpStack.parse(ipFamily));
        if (cni != null) {
            spec.cni(cni);
        }
        if (options != null) {
            spec.options(commaList(options));
        }
        return spec;
    }

    static List<String> commaList(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
