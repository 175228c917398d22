package dev.portcullis.examples;

import dev.portcullis.core.Blueprint;
import dev.portcullis.core.Cidr;
import dev.portcullis.core.ClusterRequest;
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
import dev.portcullis.core.render.MermaidDiagram;
import dev.portcullis.core.render.NftablesRuleset;
import dev.portcullis.core.render.PortMatrix;
import dev.portcullis.core.render.PortsTool;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code plan}: runs the example program under Pulumi's mock engine and prints what
 * {@code pulumi preview} would create, with a per-role port matrix. {@code plan diff} compares two
 * plans and lists what opens and what closes.
 */
final class PlanCommand {
    static final List<String> FORMATS = List.of("table", "markdown", "json", "nftables");
    private static final List<String> FLAGS = List.of("distribution", "cloud", "cni", "options", "ip-family", "format",
            "peer", "egress", "vpc-id", "cluster-name", "against", "against-options", "role", "profile");

    private PlanCommand() {}

    /** The resolved inputs of one plan. */
    record Request(String cloud, String distribution, ClusterSpec spec, Map<String, String> config, String componentName,
            boolean placeholders) {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            boolean diff = args.length > 0 && args[0].equals("diff");
            Map<String, List<String>> flags = flags(diff ? java.util.Arrays.copyOfRange(args, 1, args.length) : args);
            if (flags.containsKey("help")) {
                out.print(help());
                return 0;
            }
            Request request = request(flags, "options");
            String format = single(flags, "format").orElse("table");
            if (!FORMATS.contains(format)) {
                throw new IllegalArgumentException("--format '" + format + "' is unknown: allowed values are "
                        + String.join(", ", FORMATS));
            }
            if (format.equals("nftables")) {
                String role = single(flags, "role").orElseThrow(() -> new IllegalArgumentException(
                        "--format nftables needs --role: allowed values are " + String.join(", ",
                                request.spec().blueprint().roles().stream().map(NodeRole::name).toList())));
                out.print(NftablesRuleset.render(PolicyCompiler.compile(request.spec()), NodeRole.of(role)));
                return 0;
            }
            Plan plan = Plans.run(ClusterFirewall::stack, request.config());
            if (diff) {
                Plan base;
                if (flags.containsKey("against")) {
                    base = Plan.fromJson(Files.readString(Path.of(single(flags, "against").orElseThrow()), StandardCharsets.UTF_8));
                } else if (flags.containsKey("against-options")) {
                    base = Plans.run(ClusterFirewall::stack, request(flags, "against-options").config());
                } else {
                    throw new IllegalArgumentException("plan diff needs --against FILE.json or --against-options a,b");
                }
                out.print(PlanDiff.render(base, plan, format));
                return 0;
            }
            out.print(switch (format) {
                case "json" -> plan.toJson(header(request), attachments(request));
                case "markdown" -> markdown(request, plan);
                default -> table(request, plan);
            });
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage().lines().findFirst().orElse(""));
            return 2;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
    }

    static Request request(Map<String, List<String>> flags, String optionsFlag) {
        String distribution = single(flags, "distribution").orElseThrow(() -> new IllegalArgumentException(
                "--distribution is required: allowed values are "
                        + Catalog.all().stream().map(Blueprint::distribution).collect(Collectors.joining(", "))));
        Blueprint blueprint = Catalog.blueprint(distribution);
        String cloud = single(flags, "cloud").orElse("aws");
        if (!ClusterFirewall.CLOUDS.contains(cloud)) {
            throw new IllegalArgumentException("--cloud '" + cloud + "' is unknown: allowed values are aws, openstack");
        }
        IpStack stack = IpStack.parse(single(flags, "ip-family").orElse("ipv4"));
        Map<String, List<String>> peers = new LinkedHashMap<>();
        for (String binding : flags.getOrDefault("peer", List.of())) {
            int eq = binding.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("--peer '" + binding + "' is malformed: expected name=CIDR[,CIDR…] (or name= for nothing)");
            }
            peers.put(binding.substring(0, eq), ClusterFirewall.commaList(binding.substring(eq + 1)));
        }
        boolean placeholders = false;
        int index = 0;
        for (String name : blueprint.externalPeers().keySet()) {
            if (!peers.containsKey(name)) {
                peers.put(name, placeholder(index, stack));
                placeholders = true;
            }
            index++;
        }
        String clusterName = single(flags, "cluster-name").orElse(distribution);
        Map<String, String> config = new LinkedHashMap<>();
        config.put("portcullis:cloud", cloud);
        config.put("portcullis:distribution", distribution);
        config.put("portcullis:clusterName", clusterName);
        config.put("portcullis:ipFamily", stack.configName());
        config.put("portcullis:peers", com.google.gson.JsonParser.parseString(new com.google.gson.Gson().toJson(peers)).toString());
        single(flags, "cni").ifPresent(c -> config.put("portcullis:cni", c));
        single(flags, optionsFlag).ifPresent(o -> config.put("portcullis:options", o));
        single(flags, "egress").ifPresent(e -> config.put("portcullis:egress", e));
        single(flags, "profile").ifPresent(p -> config.put("portcullis:profile", p));
        if (cloud.equals("aws")) {
            config.put("portcullis:vpcId", single(flags, "vpc-id").orElse("vpc-0plan"));
        }
        ClusterSpec spec = new ClusterRequest(distribution, single(flags, "cni"),
                single(flags, optionsFlag).map(ClusterFirewall::commaList), List.of(), stack.configName(), peers, List.of(),
                List.of(), Map.of(), single(flags, "profile").orElse("least-privilege")).toSpec();
        return new Request(cloud, distribution, spec, config, clusterName + "-fw", placeholders);
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
        out.append("```mermaid\n").append(MermaidDiagram.render(policy)).append("```\n\n").append(PortMatrix.render(policy))
                .append("<details><summary>Resources</summary>\n\n| Type | Name |\n|---|---|\n");
        plan.resources().forEach(r -> out.append("| `").append(r.type()).append("` | `").append(r.name()).append("` |\n"));
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
        for (Peer.Nodes group : policy.groups()) {
            out.append('\n').append("Inbound to ").append(group.displayName()).append(":\n");
            List<String[]> rows = new ArrayList<>();
            for (FirewallRule rule : policy.rulesFor(group)) {
                if (rule.direction() == Direction.INGRESS) {
                    rows.add(new String[] {rule.protocol().displayName(), rule.ports().map(Object::toString).orElse("-"),
                            rule.peer().displayName(), String.join("; ", rule.purposes())});
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

    static Map<String, List<String>> flags(String[] args) {
        Map<String, List<String>> flags = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                flags.put("help", List.of());
                continue;
            }
            String name = arg.startsWith("--") ? arg.substring(2) : null;
            if (name == null || !FLAGS.contains(name)) {
                throw new IllegalArgumentException("flag '" + arg + "' is unknown: allowed --" + String.join(", --", FLAGS));
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("flag '" + arg + "' needs a value");
            }
            flags.computeIfAbsent(name, n -> new ArrayList<>()).add(args[++i]);
        }
        return flags;
    }

    private static Optional<String> single(Map<String, List<String>> flags, String name) {
        List<String> values = flags.get(name);
        if (values == null) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw new IllegalArgumentException("flag --" + name + " is given " + values.size() + " times: give it once");
        }
        return Optional.of(values.get(0));
    }

    static String help() {
        StringBuilder out = new StringBuilder("""
                Usage:
                  plan --distribution D [--cloud aws|openstack] [--cni C] [--options a,b] [--ip-family ipv4|ipv6|dual]
                       [--format table|markdown|json] [--peer name=CIDR,CIDR]... [--egress allow-all|restricted]
                       [--vpc-id ID] [--cluster-name N] [--profile least-privilege|compact]
                       [--role R (with --format nftables)]
                      Runs the example Pulumi program under Pulumi's mock engine (no cloud, no CLI) and prints
                      what `pulumi preview` would create. --options replaces the default option set ('' = none).
                      --format nftables --role R prints a host firewall for that role's nodes instead.
                  plan diff <the same flags> (--against PLAN.json | --against-options a,b)
                      Lists what opens and what closes between a saved or alternative plan and this one.

                Defaults: --cloud aws, --ip-family ipv4, --format table, --egress allow-all.
                """);
        return out.append(PortsTool.catalogSummary()).toString();
    }
}
