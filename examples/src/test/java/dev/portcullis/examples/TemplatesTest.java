package dev.portcullis.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A `pulumi new` template's prompts and defaults must make the program it ships run. */
class TemplatesTest {
    private static final Pattern KEY = Pattern.compile("^    (portcullis:[A-Za-z]+):\\s*$");
    private static final Pattern DEFAULT = Pattern.compile("^      default: (.*)$");

    @ParameterizedTest
    @CsvSource({"aws-cluster, aws", "openstack-cluster, openstack"})
    void theTemplateDefaultsPlusTheAnswersToItsPromptsGiveAPlan(String template, String cloud) throws IOException {
        Path dir = Path.of("..", "templates", template);
        Map<String, String> config = new LinkedHashMap<>();
        String key = null;
        for (String line : Files.readAllLines(dir.resolve("Pulumi.yaml"))) {
            Matcher k = KEY.matcher(line);
            Matcher d = DEFAULT.matcher(line);
            if (k.matches()) {
                key = k.group(1);
                config.put(key, null);
            } else if (d.matches() && key != null) {
                config.put(key, d.group(1).replace("\"", ""));
            }
        }
        assertThat(config).containsKeys("portcullis:distribution", "portcullis:cni", "portcullis:ipFamily", "portcullis:peers");
        // What a user answers to the prompts without a default:
        config.put("portcullis:peers", "{\"admins\": [\"192.0.2.0/24\"], \"ingress-clients\": [], \"nodeport-clients\": [],"
                + " \"monitoring\": []}");
        if (config.containsKey("portcullis:vpcId")) {
            config.put("portcullis:vpcId", "vpc-0123abcd");
        }
        config.values().removeIf(v -> v == null);
        assertThat(Files.readString(dir.resolve("src/main/java/cluster/App.java")))
                .contains("ClusterFirewall.stack(ctx, \"" + cloud + "\")");

        Plan plan = Plans.run(ctx -> ClusterFirewall.stack(ctx, cloud), config);
        assertThat(plan.resources().get(0).type()).isEqualTo("portcullis:" + cloud + ":ClusterSecurityGroups");
        assertThat(plan.resources().stream().map(Plan.Resource::name).toList())
                .contains("stack-fw-server-in-tcp-6443-192.0.2.0_24" + (cloud.equals("aws") ? "" : "-ipv4"));
    }
}
