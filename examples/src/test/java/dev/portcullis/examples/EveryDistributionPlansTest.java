package dev.portcullis.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.portcullis.core.Blueprint;
import dev.portcullis.core.Cni;
import dev.portcullis.core.NodeRole;
import dev.portcullis.core.catalog.Catalog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every distribution, with every CNI it models, plans on both clouds in every format. */
class EveryDistributionPlansTest {
    static Stream<Arguments> everyCniOnEveryCloud() {
        return Catalog.all().stream().flatMap(b -> b.cnis().stream().map(Cni::name)
                .flatMap(cni -> ClusterFirewall.CLOUDS.stream().map(cloud -> Arguments.of(b.distribution(), cni, cloud))));
    }

    private static String plan(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = PlanCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as(String.join(" ", args) + ": " + err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0} {1} on {2}")
    @MethodSource("everyCniOnEveryCloud")
    void plansInEveryFormat(String distribution, String cni, String cloud) {
        Blueprint blueprint = Catalog.blueprint(distribution);
        String[] cluster = {"--distribution", distribution, "--cni", cni, "--cloud", cloud, "--ip-family", "dual"};
        assertThat(plan(concat(cluster, "--format", "table"))).startsWith("Portcullis plan: " + distribution + " on " + cloud);
        assertThat(plan(concat(cluster, "--format", "markdown"))).startsWith("### Portcullis plan: " + distribution);
        assertThat(JsonParser.parseString(plan(concat(cluster, "--format", "json"))).getAsJsonObject().get("cni").getAsString())
                .isEqualTo(cni);
        for (NodeRole role : blueprint.roles()) {
            assertThat(plan(concat(cluster, "--format", "nftables", "--role", role.name())))
                    .startsWith("#!/usr/sbin/nft -f\n# Portcullis host firewall: " + distribution + " " + role + " nodes");
        }
    }

    private static String[] concat(String[] head, String... tail) {
        return Stream.concat(Stream.of(head), Stream.of(tail)).toArray(String[]::new);
    }
}
