package dev.portcullis.examples;

import dev.portcullis.core.Blueprint;
import dev.portcullis.core.Cidr;
import dev.portcullis.core.ClusterSpec;
import dev.portcullis.core.Direction;
import dev.portcullis.core.FirewallPolicy;
import dev.portcullis.core.FirewallRule;
import dev.portcullis.core.IpFamily;
import dev.portcullis.core.IpStack;
import dev.portcullis.core.NodeRole;
import dev.portcullis.core.Peer;
import dev.portcullis.core.PolicyCompiler;
import dev.portcullis.core.catalog.Catalog;
import dev.portcullis.core.render.Markdown;
import dev.portcullis.core.render.MermaidDiagram;
import dev.portcullis.core.render.NftablesRuleset;
import dev.portcullis.core.render.PortMatrix;
import dev.portcullis.core.render.PortsTool;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import dev.portcullis.aws.AwsBindingSyntax;
import dev.portcullis.core.Text;
import dev.portcullis.core.TextInputs;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code plan}: runs the example program under Pulumi's mock engine and prints what
 * {@code pulumi preview} would create, with a per-role port matrix. {@code plan diff} compares two
 * plans and lists what opens and what closes.
 */
@Command(name = "plan", mixinStandardHelpOptions = true, subcommands = PlanCommand.Diff.class,
        description = {"Runs the example Pulumi program under Pulumi's mock engine (no cloud, no CLI) and prints what "
                + "`pulumi preview` would create.", "Named peers you do not bind are shown with documentation ranges."})
final class PlanCommand implements Callable<Integer> {
    static final List<String> FORMATS = List.of("table", "markdown", "json", "nftables");

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--format", defaultValue = "table", paramLabel = "F", completionCandidates = Formats.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--role", paramLabel = "R", description = "the role whose host firewall --format nftables prints")
    String role;

    @Spec
    CommandSpec spec;

    /** Runs {@code plan …} as the command line would; for tests. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        String[] full = new String[args.length + 1];
        full[0] = "plan";
        System.arraycopy(args, 0, full, 1, args.length);
        return Cli.run(full, out, err);
    }

    @Override
    public Integer call() {
        if (!FORMATS.contains(format)) {
            throw new IllegalArgumentException("--format '" + Text.printable(format) + "' is unknown: allowed values are "
                    + String.join(", ", FORMATS));
        }
        if (role != null && !format.equals("nftables")) {
            throw new IllegalArgumentException("--role applies only to --format nftables, and the format is '" + format + "'");
        }
        Request request = request(cluster, cluster.options);
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("nftables")) {
            if (role == null) {
                throw new IllegalArgumentException("--format nftables needs --role: allowed values are " + String.join(", ",
                        request.spec().blueprint().roles().stream().map(NodeRole::name).toList()));
            }
            out.print(NftablesRuleset.render(PolicyCompiler.compile(request.spec()), NodeRole.of(role)));
            out.flush();
            return 0;
        }
        Plan plan = Plans.run(ClusterFirewall::stack, request.config());
        out.print(switch (format) {
            case "json" -> plan.toJson(header(request), attachments(request));
            case "markdown" -> markdown(request, plan);
            default -> table(request, plan);
        });
        out.flush();
        return 0;
    }

    /** For {@code ${COMPLETION-CANDIDATES}}: the one list of plan formats. */
    static final class Formats implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return FORMATS.iterator();
        }
    }

    /** {@code plan diff}: what opens, closes and changes against a saved plan or another option set. */
    @Command(name = "diff", mixinStandardHelpOptions = true,
            description = "Lists what opens, closes and changes between a saved or alternative plan and this one.")
    static final class Diff implements Callable<Integer> {
        @Mixin
        ClusterOptions cluster;

        @Option(names = "--format", defaultValue = "table", paramLabel = "F", description = "table or markdown (default: ${DEFAULT-VALUE})")
        String format;

        @Option(names = "--against", paramLabel = "PLAN.json", description = "a plan saved with --format json")
        Path against;

        @Option(names = "--against-options", paramLabel = "a,b", description = "the same cluster with this option set")
        String againstOptions;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (!List.of("table", "markdown").contains(format)) {
                throw new IllegalArgumentException("--format '" + Text.printable(format)
                        + "' does not apply to plan diff: allowed values are table, markdown");
            }
            if ((against == null) == (againstOptions == null)) {
                throw new IllegalArgumentException("plan diff needs exactly one of --against PLAN.json and --against-options a,b");
            }
            Request request = request(cluster, cluster.options);
            Plan plan = Plans.run(ClusterFirewall::stack, request.config());
            Plan base = against != null ? Plan.read(against)
                    : Plans.run(ClusterFirewall::stack, request(cluster, againstOptions).config());
            PrintWriter out = spec.commandLine().getOut();
            out.print(PlanDiff.render(base, plan, format));
            out.flush();
            return 0;
        }
    }

    /** The resolved inputs of one plan. */
    record Request(String cloud, String distribution, ClusterSpec spec, Map<String, String> config, String componentName,
            boolean placeholders) {}

    static Request request(ClusterOptions flags, String options) {
        Blueprint blueprint = Catalog.blueprint(flags.distribution());
        String cloud = flags.cloud();
        IpStack stack = flags.ipStack();
        Map<String, List<String>> peers = flags.peerBindings();
        boolean placeholders = false;
        int index = 0;
        for (String name : blueprint.externalPeers().keySet()) {
            if (!peers.containsKey(name)) {
                peers.put(name, placeholder(index, stack));
                placeholders = true;
            }
            index++;
        }
        String clusterName = flags.clusterName == null ? flags.distribution : TextInputs.clusterName(flags.clusterName);
        Map<String, String> config = new LinkedHashMap<>();
        config.put("portcullis:cloud", cloud);
        config.put("portcullis:distribution", flags.distribution);
        config.put("portcullis:clusterName", clusterName);
        config.put("portcullis:ipFamily", stack.configName());
        config.put("portcullis:peers", new com.google.gson.Gson().toJson(peers));
        if (flags.cni != null) {
            config.put("portcullis:cni", flags.cni);
        }
        if (options != null) {
            config.put("portcullis:options", options);
        }
        if (!flags.allowInternet.isEmpty()) {
            config.put("portcullis:allowInternet", String.join(",", flags.allowInternet));
        }
        config.put("portcullis:egress", flags.egress);
        config.put("portcullis:profile", flags.profile);
        if (cloud.equals("aws")) {
            config.put("portcullis:vpcId", flags.vpcId == null ? "vpc-00000000" : AwsBindingSyntax.vpcId(flags.vpcId));
        }
        ClusterSpec spec = flags.request(flags.optionList(options), peers).toSpec(flags.syntax());
        return new Request(cloud, flags.distribution, spec, config, clusterName + "-fw", placeholders);
    }

    /** A distinct documentation range per named peer (RFC 5737, RFC 3849): visibly not a real network. */
    static List<String> placeholder(int index, IpStack stack) {
        List<String> cidrs = new ArrayList<>();
        if (stack.includes(IpFamily.IPV4)) {
            cidrs.add(Cidr.parse("192.0.2." + (index % 16) * 16 + "/28").toString());
        }
        if (stack.includes(IpFamily.IPV6)) {
            cidrs.add("2001:db8:0:" + Integer.toHexString(index + 1) + "::/64");
        }
        return cidrs;
    }

    static Map<String, Object> header(Request request) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("distribution", request.distribution());
        header.put("cni", request.spec().cni());
        header.put("cloud", request.cloud());
        header.put("options", List.copyOf(request.spec().options()));
        header.put("ipFamily", request.spec().ipStack().configName());
        return header;
    }

    /** Role → the security groups (logical names) a node of that role carries. */
    static Map<String, List<String>> attachments(Request request) {
        FirewallPolicy policy = PolicyCompiler.compile(request.spec());
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (NodeRole role : request.spec().blueprint().roles()) {
            out.put(role.name(), policy.groupsFor(List.of(role)).stream()
                    .map(g -> request.componentName() + "-" + g.key()).toList());
        }
        return out;
    }

    private static String markdown(Request request, Plan plan) {
        FirewallPolicy policy = PolicyCompiler.compile(request.spec());
        StringBuilder out = new StringBuilder();
        out.append("### Portcullis plan: ").append(request.distribution()).append(" on ").append(request.cloud())
                .append("\n\nCNI `").append(request.spec().cni()).append("`, options ")
                .append(request.spec().options().isEmpty() ? "none" : request.spec().options().stream()
                        .map(o -> "`" + o + "`").collect(Collectors.joining(", ")))
                .append(", ").append(request.spec().ipStack().configName()).append(". ")
                .append(summary(plan)).append("\n\n");
        if (request.placeholders()) {
            out.append("> Named peers not given with `--peer` are shown with documentation ranges (192.0.2.0/24, 2001:db8::/32).\n\n");
        }
        for (String exposure : policy.allowedExposures()) {
            out.append("> [!WARNING]\n> Open to the whole internet by your choice: ").append(Markdown.text(exposure)).append("\n\n");
        }
        out.append("```mermaid\n").append(MermaidDiagram.render(policy)).append("```\n\n").append(PortMatrix.render(policy))
                .append("<details><summary>Resources</summary>\n\n| Type | Name |\n|---|---|\n");
        plan.resources().forEach(r -> out.append("| ").append(Markdown.code(r.type())).append(" | ").append(Markdown.code(r.name()))
                .append(" |\n"));
        return out.append("\n</details>\n").toString();
    }

    private static String table(Request request, Plan plan) {
        FirewallPolicy policy = PolicyCompiler.compile(request.spec());
        StringBuilder out = new StringBuilder();
        out.append("Portcullis plan: ").append(request.distribution()).append(" on ").append(request.cloud())
                .append(" (cni ").append(request.spec().cni()).append(", options ")
                .append(request.spec().options().isEmpty() ? "none" : String.join(",", request.spec().options()))
                .append(", ").append(request.spec().ipStack().configName()).append(")\n")
                .append(summary(plan)).append('\n');
        if (request.placeholders()) {
            out.append("Named peers not given with --peer use documentation ranges (192.0.2.0/24, 2001:db8::/32).\n");
        }
        for (String exposure : policy.allowedExposures()) {
            out.append("WARNING: open to the whole internet by your choice: ").append(Text.printable(exposure)).append('\n');
        }
        for (Peer.Nodes group : policy.groups()) {
            out.append('\n').append("Inbound to ").append(group.displayName()).append(":\n");
            List<String[]> rows = new ArrayList<>();
            for (FirewallRule rule : policy.rulesFor(group)) {
                if (rule.direction() == Direction.INGRESS) {
                    rows.add(new String[] {rule.protocol().displayName(), rule.ports().map(Object::toString).orElse("-"),
                            Text.printable(rule.peerLabel()), Text.printable(String.join("; ", rule.purposes()))});
                }
            }
            out.append(rows.isEmpty() ? "  (nothing beyond the groups above)\n" : columns(rows));
        }
        out.append("\nResources:\n");
        List<String[]> rows = new ArrayList<>();
        plan.resources().forEach(r -> rows.add(new String[] {"+", r.type(), r.name()}));
        return out.append(columns(rows)).toString();
    }

    static String summary(Plan plan) {
        Map<String, Long> byType = plan.resources().stream()
                .collect(Collectors.groupingBy(Plan.Resource::type, java.util.TreeMap::new, Collectors.counting()));
        return plan.resources().size() + " resources to create: " + byType.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().substring(e.getKey().lastIndexOf(':') + 1))
                .collect(Collectors.joining(", ")) + ".";
    }

    static String columns(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            out.append(' ');
            for (int i = 0; i < row.length; i++) {
                out.append(' ').append(i + 1 < row.length ? String.format("%-" + widths[i] + "s", row[i]) : row[i]);
            }
            out.append('\n');
        }
        return out.toString();
    }
}
