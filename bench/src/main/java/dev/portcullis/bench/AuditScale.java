package dev.portcullis.bench;

import dev.portcullis.audit.cli.AuditCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The audit at the scale issue #13 names, end to end through the command line (files read,
 * parsed, judged, rendered as JSON): 10,000 live AWS rules in one describe-security-group-rules
 * listing, and the sockets of 1,000 nodes given as one file per node. The inputs are generated
 * from a fixed seed, so every run audits the same data.
 */
public final class AuditScale {
    static final int RULES = 10_000;
    static final int NODES = 1_000;
    private static final int REPETITIONS = 7;
    private static final String[] GROUPS = {"sg-0a11a11a11a11a11a", "sg-0c0c0c0c0c0c0c0c0", "sg-0b0b0b0b0b0b0b0b0",
            "sg-0d0d0d0d0d0d0d0d0"};

    private AuditScale() {}

    /** Median milliseconds and the number of findings of one workload. */
    record Figure(String workload, double millis, int findings) {}

    public static void main(String[] args) throws IOException {
        System.out.print(section());
    }

    /** The "Audit at scale" section of docs/performance.md. */
    static String section() throws IOException {
        StringBuilder out = new StringBuilder("\n## Audit at scale\n\n`portcullis audit` end to end (files read, parsed, "
                + "judged against kubeadm's policy, rendered as JSON), median of " + REPETITIONS + " runs after warm-up, on "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version() + ". The inputs are generated "
                + "from a fixed seed (`dev.portcullis.bench.AuditScale`): a hand-made estate of allow lists, private ranges, "
                + "references, prefix lists and some rules open to the internet; and one `ss -tulpn` file per node.\n\n"
                + "| Workload | Time (ms) | Findings |\n|---|---|---|\n");
        for (Figure figure : measure()) {
            out.append(String.format("| %s | %.0f | %d |%n", figure.workload(), figure.millis(), figure.findings()));
        }
        return out.toString();
    }

    static List<Figure> measure() throws IOException {
        Path dir = Files.createTempDirectory("portcullis-audit-bench");
        try {
            Path rules = dir.resolve("rules.json");
            Files.writeString(rules, awsRules(RULES, new Random(13)), StandardCharsets.UTF_8);
            Path nodes = Files.createDirectory(dir.resolve("nodes"));
            Random random = new Random(13);
            for (int i = 0; i < NODES; i++) {
                Files.writeString(nodes.resolve(String.format("node-%04d.txt", i)), node(i, random), StandardCharsets.UTF_8);
            }
            String[] groups = groupsCommand(rules, List.of()).toArray(String[]::new);
            String[] sockets = {"sockets", "--distribution", "kubeadm", "--cni", "calico", "--role", "worker",
                    "--input", nodes.toString(), "--format", "json", "--fail-on", "none"};
            return List.of(time(RULES + " AWS rules (audit groups)", groups), time(NODES + " nodes' sockets (audit sockets)", sockets));
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** {@code audit groups} over the generated rules, after {@code prefix} (the words before "groups"). */
    static List<String> groupsCommand(Path rules, List<String> prefix) {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of("groups", "--cloud", "aws", "--distribution", "kubeadm", "--input", rules.toString(),
                "--group", "all-nodes=" + GROUPS[0], "--group", "control-plane=" + GROUPS[1], "--group", "worker=" + GROUPS[2],
                "--format", "json", "--fail-on", "none"));
        return command;
    }

    private static Figure time(String workload, String[] args) {
        int findings = run(args); // warm-up
        run(args);
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < REPETITIONS; i++) {
            long start = System.nanoTime();
            run(args);
            times.add((System.nanoTime() - start) / 1e6);
        }
        times.sort(Double::compare);
        return new Figure(workload, times.get(times.size() / 2), findings);
    }

    /** Runs the command as the CLI does and returns the number of findings in its JSON. */
    private static int run(String[] args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AuditCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        if (code != 0) {
            throw new IllegalStateException("audit exited " + code + ": " + err);
        }
        return count(out.toString(), "\"check\": ");
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    /**
     * A hand-made estate grown large: per-address allow lists, private ranges, references between
     * the cluster's groups, prefix lists, some ranges and some rules open to the whole internet.
     */
    static String awsRules(int count, Random random) {
        StringBuilder out = new StringBuilder("{\n    \"SecurityGroupRules\": [\n");
        for (int i = 0; i < count; i++) {
            String group = GROUPS[random.nextInt(GROUPS.length)];
            boolean egress = random.nextInt(20) == 0;
            int kind = random.nextInt(100);
            int port = 1 + random.nextInt(65000);
            int to = kind < 10 ? Math.min(65535, port + random.nextInt(2000)) : port;
            String protocol = kind < 3 ? "-1" : random.nextBoolean() ? "tcp" : "udp";
            String source;
            if (kind < 40) {
                source = "\"CidrIpv4\": \"" + (1 + random.nextInt(223)) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                        + random.nextInt(256) + "/32\"";
            } else if (kind < 60) {
                source = "\"CidrIpv4\": \"10." + random.nextInt(256) + "." + random.nextInt(256) + ".0/24\"";
            } else if (kind < 80) {
                source = "\"ReferencedGroupInfo\": {\"GroupId\": \"" + GROUPS[random.nextInt(3)] + "\", \"UserId\": \"111122223333\"}";
            } else if (kind < 90) {
                source = "\"PrefixListId\": \"pl-" + String.format("%017x", (long) random.nextInt(50)) + "\"";
            } else if (kind < 95) {
                source = "\"CidrIpv6\": \"2001:db8:" + Integer.toHexString(random.nextInt(65536)) + "::/48\"";
            } else {
                source = "\"CidrIpv4\": \"0.0.0.0/0\"";
            }
            out.append("        {\n            \"SecurityGroupRuleId\": \"sgr-").append(String.format("%017x", (long) i))
                    .append("\",\n            \"GroupId\": \"").append(group)
                    .append("\",\n            \"GroupOwnerId\": \"111122223333\",\n            \"IsEgress\": ").append(egress)
                    .append(",\n            \"IpProtocol\": \"").append(protocol)
                    .append("\",\n            \"FromPort\": ").append(protocol.equals("-1") ? -1 : port)
                    .append(",\n            \"ToPort\": ").append(protocol.equals("-1") ? -1 : to)
                    .append(",\n            ").append(source)
                    .append(",\n            \"Description\": \"rule ").append(i).append("\",\n            \"Tags\": []\n        }")
                    .append(i + 1 < count ? ",\n" : "\n");
        }
        return out.append("    ]\n}\n").toString();
    }

    /** {@code ss -tulpn} of a kubeadm worker with Calico, a few extra listeners differing per node. */
    static String node(int index, Random random) {
        StringBuilder out = new StringBuilder("Netid State  Recv-Q Send-Q Local Address:Port Peer Address:Port Process\n");
        String address = "10.0." + (index / 250) + "." + (index % 250 + 1);
        line(out, "udp", "127.0.0.53%lo:53", "systemd-resolve", 600);
        line(out, "tcp", "0.0.0.0:179", "bird", 2100);
        line(out, "tcp", "127.0.0.1:9099", "calico-node", 2000);
        line(out, "tcp", "127.0.0.1:10248", "kubelet", 900);
        line(out, "tcp", "127.0.0.1:10249", "kube-proxy", 1100);
        line(out, "tcp", "*:10250", "kubelet", 900);
        line(out, "tcp", "*:10256", "kube-proxy", 1100);
        line(out, "tcp", "0.0.0.0:22", "sshd", 800);
        line(out, "tcp", "[::]:22", "sshd", 800);
        for (int i = 0; i < 20; i++) {
            line(out, "tcp", (random.nextBoolean() ? address : "*") + ":" + (30000 + random.nextInt(2768)),
                    "kube-proxy", 1100);
        }
        for (int i = 0; i < 5; i++) {
            String local = (random.nextBoolean() ? "*" : address) + ":" + (1024 + random.nextInt(20000));
            line(out, random.nextBoolean() ? "tcp" : "udp", local, "app-" + i, 5000 + i);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String netid, String local, String process, int pid) {
        out.append(String.format("%-5s %-6s 0      4096   %25s %18s     users:((\"%s\",pid=%d,fd=3))%n", netid,
                netid.equals("udp") ? "UNCONN" : "LISTEN", local, "0.0.0.0:*", process, pid));
    }
}
