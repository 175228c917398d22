package dev.portcullis.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plan --program}: a program outside this project, compiled here from source into a directory
 * of its own and named by its stack method, using raw {@code aws.ec2.SecurityGroup} and
 * {@code aws.vpc.SecurityGroupIngressRule} resources only, planned in every format with its config.
 */
class PlanYourOwnProgramTest {
    private static final String INFRA = """
            package com.acme;

            import com.pulumi.Context;
            import com.pulumi.aws.ec2.SecurityGroup;
            import com.pulumi.aws.ec2.SecurityGroupArgs;
            import com.pulumi.aws.vpc.SecurityGroupIngressRule;
            import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
            import com.pulumi.aws.vpc.SecurityGroupEgressRule;
            import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;

            public final class Infra {
                public static void stack(Context ctx) {
                    var config = ctx.config("acme");
                    var web = new SecurityGroup("web", SecurityGroupArgs.builder().vpcId("vpc-0123abcd").description("web").build());
                    new SecurityGroupIngressRule("web-https", SecurityGroupIngressRuleArgs.builder().securityGroupId(web.id())
                            .ipProtocol("tcp").fromPort(443).toPort(443).cidrIpv4(config.require("office"))
                            .description("HTTPS from the office").build());
                    new SecurityGroupIngressRule("web-ssh", SecurityGroupIngressRuleArgs.builder().securityGroupId(web.id())
                            .ipProtocol("tcp").fromPort(22).toPort(22).referencedSecurityGroupId(web.id())
                            .description("SSH between web nodes").build());
                    var bastion = new com.pulumi.aws.ec2.Eip("bastion");
                    new SecurityGroupIngressRule("web-bastion", SecurityGroupIngressRuleArgs.builder().securityGroupId(web.id())
                            .ipProtocol("tcp").fromPort(22).toPort(22).cidrIpv4(bastion.publicIp().applyValue(ip -> ip + "/32"))
                            .description("SSH from the bastion").build());
                    new SecurityGroupEgressRule("web-out", SecurityGroupEgressRuleArgs.builder().securityGroupId(web.id())
                            .ipProtocol("tcp").fromPort(5432).toPort(5432).cidrIpv4("10.1.0.0/16")
                            .description("database").build());
                }
            }
            """;

    record Run(int exit, String out, String err) {}

    static Run cli(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Compiles com.acme.Infra against this tool's classpath into a directory of its own. */
    static Path compile(Path dir) throws Exception {
        Path source = dir.resolve("src/com/acme/Infra.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, INFRA, StandardCharsets.UTF_8);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                source.toString()));
        assertThat(javac.run(null, null, null, args.toArray(String[]::new))).isZero();
        return classes;
    }

    @Test
    void aProgramOfYourOwnIsPlannedWithItsConfigInEveryFormat(@TempDir Path dir) throws Exception {
        Path classes = compile(dir);
        Path config = dir.resolve("Pulumi.dev.yaml");
        Files.writeString(config, "config:\n  acme:office: 198.51.100.0/24\n  aws:region: eu-west-1\n", StandardCharsets.UTF_8);
        String[] program = {"plan", "--program", "com.acme.Infra::stack", "--classpath", classes.toString(), "--config",
                config.toString()};

        Run table = cli(concat(program, "--format", "table"));
        assertThat(table.exit()).as(table.err()).isZero();
        assertThat(table.out()).startsWith("Portcullis plan of com.acme.Infra::stack with Pulumi.dev.yaml\n")
                .contains("Security group web (yours)\n  Inbound:\n")
                .containsPattern("TCP +22 +from group web +SSH between web nodes")
                .containsPattern("TCP +443 +from 198.51.100.0/24 +HTTPS from the office")
                .containsPattern("TCP +22 +from \\(known after apply\\) +SSH from the bastion")
                .contains("  Outbound:\n").containsPattern("TCP +5432 +to 10.1.0.0/16 +database")
                .contains("WARNING: web: restricted egress leaves out DNS (UDP and TCP 53), NTP (UDP 123), registries (TCP 443)");

        Run markdown = cli(concat(program, "--format", "markdown"));
        assertThat(markdown.out()).contains("#### `web` (yours)").contains("| inbound | TCP | 443 | 198.51.100.0/24 | HTTPS from the office |")
                .contains("| outbound | TCP | 5432 | 10.1.0.0/16 | database |");

        JsonObject json = JsonParser.parseString(cli(concat(program, "--format", "json")).out()).getAsJsonObject();
        assertThat(json.get("program").getAsString()).isEqualTo("com.acme.Infra::stack");
        assertThat(json.getAsJsonArray("firewall").get(0).getAsJsonObject().getAsJsonArray("inbound")).hasSize(3);
    }

    @Test
    void aProgramThatWiresTheComponentToOtherResourcesIsPlannedWithEachReferenceNamed() {
        // The VPC, the load balancer's group and the prefix list are resources of the program: their ids
        // take the cloud's forms, so the component's checks pass as in a deployment, and the plan names them.
        Run aws = cli("plan", "--program", "dev.portcullis.examples.StackFromResources::aws", "--classpath", "target/classes");
        assertThat(aws.exit()).as(aws.err()).isZero();
        assertThat(aws.out()).containsPattern("TCP 443 +from ingress-clients alb \\(alb\\)")
                .containsPattern("TCP 2381 +from monitoring scrapers \\(scrapers\\)")
                .containsPattern("TCP 2379-2381 +from server nodes").doesNotContain("sg-").doesNotContain("vpc-");

        Run openstack = cli("plan", "--program", "dev.portcullis.examples.StackFromResources::openstack", "--classpath",
                "target/classes", "--format", "json");
        assertThat(openstack.exit()).as(openstack.err()).isZero();
        assertThat(JsonParser.parseString(openstack.out()).getAsJsonObject().getAsJsonArray("firewall")).isNotEmpty();
    }

    @Test
    void twoVersionsOfYourProgramAreDiffed(@TempDir Path dir) throws Exception {
        Path classes = compile(dir);
        Path before = dir.resolve("Pulumi.before.yaml");
        Files.writeString(before, "config:\n  acme:office: 198.51.100.0/24\n", StandardCharsets.UTF_8);
        Path after = dir.resolve("Pulumi.after.yaml");
        Files.writeString(after, "config:\n  acme:office: 203.0.113.0/24\n", StandardCharsets.UTF_8);
        Path saved = dir.resolve("base.json");
        Files.writeString(saved, cli("plan", "--program", "com.acme.Infra::stack", "--classpath", classes.toString(),
                "--config", before.toString(), "--format", "json").out());
        Run diff = cli("plan", "diff", "--program", "com.acme.Infra::stack", "--classpath", classes.toString(), "--config",
                after.toString(), "--against", saved.toString());
        assertThat(diff.exit()).as(diff.err()).isZero();
        assertThat(diff.out()).isEqualTo("""
                Opens:
                  + TCP 443 from 203.0.113.0/24 on web: HTTPS from the office
                Closes:
                  - TCP 443 from 198.51.100.0/24 on web: HTTPS from the office
                """);
    }

    @Test
    void mistakesAboutTheProgramAreOneLine(@TempDir Path dir) throws Exception {
        Path classes = compile(dir);
        Run missing = cli("plan", "--program", "com.acme.Nope::stack", "--classpath", classes.toString());
        assertThat(missing.exit()).as("a mistake in the input").isEqualTo(2);
        assertThat(missing.err()).startsWith("error: --program class 'com.acme.Nope' is not on the classpath");
        assertThat(cli("plan", "--program", "com.acme.Infra::nope", "--classpath", classes.toString()).err())
                .isEqualTo("error: --program method 'nope' of com.acme.Infra is missing: expected public static void "
                        + "nope(com.pulumi.Context)\n");
        assertThat(cli("plan", "--program", "com.acme.Infra", "--classpath", classes.toString()).err())
                .isEqualTo("error: --program 'com.acme.Infra' is malformed: expected Class::method, e.g. com.acme.Infra::stack\n");
        assertThat(cli("plan", "--program", "com.acme.Infra::stack", "--classpath", classes.toString(), "--distribution", "rke2")
                .err()).isEqualTo("error: --program takes the cluster from your program and its --config, so the example's flags "
                        + "(--distribution) do not apply\n");
        Path secret = dir.resolve("Pulumi.prod.yaml");
        Files.writeString(secret, "config:\n  acme:office:\n    secure: AAABAHq=\n", StandardCharsets.UTF_8);
        assertThat(cli("plan", "--program", "com.acme.Infra::stack", "--classpath", classes.toString(), "--config",
                secret.toString()).err()).isEqualTo("error: --config '" + secret + "': acme:office is or holds a secret, which cannot be "
                        + "decrypted offline: pass a plain value in a copy of the file\n");
        Path nested = dir.resolve("Pulumi.nested.yaml");
        Files.writeString(nested, "config:\n  acme:db:\n    users:\n      - password:\n          secure: AAABAHq=\n",
                StandardCharsets.UTF_8);
        assertThat(cli("plan", "--program", "com.acme.Infra::stack", "--classpath", classes.toString(), "--config",
                nested.toString()).err()).startsWith("error: --config '" + nested + "': acme:db is or holds a secret");
        assertThat(cli("plan", "--program", "com.acme.Infra::stack", "--classpath", classes.toString()).err())
                .isEqualTo("error: your program failed: Missing required configuration variable 'acme:office'\n");
        assertThat(cli("plan", "--program", "com.acme.Infra::stack", "--classpath", "no/such" + File.pathSeparator + classes)
                .err()).isEqualTo("error: --classpath entry 'no/such' does not exist\n");
    }

    private static String[] concat(String[] head, String... tail) {
        List<String> all = new ArrayList<>(List.of(head));
        all.addAll(List.of(tail));
        return all.toArray(String[]::new);
    }
}
