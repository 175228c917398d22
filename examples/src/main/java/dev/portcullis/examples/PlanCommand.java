package dev.portcullis.examples;

import dev.portcullis.core.Blueprint;
import dev.portcullis.core.Cidr;
import dev.portcullis.core.ClusterSpec;
import dev.portcullis.core.FirewallPolicy;
import dev.portcullis.core.IpFamily;
import dev.portcullis.core.IpStack;
import dev.portcullis.core.NodeRole;
import dev.portcullis.core.PolicyCompiler;
import dev.portcullis.core.Text;
import dev.portcullis.core.catalog.Catalog;
import dev.portcullis.core.render.MermaidDiagram;
import dev.portcullis.core.render.NftablesRuleset;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code plan}: runs a Pulumi program under Pulumi's mock engine and prints what {@code pulumi preview}
 * would create: the bundled example from flags, or any program of your own ({@code --program}) with
 * its stack's config. {@code plan diff} compares two plans.
 */
@Command(name = "plan", mixinStandardHelpOptions = true, subcommands = PlanCommand.Diff.class,
        description = {"Runs a Pulumi program under Pulumi's mock engine (no cloud, no CLI) and prints what "
                + "`pulumi preview` would create: the example program, described by the flags below, or your own "
                + "(--program). Named peers you do not bind are shown with documentation ranges."})
final class PlanCommand implements Callable<Integer> {
    static final List<String> FORMATS = List.of("table", "markdown", "json", "nftables");

    @Mixin
    ClusterOptions cluster;

    @Mixin
    ProgramOptions program;

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
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("nftables")) {
            Request request = Request.of(cluster, program, Optional.empty());
            if (role == null) {
                throw new IllegalArgumentException("--format nftables needs --role: allowed values are " + String.join(", ",
                        request.spec().blueprint().roles().stream().map(NodeRole::name).toList()));
            }
            out.print(NftablesRuleset.render(PolicyCompiler.compile(request.spec()), NodeRole.of(role)));
            out.flush();
            return 0;
        }
        Subject subject = Subject.of(cluster, program, Optional.empty());
        Plan plan = subject.plan();
        FirewallView view = FirewallView.of(plan);
        out.print(switch (format) {
            case "json" -> plan.toJson(subject.header(), subject.attachments(), view);
            case "markdown" -> PlanText.markdown(subject.title(), subject.lines(), subject.warnings(view), subject.diagram(), view,
                    plan);
            default -> PlanText.table(subject.lines(), subject.warnings(view), view, plan);
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

    /** {@code --program}, {@code --classpath}, {@code --config}: a program of your own instead of the example. */
    static final class ProgramOptions {
        @Option(names = "--program", paramLabel = "Class::method",
                description = "your program: a static method taking com.pulumi.Context, e.g. com.acme.Infra::stack")
        String reference;

        @Option(names = "--classpath", paramLabel = "PATH", description = "your program's classes and jars (with --program)")
        String classpath;

        @Option(names = "--config", paramLabel = "Pulumi.STACK.yaml", description = "the stack's config file (with --program)")
        Path config;

        boolean given() {
            return reference != null;
        }

        void requireConsistent(ClusterOptions cluster) {
            if (reference == null && (classpath != null || config != null)) {
                throw new IllegalArgumentException("--classpath and --config apply only with --program");
            }
            if (reference != null && cluster.anyGiven()) {
                throw new IllegalArgumentException("--program takes the cluster from your program and its --config, so the "
                        + "example's flags (" + String.join(", ", cluster.config().keySet().stream()
                                .map(k -> "--" + ClusterOptions.kebab(k)).toList()) + ") do not apply");
            }
        }
    }

    /** {@code plan diff}: what opens, closes and changes against a saved plan or another option set. */
    @Command(name = "diff", mixinStandardHelpOptions = true,
            description = "Lists what opens, closes and changes between a saved or alternative plan and this one.")
    static final class Diff implements Callable<Integer> {
        @Mixin
        ClusterOptions cluster;

        @Mixin
        ProgramOptions program;

        @Option(names = "--format", defaultValue = "table", paramLabel = "F", description = "table or markdown (default: ${DEFAULT-VALUE})")
        String format;

        @Option(names = "--against", paramLabel = "PLAN.json", description = "a plan saved with --format json")
        Path against;

        @Option(names = "--against-options", paramLabel = "a,b", description = "the same cluster with this option set")
        String againstOptions;

        @Option(names = "--force", description = "compare plans of different distributions or clouds")
        boolean force;

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
            if (againstOptions != null && program.given()) {
                throw new IllegalArgumentException("--against-options applies to the example program; with --program, save the "
                        + "other version's plan with --format json and give it to --against");
            }
            Subject subject = Subject.of(cluster, program, Optional.empty());
            Plan plan = subject.plan();
            Plan base;
            Map<String, Object> baseHeader;
            if (against != null) {
                Plan.Saved saved = Plan.read(against);
                base = saved.plan();
                baseHeader = saved.header();
            } else {
                Subject other = Subject.of(cluster, program, Optional.of(againstOptions));
                base = other.plan();
                baseHeader = other.header();
            }
            if (!force) {
                for (String field : List.of("cloud", "distribution")) {
                    Object was = baseHeader.get(field);
                    Object now = subject.header().get(field);
                    if (was != null && now != null && !was.equals(now)) {
                        throw new IllegalArgumentException("the saved plan's " + field + " is '" + Text.printable(String.valueOf(was))
                                + "' and this one's is '" + now + "': a diff would list everything; give --force to compare anyway");
                    }
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            out.print(PlanDiff.render(base, plan, format));
            out.flush();
            return 0;
        }
    }

    /** What is planned: the example program from flags, or a program of your own. */
    interface Subject {
        Plan plan();

        String title();

        /** Lines under the title: what was planned, the placeholder ranges, allowed exposures. */
        List<String> lines();

        List<String> warnings(FirewallView view);

        /** The Mermaid diagram of the compiled policy, when there is one policy to draw. */
        String diagram();

        Map<String, Object> header();

        Map<String, List<String>> attachments();

        static Subject of(ClusterOptions cluster, ProgramOptions program, Optional<String> otherOptions) {
            program.requireConsistent(cluster);
            if (program.given()) {
                return new OwnProgram(program);
            }
            return new Example(Request.of(cluster, program, otherOptions));
        }
    }

    /** A program of your own, run as the Pulumi CLI would run it with its stack's config. */
    record OwnProgram(ProgramOptions options) implements Subject {
        @Override
        public Plan plan() {
            Map<String, String> config = options.config == null ? Map.of() : UserProgram.config(options.config);
            try (UserProgram.Loaded loaded = UserProgram.load(options.reference, options.classpath)) {
                return Plans.run(loaded.program(), config);
            } catch (IllegalStateException e) { // the program's own failure is a mistake in its input, not a defect here
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw new IllegalArgumentException("your program failed: " + Cli.oneLine(cause.getMessage() == null ? cause.toString()
                        : cause.getMessage()), e);
            }
        }

        @Override
        public String title() {
            return "Portcullis plan: " + options.reference;
        }

        @Override
        public List<String> lines() {
            return List.of("Portcullis plan of " + options.reference
                    + (options.config == null ? "" : " with " + options.config.getFileName()));
        }

        @Override
        public List<String> warnings(FirewallView view) {
            return view.warnings();
        }

        @Override
        public String diagram() {
            return "";
        }

        @Override
        public Map<String, Object> header() {
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("program", options.reference);
            return header;
        }

        @Override
        public Map<String, List<String>> attachments() {
            return Map.of();
        }
    }

    /** The example program, described by the flags. */
    record Example(Request request) implements Subject {
        @Override
        public Plan plan() {
            return Plans.run(ClusterFirewall::stack, request.config());
        }

        @Override
        public String title() {
            return "Portcullis plan: " + request.distribution() + " on " + request.cloud();
        }

        @Override
        public List<String> lines() {
            ClusterSpec spec = request.spec();
            List<String> lines = new ArrayList<>();
            lines.add(title() + " (cni " + spec.cni() + ", options " + (spec.options().isEmpty() ? "none"
                    : String.join(",", spec.options())) + ", " + spec.ipStack().configName() + ")");
            if (!request.placeholders().isEmpty()) {
                lines.add("Named peers not given with --peers stand for documentation ranges: " + request.placeholders().entrySet()
                        .stream().map(e -> e.getKey() + " " + String.join(" ", e.getValue())).collect(Collectors.joining(", ")));
            }
            return lines;
        }

        @Override
        public List<String> warnings(FirewallView view) {
            List<String> warnings = new ArrayList<>();
            PolicyCompiler.compile(request.spec()).allowedExposures()
                    .forEach(e -> warnings.add("open to the whole internet by your choice: " + e));
            warnings.addAll(view.warnings());
            return warnings;
        }

        @Override
        public String diagram() {
            return MermaidDiagram.render(PolicyCompiler.compile(request.spec()));
        }

        @Override
        public Map<String, Object> header() {
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("distribution", request.distribution());
            header.put("cni", request.spec().cni());
            header.put("cloud", request.cloud());
            header.put("options", List.copyOf(request.spec().options()));
            header.put("ipFamily", request.spec().ipStack().configName());
            return header;
        }

        /** Role → the security groups (logical names) a node of that role carries. */
        @Override
        public Map<String, List<String>> attachments() {
            FirewallPolicy policy = PolicyCompiler.compile(request.spec());
            Map<String, List<String>> out = new LinkedHashMap<>();
            for (NodeRole role : request.spec().blueprint().roles()) {
                out.put(role.name(), policy.groupsFor(List.of(role)).stream()
                        .map(g -> request.componentName() + "-" + g.key()).toList());
            }
            return out;
        }
    }

    /**
     * The resolved inputs of one plan of the example program.
     *
     * @param config fully qualified config keys, as the engine hands them to the program
     * @param placeholders the named peers the flags left unbound → the documentation ranges that stand for them
     */
    record Request(String cloud, String distribution, ClusterSpec spec, Map<String, String> config, String componentName,
            Map<String, List<String>> placeholders) {

        static Request of(ClusterOptions flags, ProgramOptions program, Optional<String> otherOptions) {
            program.requireConsistent(flags);
            if (program.given()) {
                throw new IllegalArgumentException("--format nftables needs the example's flags: with --program, plan "
                        + "your program as table, markdown or json");
            }
            Map<String, String> config = new LinkedHashMap<>(flags.config());
            otherOptions.ifPresent(o -> config.put("options", o));
            String distribution = flags.distribution().orElseThrow(() -> new IllegalArgumentException(
                    "--distribution is required (or --program): allowed values are " + String.join(", ", Catalog.names())));
            config.putIfAbsent("clusterName", distribution);
            if ("aws".equals(config.getOrDefault("cloud", "aws"))) {
                config.putIfAbsent("vpcId", "vpc-00000000");
            }
            ClusterFirewall.Settings settings = new ClusterFirewall.Settings(k -> Optional.ofNullable(config.get(k)),
                    distribution, "aws");
            Blueprint blueprint = Catalog.blueprint(settings.distribution());
            IpStack stack = IpStack.parse(settings.value("ipFamily").orElse("ipv4"));
            Map<String, List<String>> peers = ClusterFirewall.stringLists("peers", settings.value("peers"));
            Map<String, List<String>> placeholders = new LinkedHashMap<>();
            int index = 0;
            for (String name : blueprint.externalPeers().keySet()) {
                if (!peers.containsKey(name)) {
                    placeholders.put(name, placeholder(index, stack));
                    peers.put(name, placeholders.get(name));
                }
                index++;
            }
            config.put("peers", new com.google.gson.Gson().toJson(peers));
            ClusterSpec spec = settings.request().toSpec(ClusterFirewall.syntax(settings.cloud()));
            Map<String, String> qualified = new LinkedHashMap<>();
            config.forEach((key, value) -> qualified.put(ClusterFirewall.NAMESPACE + ":" + key, value));
            return new Request(settings.cloud(), distribution, spec, qualified, settings.clusterName() + "-fw", placeholders);
        }
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
}
