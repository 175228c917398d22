package dev.portcullis.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Plans name every peer, show both directions, warn about what restricted egress forgets, and diff by meaning. */
class ReadablePlansTest {
    record Run(int exit, String out, String err) {}

    static Run plan(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = PlanCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everySourceIsShownByPeerNameAndValue() {
        Run run = plan("--distribution", "rke2", "--peers", "admins=10.0.0.0/24", "--enable-options", "ingress");
        assertThat(run.out()).containsPattern("TCP +6443 +from admins \\(10.0.0.0/24\\) +Kubernetes API for kubectl")
                .containsPattern("TCP +443 +from ingress-clients \\(192.0.2.16/28\\)")
                .containsPattern("TCP +9345 +from all nodes +RKE2 supervisor API")
                .contains("Named peers not given with --peers stand for documentation ranges: ingress-clients 192.0.2.16/28, "
                        + "nodeport-clients 192.0.2.32/28, monitoring 192.0.2.48/28, pod-network 192.0.2.64/28\n");
    }

    @Test
    void restrictedEgressIsShownAndWhatItForgetsIsNamed() {
        Run run = plan("--distribution", "rke2", "--peers", "admins=10.0.0.0/24", "--egress", "restricted");
        assertThat(run.out()).contains("  Outbound:\n").containsPattern("TCP +9345 +to server nodes")
                .contains("WARNING: rke2-fw: restricted egress leaves out DNS (UDP and TCP 53), NTP (UDP 123), registries (TCP 443)");
        Run withDns = plan("--distribution", "rke2", "--peers", "admins=10.0.0.0/24", "--egress", "restricted",
                "--extra-rules", "{\"from\": \"all-nodes\", \"to\": \"10.0.0.2/32\", \"protocol\": \"udp\", \"ports\": \"53\"}",
                "--extra-rules", "{\"from\": \"all-nodes\", \"to\": \"10.0.0.3/32\", \"protocol\": \"udp\", \"ports\": \"123\"}",
                "--extra-rules", "{\"from\": \"all-nodes\", \"to\": \"pl-0a1b2c3d\", \"protocol\": \"tcp\", \"ports\": \"443\"}");
        assertThat(withDns.exit()).as(withDns.err()).isZero();
        assertThat(withDns.out()).doesNotContain("restricted egress leaves out");
    }

    @Test
    void aPortJoiningARangeIsOneChange() {
        Run diff = plan("diff", "--distribution", "rke2", "--peers", "admins=10.0.0.0/24", "--options", "etcd-metrics",
                "--against-options", "");
        assertThat(diff.out()).contains("Changes:\n  ~ TCP 2379-2380 → 2379-2381 from server nodes on rke2-fw-server\n")
                .doesNotContain("Closes:");
    }

    @Test
    void aRuleThatLostItsPortRangeIsAChangeNotADefect(@TempDir Path dir) throws Exception {
        // Neutron reads a TCP rule without a port range as every port; the view shows it as "-".
        String current = plan("--distribution", "k3s", "--cloud", "openstack", "--format", "json").out();
        String widened = current.replaceFirst("\"portRangeMax\": 6443,\\s*\"portRangeMin\": 6443,", "");
        assertThat(widened).isNotEqualTo(current);
        Path saved = dir.resolve("base.json");
        Files.writeString(saved, widened);
        Run diff = plan("diff", "--distribution", "k3s", "--cloud", "openstack", "--against", saved.toString());
        assertThat(diff.exit()).as(diff.err()).isZero();
        assertThat(diff.out()).containsPattern("TCP +6443").doesNotContain("defect");
    }

    @Test
    void aRuleWhoseDescriptionAloneChangedIsShownAsAChange(@TempDir Path dir) throws Exception {
        String current = plan("--distribution", "rke2", "--format", "json").out();
        String reworded = current.replace("TCP 9345 from all nodes: RKE2 supervisor API", "TCP 9345 from all nodes: supervisor");
        assertThat(reworded).isNotEqualTo(current);
        Path saved = dir.resolve("base.json");
        Files.writeString(saved, reworded);
        Run diff = plan("diff", "--distribution", "rke2", "--against", saved.toString());
        assertThat(diff.out()).isEqualTo("Changes:\n  ~ TCP 9345 from all nodes on rke2-fw-server: \"supervisor\" → \"RKE2 supervisor API\"\n");
    }

    @Test
    void aDiffAcrossDistributionsOrCloudsNeedsForce(@TempDir Path dir) throws Exception {
        Path saved = dir.resolve("k3s.json");
        Files.writeString(saved, plan("--distribution", "k3s", "--format", "json").out());
        assertThat(plan("diff", "--distribution", "rke2", "--against", saved.toString()).err())
                .isEqualTo("error: the saved plan's distribution is 'k3s' and this one's is 'rke2': a diff would list everything; "
                        + "give --force to compare anyway\n");
        Run forced = plan("diff", "--distribution", "rke2", "--against", saved.toString(), "--force");
        assertThat(forced.exit()).isZero();
        assertThat(forced.out()).contains("Opens:").contains("Closes:");
    }

    @Test
    void everySettingCanBePlannedOffline() {
        Run run = plan("--distribution", "rke2", "--peers", "admins=10.0.0.0/24", "--node-addressing", "public",
                "--public-addresses", "server=203.0.113.10", "--public-addresses", "agent=203.0.113.20", "--profile", "compact",
                "--max-entries-per-group", "40", "--format", "json");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("rke2-fw-all-nodes-in-all-203.0.113.10_32");
        assertThat(plan("--distribution", "rke2", "--max-entries-per-group", "3").err())
                .startsWith("error: security group quota exceeded: ");
        assertThat(plan("--distribution", "rke2", "--cloud", "openstack", "--max-entries-per-group", "3").err())
                .isEqualTo("error: --max-entries-per-group applies only to --cloud aws, and the cloud is 'openstack'\n");
        assertThat(plan("--distribution", "rke2", "--cloud", "openstack", "--max-security-group-rules", "5").err())
                .startsWith("error: Neutron project quota exceeded");
    }

    @Test
    void theFlagsAreTheConfigKeys() {
        CommandLine plan = Cli.commandLine(System.out, System.err).getSubcommands().get("plan");
        TreeSet<String> flags = new TreeSet<>();
        plan.getCommandSpec().options().forEach(o -> flags.add(o.longestName()));
        flags.removeAll(List.of("--help", "--version", "--format", "--role", "--program", "--classpath", "--config"));
        TreeSet<String> keys = new TreeSet<>(ClusterFirewall.CONFIG_KEYS.stream().map(k -> "--" + ClusterOptions.kebab(k)).toList());
        assertThat(flags).isEqualTo(keys);
    }

    @Test
    void theReadmesUsageBlockIsTheHelpText() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        assertThat(readme).as("README's plan usage block: paste the synopsis and options of `portcullis plan --help`")
                .contains("```\n" + Cli.planUsage() + "```");
    }
}
