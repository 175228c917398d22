package dev.portcullis.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AuditCommandTest {
    static final String SEED = "src/test/resources/sockets/seed-002.txt";
    static final String AWS = "src/test/resources/groups/aws-describe-security-group-rules.json";
    static final String OPENSTACK = "src/test/resources/groups/openstack-rule-list.json";

    record Run(int code, String out, String err) {}

    static Run withStdin(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = AuditCommand.commandLine();
        ((AuditCommand) commandLine.getCommand()).stdin = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        commandLine.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static Run run(String... args) {
        return withStdin("", args);
    }

    static String[] sockets(String... more) {
        List<String> args = new ArrayList<>(List.of("sockets", "--distribution", "kubeadm", "--role", "control-plane", "--input", SEED));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    static String[] awsGroups(String... more) {
        List<String> args = new ArrayList<>(List.of("groups", "--cloud", "aws", "--distribution", "kubeadm", "--input", AWS,
                "--group", "all-nodes=sg-0a11a11a11a11a11a", "--group", "control-plane=sg-0c0c0c0c0c0c0c0c0",
                "--group", "worker=sg-0b0b0b0b0b0b0b0b0"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void seed002ReportsTheKubectlProxyAndFailsOnlyAtMediumOrBelow() {
        Run high = run(sockets("--fail-on", "high"));
        assertThat(high.code()).isZero();
        assertThat(high.out()).contains("[MEDIUM] unlisted-listener  tcp 8888  " + SEED + ": :::8888 (kubectl, pid 4286)");
        assertThat(high.err()).isEmpty();
        assertThat(run(sockets("--fail-on", "medium")).code()).isEqualTo(1);
        assertThat(run(sockets("--fail-on", "none")).code()).isZero();
    }

    @Test
    void awsGroupsWithTheKubeletOpenToTheInternetExitOneAtHigh() {
        Run run = run(awsGroups("--fail-on", "high"));
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains("[CRITICAL] internet-exposed  tcp 10250  sgr-0c0c0c0c0c0c00002",
                "[MEDIUM] compact-profile  all  sgr-0a1b2c3d4e5f60001", "pulumi import aws:ec2/securityGroup:SecurityGroup");
        assertThat(run(awsGroups("--fail-on", "none")).code()).isZero();
    }

    @Test
    void openStackGroupsDoTheSame() {
        Run run = run("groups", "--cloud", "openstack", "--distribution", "kubeadm", "--input", OPENSTACK,
                "--group", "all-nodes=5a0c3c2e-1111-4a5b-9c8d-000000000001",
                "--group", "control-plane=6b1d4d3f-2222-4b6c-8d9e-000000000002",
                "--group", "worker=7c2e5e4a-3333-4c7d-9e0f-000000000003", "--fail-on", "high", "--format", "json");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains("\"id\": \"internet-exposed:2b3c4d5e-0000-4000-8000-000000000004\"",
                "\"severity\": \"critical\"", "\"check\": \"compact-profile\"");
    }

    /**
     * The audit's own messages for mistakes in the flags or the inputs: whichever command line runs
     * the audit (the shipped {@code portcullis} one installs its own handlers), an
     * IllegalArgumentException is a usage error, one line, exit 2.
     */
    @Test
    void mistakesInFlagsAndInputsPrintTheAuditsMessageOnOneLineAndExitTwo() {
        assertOneLine(run(sockets("--format", "xml")), "error: format 'xml' is unknown: allowed values are table, markdown, json, sarif");
        assertOneLine(run(sockets("--fail-on", "urgent")),
                "error: severity 'urgent' is unknown: allowed values are critical, high, medium, low, info");
        assertOneLine(run("sockets", "--distribution", "kubeadm", "--role", "control-plane", "--input", "no/such/file"),
                "error: --input 'no/such/file' does not exist: give a file, a directory or - for standard input");
        assertOneLine(run("sockets", "--distribution", "kubeadm", "--role", "control-plane", "--input", "/dev/zero"),
                "error: --input '/dev/zero' is not a regular file: give a file, a directory or - for standard input");
        assertOneLine(run("sockets", "--distribution", "rke9", "--role", "server", "--input", SEED),
                "error: distribution 'rke9' is unknown: allowed values are " + String.join(", ", dev.portcullis.core.catalog.Catalog.names()));
        assertOneLine(run("groups", "--cloud", "gcp", "--distribution", "kubeadm", "--input", AWS, "--group", "worker=sg-0b0b0b0b"),
                "error: cloud 'gcp' is unknown: allowed values are aws, openstack");
        assertOneLine(run("groups", "--cloud", "openstack", "--distribution", "kubeadm", "--input", AWS,
                        "--group", "worker=7c2e5e4a-3333-4c7d-9e0f-000000000003"),
                "error: input '" + AWS + "' is the output of aws ec2 describe-security-group-rules, but --cloud is openstack: "
                        + "use --cloud aws");
        assertOneLine(run("groups", "--cloud", "aws", "--distribution", "kubeadm", "--input", AWS, "--group", "worker=sg-1"),
                "error: --group worker 'sg-1' is not a security group id (sg- and 8 or 17 hex digits)");
        assertOneLine(run(awsGroups("--peer", "admins=0.0.0.0/0")), "error: internet exposure refused: control-plane nodes would admit TCP 6443 (Kubernetes API server) from "
                        + "0.0.0.0/0 (admins), 100.0% of the routable IPv4 internet, and TCP 6443 is not public by design in "
                        + "kubeadm: bind admins to the networks that need it, or allow 'admins' to be the internet "
                        + "(allowInternet) to accept that exposure");
        assertOneLine(run(), "error: audit needs a subcommand: sockets or groups (see audit help)");
    }

    /**
     * {@link AuditCommand#commandLine()}, the audit on its own (the benchmark and these tests run it):
     * picocli's own messages, one line, exit 2. The shipped command line words unknown flags its own
     * way (dev.portcullis.examples.Cli), so these messages are this command line's only.
     */
    @Test
    void theStandaloneCommandLinePrintsPicocliErrorsOnOneLineAndExitsTwo() {
        assertOneLine(run("sockets", "--distribution", "kubeadm", "--input", SEED), "error: Missing required option: '--role=R'");
        assertOneLine(run(sockets("--bogus")), "error: Unknown option: '--bogus'");
        assertOneLine(run(awsGroups("--cloud", "gcp")), "error: option '--cloud' (aws|openstack) should be specified only once");
    }

    private static void assertOneLine(Run run, String line) {
        assertThat(run.code()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(line + System.lineSeparator());
        assertThat(run.out()).isEmpty();
    }

    @Test
    void standardInputAndDirectoriesAreInputsOneNodeEach(@TempDir Path nodes) throws IOException {
        String seed = Files.readString(Path.of(SEED));
        Run stdin = withStdin(seed, "sockets", "--distribution", "kubeadm", "--role", "control-plane", "--input", "-", "--format", "json");
        assertThat(stdin.out()).contains("\"id\": \"unlisted-listener:stdin:tcp-8888\"");
        Files.writeString(nodes.resolve("cp-1.txt"), seed);
        Files.writeString(nodes.resolve("cp-2.txt"), seed);
        Files.writeString(nodes.resolve(".hidden"), "not a node");
        Run dir = run("sockets", "--distribution", "kubeadm", "--role", "control-plane", "--input", nodes.toString(),
                "--format", "json", "--fail-on", "none");
        assertThat(dir.code()).isZero();
        assertThat(dir.out()).contains("unlisted-listener:" + nodes.resolve("cp-1.txt") + ":tcp-8888",
                "unlisted-listener:" + nodes.resolve("cp-2.txt") + ":tcp-8888", "\"nodes\": \"2\"");
    }

    @Test
    void aFileGivenTwiceIsAnInputErrorNamingBothFlags(@TempDir Path nodes) throws IOException {
        Path file = nodes.resolve("cp-1.txt");
        Files.writeString(file, Files.readString(Path.of(SEED)));
        assertOneLine(run("sockets", "--distribution", "kubeadm", "--role", "control-plane", "--input", file.toString(),
                "--input", file.toString()), "error: --input '" + file + "' reads " + file + " again (--input '" + file
                + "' read it already): give each file once");
        assertOneLine(run("sockets", "--distribution", "kubeadm", "--role", "control-plane", "--input", nodes.toString(),
                "--input", file.toString()), "error: --input '" + file + "' reads " + file + " again (--input '" + nodes
                + "' read it already): give each file once");
        assertOneLine(run(awsGroups("--input", AWS)), "error: --input '" + AWS + "' reads " + AWS + " again (--input '" + AWS
                + "' read it already): give each file once");
    }

    @Test
    void standardInputGivenTwiceIsAnInputError() {
        assertOneLine(withStdin("", "sockets", "--distribution", "kubeadm", "--role", "control-plane", "--input", "-", "--input", "-"),
                "error: --input - is given twice: standard input can be read once");
    }

    @Test
    void aListingWithAMalformedMemberIsAnInputErrorNotAnInternalOne() {
        String listing = "{\"SecurityGroupRules\": [{\"SecurityGroupRuleId\": \"sgr-1\", \"GroupId\": \"sg-0b0b0b0b\", "
                + "\"IsEgress\": {}, \"IpProtocol\": \"tcp\", \"FromPort\": 22, \"ToPort\": 22, \"CidrIpv4\": \"10.0.0.0/8\"}]}";
        assertOneLine(withStdin(listing, "groups", "--cloud", "aws", "--distribution", "kubeadm", "--input", "-",
                "--group", "worker=sg-0b0b0b0b"), "error: input '-': SecurityGroupRules[0].IsEgress is an object: expected true or false");
    }

    @Test
    void helpListsEveryDistributionOfTheCatalog() {
        String help = run("help", "sockets").out().replaceAll("\\s+", " ");
        assertThat(help).contains("the distribution: " + String.join(", ", dev.portcullis.core.catalog.Catalog.names()));
        assertThat(run("help", "groups").out().replaceAll("\\s+", " "))
                .contains("the distribution: " + String.join(", ", dev.portcullis.core.catalog.Catalog.names()));
    }

    @Test
    void allowInternetHelpSpeaksOfInternetWideNetworksAsTheAddressArithmeticJudgesThem() {
        String help = run("help", "groups").out().replaceAll("\\s+", " ");
        assertThat(help).contains("--allow-internet=name lets --peer bind this named peer to networks that are internet-wide by "
                + "address arithmetic: together they cover a large share of the routable space (0.0.0.0/0, but also 0.0.0.0/1 "
                + "with 128.0.0.0/1) (repeatable)");
        assertThat(help).doesNotContain("0.0.0.0/0 or ::/0");
    }

    @Test
    void optionsAndCniChooseThePolicyAsPlanDoes() {
        Run run = run("sockets", "--distribution", "kubeadm", "--cni", "calico", "--options", "calico-ipip,calico-bgp",
                "--role", "control-plane", "--input", "src/test/resources/sockets/netstat-tulpn-kubeadm-calico.txt", "--format", "json");
        assertThat(run.out()).contains("\"options\": \"calico-bgp,calico-ipip\"").doesNotContain("tcp-5473");
        Run none = run(sockets("--options", "", "--format", "json"));
        assertThat(none.out()).contains("\"options\": \"(none)\"");
    }

    @Test
    void helpListsBothSubcommandsAndTheExitCodes() {
        Run help = run("help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("sockets", "groups", "Exit codes: 0 nothing at or above --fail-on, 1 something is,",
                "3 internal error.");
        assertThat(run("help", "groups").out()).contains("--node-addressing", "--group=ROLE=ID");
    }

    @Test
    void sarifGoesToStandardOutputForUploading() {
        Run run = run(awsGroups("--format", "sarif", "--fail-on", "none"));
        assertThat(run.out()).startsWith("{\n  \"$schema\": \"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
                + "sarif-schema-2.1.0.json\"");
        assertThat(run.out()).contains("\"uri\": \"src/test/resources/groups/aws-describe-security-group-rules.json\"");
    }
}
