package dev.portcullis.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What `pulumi preview` learns from the program's classpath: the resource plugins to install. */
class PluginDiscoveryTest {

    @Test
    void theCliFindsTheAwsAndOpenstackPluginsOnTheExamplesClasspath() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process discovery = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "com.pulumi.bootstrap.internal.Main", "packages").redirectErrorStream(true).start();
        String output = new String(discovery.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(discovery.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(discovery.exitValue()).as(output).isZero();
        var plugins = JsonParser.parseString(output).getAsJsonArray().asList().stream()
                .map(e -> e.getAsJsonObject().get("name").getAsString() + " " + e.getAsJsonObject().get("version").getAsString())
                .toList();
        assertThat(plugins).contains("aws 6.83.0", "openstack 5.5.1");
    }
}
