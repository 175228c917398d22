package dev.portcullis.core.render;

import dev.portcullis.core.Blueprint;
import dev.portcullis.core.ClusterSpec;
import dev.portcullis.core.FirewallPolicy;
import dev.portcullis.core.IpStack;
import dev.portcullis.core.PolicyCompiler;
import dev.portcullis.core.catalog.Catalog;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Command line over the catalog, without any cloud:
 * {@code matrix --distribution D [--cni C] [--options a,b] [--ip-family ipv4|ipv6|dual]
 * [--format markdown|mermaid|json]} prints a cluster's port matrix with named peers left symbolic;
 * {@code docs DIR} writes {@code DIR/<distribution>.md} for every distribution.
 */
public final class PortsTool {
    private static final List<String> FORMATS = List.of("markdown", "mermaid", "json");

    private PortsTool() {}

    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.out, System.err));
    }

    /** Exit code 0 on success, 2 on bad usage (with a one-line error). */
    static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            out.print(help());
            return 0;
        }
        try {
            switch (args[0]) {
                case "docs" -> {
                    if (args.length != 2) {
                        throw new IllegalArgumentException("docs takes one argument: the output directory");
                    }
                    writeDocs(Path.of(args[1]));
                    out.println("wrote " + Catalog.all().size() + " port documents to " + args[1]);
                }
                case "matrix" -> out.print(matrix(flags(Arrays.copyOfRange(args, 1, args.length))));
                default -> throw new IllegalArgumentException("command '" + args[0] + "' is unknown: allowed matrix, docs");
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
    }

    /** Writes every distribution's document; the committed ones must equal these (see the staleness test). */
    public static void writeDocs(Path directory) throws IOException {
        Files.createDirectories(directory);
        for (Blueprint blueprint : Catalog.all()) {
            Files.writeString(directory.resolve(blueprint.distribution() + ".md"), PortDocument.render(blueprint),
                    StandardCharsets.UTF_8);
        }
        Files.writeString(directory.resolve("README.md"), PortDocument.index(Catalog.all()), StandardCharsets.UTF_8);
    }

    private static String matrix(Map<String, String> flags) {
        String distribution = flags.get("distribution");
        if (distribution == null) {
            throw new IllegalArgumentException("--distribution is required: allowed values are "
                    + Catalog.all().stream().map(Blueprint::distribution).collect(Collectors.joining(", ")));
        }
        Blueprint blueprint = Catalog.blueprint(distribution);
        ClusterSpec.Builder spec = ClusterSpec.builder(blueprint).leaveExternalPeersUnbound();
        if (flags.containsKey("cni")) {
            spec.cni(flags.get("cni"));
        }
        if (flags.containsKey("options")) {
            String options = flags.get("options").trim();
            spec.options(options.isEmpty() ? List.of() : List.of(options.split("\\s*,\\s*")));
        }
        if (flags.containsKey("ip-family")) {
            spec.ipStack(IpStack.parse(flags.get("ip-family")));
        }
        FirewallPolicy policy = PolicyCompiler.compile(spec.build());
        String format = flags.getOrDefault("format", "markdown");
        return switch (format) {
            case "markdown" -> PortMatrix.render(policy);
            case "mermaid" -> MermaidDiagram.render(policy);
            case "json" -> PolicyJson.render(policy);
            default -> throw new IllegalArgumentException("--format '" + format + "' is unknown: allowed values are "
                    + String.join(", ", FORMATS));
        };
    }

    private static Map<String, String> flags(String[] args) {
        List<String> known = List.of("distribution", "cni", "options", "ip-family", "format");
        Map<String, String> flags = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.startsWith("--") ? arg.substring(2) : null;
            if (name == null || !known.contains(name)) {
                throw new IllegalArgumentException("flag '" + arg + "' is unknown: allowed --"
                        + String.join(", --", known));
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("flag '" + arg + "' needs a value");
            }
            flags.put(name, args[++i]);
        }
        return flags;
    }

    private static String help() {
        StringBuilder out = new StringBuilder("""
                Usage:
                  matrix --distribution D [--cni C] [--options a,b] [--ip-family ipv4|ipv6|dual] [--format markdown|mermaid|json]
                      Prints the port matrix of a cluster; named external peers stay symbolic.
                      --options replaces the default option set ('' means none).
                  docs DIR
                      Writes DIR/<distribution>.md for every distribution.

                """);
        return out.append(catalogSummary()).toString();
    }

    /** Every distribution with its CNIs, options and named peers, for {@code --help} texts. */
    public static String catalogSummary() {
        StringBuilder out = new StringBuilder("Distributions, CNIs (default first), options (* = in the default set):\n");
        for (Blueprint blueprint : Catalog.all()) {
            out.append("  ").append(blueprint.distribution()).append(": cni ").append(blueprint.defaultCni());
            blueprint.cnis().stream().map(c -> c.name()).filter(c -> !c.equals(blueprint.defaultCni()))
                    .forEach(c -> out.append(", ").append(c));
            out.append("\n    options: ").append(blueprint.options().stream()
                    .map(o -> o.name() + (o.enabledByDefault() ? "*" : "") + (o.cnis().isEmpty() ? "" : " (" + String.join(", ", o.cnis()) + ")"))
                    .collect(Collectors.joining(", ")))
                    .append("\n    named peers: ").append(String.join(", ", blueprint.externalPeers().keySet())).append('\n');
        }
        return out.toString();
    }
}
