package dev.portcullis.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Promise: every error on the command line is one line on stderr. A mistake in the input exits with 2;
 * a defect of Portcullis exits with 1 and says it is one. Never a stack trace, never a Pulumi log.
 */
class TheCommandLineNeverShowsAStackTraceTest {
    record Run(int exit, String out, String err) {}

    static Run cli(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static void assertOneLineUsageError(Run run, String expected) {
        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).endsWith("\n").doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("SEVERE");
        assertThat(run.err().lines()).hasSize(1).first().asString().startsWith("error: ").contains(expected);
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of(List.of("plan", "--distribution", "rke2", "--peer", "admins=0.0.0.0/1,128.0.0.0/1"),
                        "internet exposure refused: server nodes would admit TCP 6443"),
                Arguments.of(List.of("plan", "--distribution", "rke2", "--ip-family", "ipv6", "--peer", "admins=::/1,8000::/1"),
                        "100.0% of the routable IPv6 internet"),
                Arguments.of(List.of("plan", "--distribution", "rke2", "--egress", "none"), "egress 'none' is unknown"),
                Arguments.of(List.of("plan", "--distribution", "rke2", "--cluster-name", "-prod"), "clusterName '-prod' is invalid"),
                Arguments.of(List.of("plan", "--distribution", "rke2", "--cluster-name", ""), "clusterName is missing"),
                Arguments.of(List.of("plan", "--distribution", "rke2", "--vpc-id", "x y;z"), "vpcId 'x y;z' is invalid"),
                Arguments.of(List.of("plan", "--distribution", "rke2", "--peer", "admins=sg-ABC,sg-abc"), "'sg-ABC' is not a binding"),
                Arguments.of(List.of("plan", "--distribution", "rke2", "--peer", "admins=10.0.0.1"), "did you mean 10.0.0.1/32?"),
                Arguments.of(List.of("plan", "--distribution", "rke2", "--peer", "admins=alb"), "'alb' is not a binding"),
                Arguments.of(List.of("plan", "--distribution", "rke2", "--ip-family", "ipv6", "--peer", "admins=fe80::%eth0/64"),
                        "has a zone id"),
                Arguments.of(List.of("plan", "--distribution", "rke2", "--peer", "admins=10.0.0.0/8", "--peer", "admins=10.1.0.0/16"),
                        "--peers 'admins' is given twice"),
                Arguments.of(List.of("plan", "--distribution", "rke2", "--cloud", "openstack", "--peer", "admins=sg-0123abcd"),
                        "'sg-0123abcd' is not a binding this cloud knows"),
                Arguments.of(List.of("plan", "--distribution", "rke2", "--cloud", "aws", "--peer",
                        "admins=0b1c4c8e-1d1e-4d6b-9b2a-8a1f0e6c2d3b"), "is not a binding this cloud knows"),
                Arguments.of(List.of("plan", "--distribution", "rke2", "--role", "server"), "--role applies only to --format nftables"),
                Arguments.of(List.of("plan", "--distribution", "rke2", "--cloud", "openstack", "--vpc-id", "vpc-0123abcd"),
                        "--vpc-id applies only to --cloud aws"),
                Arguments.of(List.of("plan", "diff", "--distribution", "rke2", "--format", "nftables", "--against-options", ""),
                        "--format 'nftables' does not apply to plan diff"),
                Arguments.of(List.of("plan", "diff", "--distribution", "rke2", "--format", "json", "--against-options", ""),
                        "--format 'json' does not apply to plan diff"),
                Arguments.of(List.of("plan", "diff", "--distribution", "rke2", "--against", "a.json", "--against-options", ""),
                        "needs exactly one of --against PLAN.json and --against-options"),
                Arguments.of(List.of("plan", "diff", "--distribution", "rke2", "--against", "nonexist.json"),
                        "--against 'nonexist.json': no such file"),
                Arguments.of(List.of("plan", "diff", "--distribution", "rke2", "--against", "/dev/zero"),
                        "--against '/dev/zero' is not a regular file"),
                Arguments.of(List.of("plan", "diff", "--distribution", "rke2", "--against", "."),
                        "--against '.' is not a regular file"),
                Arguments.of(List.of("plan", "--distribution", "rke2", "--allow-internet", "nobody"),
                        "allowInternet peer of rke2 'nobody' is unknown"),
                Arguments.of(List.of("plan", "--distribution", "rke2", "--peer", "admins=10.0.0.0/8\n0.0.0.0/0"),
                        "--peers holds a control character"),
                Arguments.of(List.of("plan"), "--distribution is required"),
                Arguments.of(List.of("plan", "--colud", "aws"), "flag '--colud' is unknown (did you mean --cloud?): see `portcullis plan --help`"),
                Arguments.of(List.of("frobnicate"), "argument 'frobnicate' is unexpected"),
                Arguments.of(List.of(), "a command is required: plan"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("mistakes")
    void aMistakeIsOneLineAndExitCode2(List<String> args, String expected) {
        assertOneLineUsageError(cli(args.toArray(String[]::new)), expected);
    }

    static Stream<Arguments> savedPlans() {
        return Stream.of(
                Arguments.of("", "is not valid JSON"),
                Arguments.of("{\"resources\": [", "is not valid JSON"),
                Arguments.of("[]", "is not a plan: expected a JSON object"),
                Arguments.of("{}", "\"resources\" is missing or not a list"),
                Arguments.of("{\"resources\": [{\"name\": \"x\", \"inputs\": {}}]}", "resources[0].type is missing or not a string"),
                Arguments.of("{\"resources\": [{\"type\": \"t\", \"name\": \"x\", \"inputs\": null}]}", null),
                Arguments.of("{\"resources\": [{\"type\": \"t\", \"name\": \"x\", \"inputs\": 3}]}", "resources[0].inputs is not an object"),
                Arguments.of("{\"resources\": [7]}", "resources[0] is not an object"),
                Arguments.of("[".repeat(100_000), "is nested deeper than 64 levels"),
                Arguments.of("{\"resources\": []} trailing", "is not valid JSON"),
                Arguments.of("\u0000\u0001binary", "is not valid JSON"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("savedPlans")
    void planDiffSurvivesAnyFile(String content, String expected, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("base.json");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Run run = cli("plan", "diff", "--distribution", "k3s", "--against", file.toString());
        if (expected == null) {
            assertThat(run.exit()).as(run.err()).isZero(); // a resource without inputs is a valid, if odd, plan
        } else {
            assertOneLineUsageError(run, expected);
        }
    }

    @Test
    void aDefectSaysItIsOneAndExitsWith1() {
        CommandLine line = Cli.commandLine(new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
        line.addSubcommand("boom", new Boom());
        var err = new ByteArrayOutputStream();
        line.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
        assertThat(line.execute("boom")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("error: a defect in Portcullis (please report it): NullPointerException: no such thing\n");
    }

    @CommandLine.Command(name = "boom")
    static final class Boom implements Runnable {
        @Override
        public void run() {
            throw new NullPointerException("no such thing");
        }
    }

    @Test
    void theJarWithoutArgumentsOrEnginePrintsUsageNotATrace() throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("PULUMI_"));
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(out).isEmpty();
        assertThat(err).startsWith("Usage: portcullis").doesNotContain("\tat ").doesNotContain("PULUMI_")
                .endsWith("error: no command given; `pulumi preview` and `pulumi up` run this jar as a Pulumi program\n");
    }
}
