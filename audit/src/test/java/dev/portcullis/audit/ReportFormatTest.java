package dev.portcullis.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.portcullis.core.EgressMode;
import dev.portcullis.core.NodeAddressing;
import dev.portcullis.core.NodeRole;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportFormatTest {
    /** Everything an input could smuggle into an output. */
    static final String HOSTILE = "ev|il `tick` <!-- hide --> <b>x</b>\n## heading\r[link](https://x) *a* _b_ @team \u001B[31m";

    static AuditReport seed002() {
        return SocketAudit.audit(SocketAuditTest.policy("kubeadm", null, null), NodeRole.of("control-plane"),
                List.of(Fixtures.input("sockets/seed-002.txt")));
    }

    static AuditReport awsGroups() {
        return GroupAuditTest.aws(GroupAuditTest.kubeadm(), Fixtures.input("groups/aws-describe-security-group-rules.json"),
                "all-nodes=" + GroupAuditTest.ALL, "control-plane=" + GroupAuditTest.CP, "worker=" + GroupAuditTest.WORKER);
    }

    static AuditReport hostile() {
        Finding finding = new Finding("unlisted-listener:" + HOSTILE, Check.UNLISTED_LISTENER, Severity.MEDIUM, "tcp", "8888",
                HOSTILE, "listens: " + HOSTILE, new Citation(HOSTILE, HOSTILE, ImmutableList.of(URI.create("https://example.org/a(b)"))),
                HOSTILE, ImmutableList.of(new Location(HOSTILE, 3)));
        return new AuditReport("sockets", ImmutableMap.of("role", HOSTILE), ImmutableList.of(HOSTILE), ImmutableList.of(finding),
                ImmutableList.of(HOSTILE), Optional.of(new AuditReport.Remediation("var x = 1; // ```\n", ImmutableList.of("pulumi import ```"))));
    }

    @Test
    void sarifOfBothCommandsValidatesAgainstTheSarif210Schema() throws Exception {
        Schema schema;
        try (InputStream in = getClass().getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
        }
        for (AuditReport report : List.of(seed002(), awsGroups(), hostile())) {
            String sarif = ReportFormat.SARIF.render(report);
            assertThat(schema.validate(sarif, InputFormat.JSON)).as(sarif).isEmpty();
        }
        assertThat(schema.validate("{\"version\": \"2.1.0\", \"runs\": [{\"results\": []}]}", InputFormat.JSON))
                .as("the schema itself rejects a run without a tool").isNotEmpty();
    }

    @Test
    void sarifHasOneRulePerCheckAndResultsWithLevelsLinesAndStableFingerprints() {
        JsonObject run = JsonParser.parseString(ReportFormat.SARIF.render(seed002())).getAsJsonObject()
                .getAsJsonArray("runs").get(0).getAsJsonObject();
        JsonArray rules = run.getAsJsonObject("tool").getAsJsonObject("driver").getAsJsonArray("rules");
        assertThat(rules).hasSize(Check.values().length);
        JsonObject proxy = null;
        for (JsonElement result : run.getAsJsonArray("results")) {
            if (result.getAsJsonObject().getAsJsonObject("properties").get("id").getAsString().equals("unlisted-listener:seed-002.txt:tcp-8888")) {
                proxy = result.getAsJsonObject();
            }
        }
        assertThat(proxy).isNotNull();
        assertThat(proxy.get("ruleId").getAsString()).isEqualTo("unlisted-listener");
        assertThat(rules.get(proxy.get("ruleIndex").getAsInt()).getAsJsonObject().get("id").getAsString()).isEqualTo("unlisted-listener");
        assertThat(proxy.get("level").getAsString()).isEqualTo("warning");
        JsonObject physical = proxy.getAsJsonArray("locations").get(0).getAsJsonObject().getAsJsonObject("physicalLocation");
        assertThat(physical.getAsJsonObject("artifactLocation").get("uri").getAsString()).isEqualTo("seed-002.txt");
        assertThat(physical.getAsJsonObject("region").get("startLine").getAsInt()).isEqualTo(28);
        assertThat(proxy.getAsJsonObject("partialFingerprints").get("portcullisFindingId/v1").getAsString())
                .isEqualTo("unlisted-listener:seed-002.txt:tcp-8888");
    }

    @Test
    void sarifLevelsFollowSeverity() {
        assertThat(List.of(Severity.values())).extracting(Severity::sarifLevel)
                .containsExactly("error", "error", "warning", "note", "note");
        assertThat(SarifReport.uri("nodes/cp 1:x.txt")).isEqualTo("nodes/cp%201%3Ax.txt");
        assertThat(SarifReport.uri("-")).isEqualTo("stdin");
    }

    @Test
    void jsonFollowsTheDocumentedContract() {
        JsonObject root = JsonParser.parseString(ReportFormat.JSON.render(awsGroups())).getAsJsonObject();
        assertThat(root.keySet()).containsExactly("schemaVersion", "tool", "command", "context", "inputs", "summary", "findings",
                "notes", "remediation");
        assertThat(root.get("schemaVersion").getAsInt()).isEqualTo(1);
        assertThat(root.get("command").getAsString()).isEqualTo("groups");
        assertThat(root.getAsJsonObject("context").keySet()).containsExactly("distribution", "cni", "options", "ipFamily", "profile",
                "cloud", "format", "groups", "nodeAddressing", "egress");
        assertThat(root.getAsJsonObject("summary").keySet()).containsExactly("critical", "high", "medium", "low", "info");
        assertThat(root.getAsJsonObject("summary").get("critical").getAsInt()).isEqualTo(1);
        JsonObject first = root.getAsJsonArray("findings").get(0).getAsJsonObject();
        assertThat(first.keySet()).containsExactly("id", "check", "severity", "protocol", "ports", "subject", "message", "policy",
                "fix", "locations");
        assertThat(first.get("id").getAsString()).isEqualTo("internet-exposed:sgr-0c0c0c0c0c0c00002");
        assertThat(first.get("severity").getAsString()).isEqualTo("critical");
        assertThat(first.getAsJsonObject("policy").keySet()).containsExactly("entry", "text", "references");
        assertThat(first.getAsJsonObject("policy").getAsJsonArray("references").get(0).getAsString())
                .isEqualTo("https://kubernetes.io/docs/reference/networking/ports-and-protocols/");
        JsonObject location = first.getAsJsonArray("locations").get(0).getAsJsonObject();
        assertThat(location.keySet()).containsExactly("input", "line");
        assertThat(location.get("line").getAsInt()).isEqualTo(41);
        assertThat(root.getAsJsonObject("remediation").keySet()).containsExactly("program", "imports");
        assertThat(JsonParser.parseString(ReportFormat.JSON.render(seed002())).getAsJsonObject().has("remediation")).isFalse();
    }

    @Test
    void theJsonContractInDocsAuditMdListsExactlyTheFieldsWritten() throws Exception {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("../docs/audit.md"));
        String contract = doc.substring(doc.indexOf("### JSON contract"), doc.indexOf("### SARIF"));
        String[] tables = contract.split("\nA finding:\n");
        JsonObject root = JsonParser.parseString(ReportFormat.JSON.render(awsGroups())).getAsJsonObject();
        assertThat(fieldNames(tables[0])).containsExactlyElementsOf(root.keySet());
        assertThat(fieldNames(tables[1])).containsExactlyElementsOf(root.getAsJsonArray("findings").get(0).getAsJsonObject().keySet());
    }

    /** The backticked names in the first column of a Markdown table. */
    private static List<String> fieldNames(String table) {
        return table.lines().filter(l -> l.startsWith("| `")).map(l -> l.substring(3, l.indexOf('`', 3))).toList();
    }

    @Test
    void jsonCarriesHostileTextExactly() {
        JsonObject root = JsonParser.parseString(ReportFormat.JSON.render(hostile())).getAsJsonObject();
        JsonObject finding = root.getAsJsonArray("findings").get(0).getAsJsonObject();
        assertThat(finding.get("subject").getAsString()).isEqualTo(HOSTILE);
        assertThat(finding.getAsJsonObject("policy").get("text").getAsString()).isEqualTo(HOSTILE);
    }

    @Test
    void markdownEscapesWhatCameFromTheInputSoTheTableHoldsAndNothingHides() {
        String markdown = ReportFormat.MARKDOWN.render(hostile());
        List<String> rows = markdown.lines().filter(l -> l.startsWith("| medium")).toList();
        assertThat(rows).hasSize(1);
        String row = rows.get(0);
        assertThat(row.replace("\\|", "").chars().filter(c -> c == '|').count()).as("cell separators").isEqualTo(8);
        assertThat(markdown).doesNotContain("<!--", "<b>", "@team", "\u001B", "\n## heading");
        assertThat(row).contains("ev\\|il \\`tick\\` &lt;!-- hide --&gt; &lt;b&gt;x&lt;/b&gt;\\\\n## heading\\\\r\\[link\\]"
                + "(https://x) \\*a\\* \\_b\\_ &#64;team \\\\u001b\\[31m");
        assertThat(markdown).contains("[source](https://example.org/a%28b%29)");
        assertThat(markdown).contains("````java\nvar x = 1; // ```\n````").contains("````sh\npulumi import ```\n````");
    }

    @Test
    void theTablePrintsTheProgramLineByLineWithoutControlCharacters() {
        AuditReport report = new AuditReport("groups", ImmutableMap.of(), ImmutableList.of("rules.json"), ImmutableList.of(),
                ImmutableList.of(), Optional.of(new AuditReport.Remediation("// " + HOSTILE + "\nvar x = 1;\n", ImmutableList.of())));
        String table = ReportFormat.TABLE.render(report);
        assertThat(table).doesNotContain("\u001B", "\r").contains("\nvar x = 1;\n")
                .contains("// ev|il `tick` <!-- hide --> <b>x</b>\n## heading\n[link](https://x) *a* _b_ @team \\u001b[31m\n");
    }

    @Test
    void tableKeepsEveryFindingFieldOnItsOwnLine() {
        String table = ReportFormat.TABLE.render(hostile());
        assertThat(table).doesNotContain("\u001B", "\r").contains("ev|il `tick` <!-- hide --> <b>x</b>\\n## heading\\r[link]");
        assertThat(table.lines().filter(l -> l.contains("## heading"))).allMatch(l -> l.contains("\\n## heading"));
    }

    @Test
    void formatsAreParsedWithTheAllowedValuesInTheMessage() {
        assertThat(ReportFormat.parse("SARIF")).isEqualTo(ReportFormat.SARIF);
        assertThatThrownBy(() -> ReportFormat.parse("xml")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("format 'xml' is unknown: allowed values are table, markdown, json, sarif");
        assertThatThrownBy(() -> Severity.parse("urgent")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("severity 'urgent' is unknown: allowed values are critical, high, medium, low, info");
    }

    @Test
    void findingIdsMustBeUnique() {
        Finding one = hostile().findings().get(0);
        assertThatThrownBy(() -> new AuditReport("sockets", ImmutableMap.of(), ImmutableList.of(), ImmutableList.of(one, one),
                ImmutableList.of(), Optional.empty())).isInstanceOf(IllegalStateException.class);
        assertThat(Set.copyOf(awsGroups().findings().stream().map(Finding::id).toList())).hasSize(awsGroups().findings().size());
        assertThat(GroupAuditTest.settings(Cloud.AWS, NodeAddressing.PRIVATE, EgressMode.ALLOW_ALL, "worker=" + GroupAuditTest.WORKER)
                .groups().scopes()).containsOnlyKeys(GroupAuditTest.WORKER);
    }
}
