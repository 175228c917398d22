package dev.portcullis.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.portcullis.core.Blueprint;
import dev.portcullis.core.catalog.Catalog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PlanCommandTest {
    record Run(int exit, String out, String err) {}

    static Run plan(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = PlanCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Stream<Arguments> everyDistributionOnEveryCloud() {
        return Catalog.all().stream().map(Blueprint::distribution)
                .flatMap(d -> Stream.of(Arguments.of(d, "aws"), Arguments.of(d, "openstack")));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("everyDistributionOnEveryCloud")
    void everyDefaultPolicyPlansOnBothClouds(String distribution, String cloud) {
        Run run = plan("--distribution", distribution, "--cloud", cloud, "--format", "json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
        assertThat(json.get("distribution").getAsString()).isEqualTo(distribution);
        assertThat(json.get("cloud").getAsString()).isEqualTo(cloud);
        var resources = json.getAsJsonArray("resources");
        assertThat(resources.get(0).getAsJsonObject().get("type").getAsString())
                .isEqualTo("portcullis:" + cloud + ":ClusterSecurityGroups");
        String groupType = cloud.equals("aws") ? "aws:ec2/securityGroup:SecurityGroup" : "openstack:networking/secGroup:SecGroup";
        List<String> groupNames = resources.asList().stream().map(e -> e.getAsJsonObject())
                .filter(r -> r.get("type").getAsString().equals(groupType)).map(r -> r.get("name").getAsString()).toList();
        int roles = Catalog.blueprint(distribution).roles().size();
        assertThat(groupNames).hasSize(roles + 1).contains(distribution + "-fw-all-nodes");
        assertThat(resources.size()).isGreaterThan(roles + 2);
        JsonObject attachments = json.getAsJsonObject("attachments");
        assertThat(attachments.keySet()).hasSize(roles);
        attachments.entrySet().forEach(e -> assertThat(groupNames).containsAll(
                e.getValue().getAsJsonArray().asList().stream().map(v -> v.getAsString()).toList()));
    }

    @Test
    void theJsonContractHasTheDocumentedFieldsAndReferencesReadAsNames() {
        Run run = plan("--distribution", "rke2", "--cloud", "aws", "--format", "json", "--peer", "admins=198.51.100.0/24");
        JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
        assertThat(json.keySet()).containsExactly("distribution", "cni", "cloud", "options", "ipFamily", "resources", "attachments",
                "firewall", "warnings");
        assertThat(json.get("cni").getAsString()).isEqualTo("canal");
        JsonObject rule = json.getAsJsonArray("resources").asList().stream().map(e -> e.getAsJsonObject())
                .filter(r -> r.get("name").getAsString().equals("rke2-fw-server-in-tcp-9345-all-nodes"))
                .findFirst().orElseThrow();
        assertThat(rule.get("type").getAsString()).isEqualTo("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
        JsonObject inputs = rule.getAsJsonObject("inputs");
        assertThat(inputs.get("securityGroupId").getAsString()).isEqualTo("rke2-fw-server");
        assertThat(inputs.get("referencedSecurityGroupId").getAsString()).isEqualTo("rke2-fw-all-nodes");
        assertThat(inputs.get("fromPort").toString()).isEqualTo("9345");
        assertThat(json.getAsJsonObject("attachments").getAsJsonArray("agent").toString())
                .isEqualTo("[\"rke2-fw-all-nodes\",\"rke2-fw-agent\"]");
        assertThat(run.out()).contains("\"rke2-fw-server-in-tcp-6443-198.51.100.0_24\"");
    }

    @Test
    void badFlagsGetOneLineAndExitCode2() {
        Run unknownFlag = plan("--distribution", "rke2", "--colud", "aws");
        assertThat(unknownFlag.exit()).isEqualTo(2);
        assertThat(unknownFlag.err()).isEqualTo("error: flag '--colud' is unknown (did you mean --cloud?): see "
                + "`portcullis plan --help` for the 30 flags and the commands diff\n");
        assertThat(plan("--distribution", "rke2", "--cni", "weave").err())
                .isEqualTo("error: cni of rke2 'weave' is unknown: allowed values are calico, canal, cilium, flannel, none\n");
        assertThat(plan("--distribution", "k3s", "--options", "vxlan,wireguard-native").err())
                .isEqualTo("error: options 'vxlan' and 'wireguard-native' of k3s are alternatives (flannel-backend): enable only one of them\n");
        assertThat(plan("--cloud", "aws").err()).startsWith("error: --distribution is required (or --program): allowed values are rke2, k3s");
        assertThat(plan("--distribution", "rke2", "--format", "yaml").exit()).isEqualTo(2);
    }

    @Test
    void optionsReplaceTheDefaultsAndAnEmptyListMeansNone() {
        JsonObject none = JsonParser.parseString(plan("--distribution", "k3s", "--options", "vxlan", "--format", "json").out())
                .getAsJsonObject();
        assertThat(none.getAsJsonArray("options")).extracting(JsonElement::getAsString).containsExactly("vxlan");
        assertThat(none.toString()).doesNotContain("tcp-10250"); // metrics-server, a default, is gone
        JsonObject empty = JsonParser.parseString(plan("--distribution", "k3s", "--cni", "none", "--options", "", "--format", "json")
                .out()).getAsJsonObject();
        assertThat(empty.getAsJsonArray("options")).isEmpty();
        // flannel cannot carry pods without a backend: the plan refuses rather than cut pod traffic.
        Run noBackend = plan("--distribution", "k3s", "--options", "");
        assertThat(noBackend.exit()).isEqualTo(2);
        assertThat(noBackend.err()).isEqualTo("error: cni 'flannel' of k3s needs one of its flannel-backend options: "
                + "vxlan (the default), host-gw, wireguard-native\n");
    }

    @Test
    void diffListsWhatOpensAndWhatCloses(@TempDir Path dir) throws Exception {
        Path saved = dir.resolve("plan.json");
        Files.writeString(saved, plan("--distribution", "rke2", "--format", "json").out());
        Run diff = plan("diff", "--distribution", "rke2", "--cni", "calico", "--against", saved.toString());
        assertThat(diff.exit()).as(diff.err()).isZero();
        assertThat(diff.out())
                .contains("Opens:\n")
                .contains("  + UDP 4789 from all nodes on rke2-fw-all-nodes: Calico CNI with VXLAN\n")
                .contains("Closes:\n")
                .contains("  - UDP 8472 from all nodes on rke2-fw-all-nodes: Canal CNI with VXLAN\n");
        assertThat(plan("diff", "--distribution", "rke2", "--against-options", "").out()).isEqualTo("No change.\n");
    }

    @Test
    void withAnImageTheExampleCreatesOneLaunchTemplatePerRoleCarryingThatRolesGroups() {
        Plan plan = Plans.run(ClusterFirewall::stack, java.util.Map.of(
                "portcullis:distribution", "rke1",
                "portcullis:vpcId", "vpc-0123abcd",
                "portcullis:clusterName", "edge",
                "portcullis:imageId", "ami-0abc",
                "portcullis:peers", "{\"rancher\": [\"198.51.100.0/24\"], \"admins\": [\"192.0.2.0/24\"], "
                        + "\"ingress-clients\": [], \"nodeport-clients\": []}"));
        var templates = plan.ofType("aws:ec2/launchTemplate:LaunchTemplate");
        assertThat(templates).extracting(Plan.Resource::name).containsExactly("edge-fw-controlplane", "edge-fw-etcd", "edge-fw-worker");
        assertThat(templates.get(1).inputs()).containsEntry("imageId", "ami-0abc").containsEntry("instanceType", "t3.large")
                .containsEntry("vpcSecurityGroupIds", List.of("edge-fw-all-nodes", "edge-fw-etcd"));
    }

    @Test
    void extraRulesFromConfigOpenWhatRestrictedEgressOtherwiseKeepsShut() {
        Plan plan = Plans.run(ClusterFirewall::stack, java.util.Map.of(
                "portcullis:distribution", "k3s",
                "portcullis:vpcId", "vpc-0123abcd",
                "portcullis:clusterName", "edge",
                "portcullis:egress", "restricted",
                "portcullis:peers", "{\"admins\": [\"192.0.2.0/24\"], \"nodeport-clients\": []}",
                "portcullis:extraRules", "[{\"from\": \"all-nodes\", \"to\": \"10.0.0.2/32\", \"protocol\": \"udp\", "
                        + "\"ports\": \"53\", \"description\": \"VPC resolver\"}]"));
        assertThat(plan.ofType("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule")).extracting(Plan.Resource::name)
                .contains("edge-fw-all-nodes-out-udp-53-10.0.0.2_32")
                .noneMatch(name -> name.contains("0.0.0.0_0"));
        String key = "portcullis:extraRules";
        assertThatThrownBy(() -> ClusterFirewall.userRules(key, java.util.Optional.of("{\"from\": \"all-nodes\"}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("portcullis:extraRules is not a JSON list of rules, e.g. [{\"from\": \"all-nodes\", \"to\": "
                        + "\"10.0.0.2/32\", \"protocol\": \"udp\", \"ports\": \"53\", \"description\": \"DNS\"}]");
        assertThatThrownBy(() -> ClusterFirewall.userRules(key, java.util.Optional.of("[\"dns\"]")))
                .hasMessage("portcullis:extraRules[0] is not an object with from, to, protocol, ports, description");
        // Read strictly: what a lenient parser would keep the last of, drop or guess is refused by name.
        assertThatThrownBy(() -> ClusterFirewall.userRules(key, java.util.Optional.of(
                "[{\"from\": \"admins\", \"to\": \"server\", \"from\": \"0.0.0.0/0\"}]")))
                .hasMessage("portcullis:extraRules[0] gives from twice: give it once");
        assertThatThrownBy(() -> ClusterFirewall.userRules(key, java.util.Optional.of("[{\"form\": \"admins\"}]")))
                .hasMessage("portcullis:extraRules[0].form is unknown: allowed fields are from, to, protocol, ports, description");
        assertThatThrownBy(() -> ClusterFirewall.userRules(key, java.util.Optional.of("[{from: 'admins'}]")))
                .hasMessageStartingWith("portcullis:extraRules is not a JSON list of rules");
        assertThat(ClusterFirewall.userRules(key, java.util.Optional.of("[{\"ports\": 53}]")).get(0).ports()).contains("53");
        assertThatThrownBy(() -> Plans.run(ClusterFirewall::stack, java.util.Map.of(
                "portcullis:distribution", "k3s", "portcullis:vpcId", "vpc-0123abcd",
                "portcullis:peers", "{\"admins\": [], \"nodeport-clients\": []}",
                "portcullis:extraRules", "[{\"to\": \"server\", \"protocol\": \"tcp\", \"ports\": \"22\"}]")))
                .hasMessage("extraRules[0]: from is missing: expected all-nodes, a role (server, agent), a named peer, "
                        + "a CIDR (10.0.0.0/16, 2001:db8::/32), a security group id (sg- and 8 or 17 hex digits) or a prefix "
                        + "list id (pl- and 8 or 17 hex digits)");
    }

    @Test
    void nftablesFormatPrintsOneRolesHostFirewall() {
        Run run = plan("--distribution", "k3s", "--format", "nftables", "--role", "server", "--peer", "admins=198.51.100.0/24");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("#!/usr/sbin/nft -f\n# Portcullis host firewall: k3s server nodes")
                .contains("    ip saddr 198.51.100.0/24 tcp dport 6443 accept");
        assertThat(plan("--distribution", "k3s", "--format", "nftables").err())
                .isEqualTo("error: --format nftables needs --role: allowed values are server, agent\n");
    }

    @Test
    void markdownIsReadyForAPullRequestComment() {
        Run run = plan("--distribution", "deckhouse", "--cloud", "openstack", "--format", "markdown");
        assertThat(run.out()).startsWith("### Portcullis plan: deckhouse on openstack\n")
                .contains("```mermaid\nflowchart LR\n")
                .contains("#### `deckhouse-fw-master` (Portcullis component `deckhouse-fw`)")
                .contains("| inbound | TCP | 6443 | admins (192.0.2.0/28) |")
                .contains("<details><summary>Resources</summary>");
    }
}
