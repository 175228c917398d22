package dev.portcullis.audit;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html) for GitHub code
 * scanning: one reporting descriptor per {@link Check}, one result per finding with its level
 * (§3.27.10), locations in the inputs with line numbers where known, and the finding id as a
 * partial fingerprint (§3.27.17) so an alert keeps its identity across runs.
 */
final class SarifReport {
    static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    private SarifReport() {}

    static String render(AuditReport report) {
        List<Check> checks = Arrays.asList(Check.values());
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Check check : checks) {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("id", check.id());
            rule.put("name", check.title());
            rule.put("shortDescription", Map.of("text", check.title()));
            rule.put("fullDescription", Map.of("text", check.description()));
            rule.put("defaultConfiguration", Map.of("level", check.defaultSeverity().sarifLevel()));
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("tags", List.of("security", "firewall", report.command()));
            if (check.defaultSeverity().securitySeverity() > 0) {
                properties.put("security-severity",
                        String.format(java.util.Locale.ROOT, "%.1f", check.defaultSeverity().securitySeverity()));
            }
            rule.put("properties", properties);
            rules.add(rule);
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (Finding f : report.findings()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("ruleId", f.check().id());
            result.put("ruleIndex", checks.indexOf(f.check()));
            result.put("level", f.severity().sarifLevel());
            result.put("message", Map.of("text", f.message() + ". Fix: " + f.fix() + "."));
            result.put("locations", f.locations().stream().map(SarifReport::location).toList());
            result.put("partialFingerprints", Map.of("portcullisFindingId/v1", f.id()));
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("id", f.id());
            properties.put("severity", f.severity().label());
            properties.put("protocol", f.protocol());
            properties.put("ports", f.ports());
            properties.put("subject", f.subject());
            properties.put("policyEntry", f.policy().entry());
            properties.put("policyText", f.policy().text());
            properties.put("references", f.policy().references().stream().map(Object::toString).toList());
            properties.put("fix", f.fix());
            result.put("properties", properties);
            results.add(result);
        }
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "Portcullis");
        driver.put("rules", rules);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("automationDetails", Map.of("id", "portcullis-audit/" + report.command() + "/"));
        run.put("results", results);
        run.put("properties", Map.of("context", report.context(), "notes", report.notes()));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        root.put("runs", List.of(run));
        return JsonReport.GSON.toJson(root) + "\n";
    }

    private static Map<String, Object> location(Location location) {
        Map<String, Object> physical = new LinkedHashMap<>();
        physical.put("artifactLocation", Map.of("uri", uri(location.input())));
        if (location.line() > 0) {
            physical.put("region", Map.of("startLine", location.line()));
        }
        return Map.of("physicalLocation", physical);
    }

    /** A relative URI reference for a path (§3.4.3): separators kept, everything else percent-encoded. */
    static String uri(String input) {
        String path = input.equals("-") ? "stdin" : input.replace('\\', '/');
        try {
            return new URI(null, null, path, null).toASCIIString().replace(":", "%3A");
        } catch (URISyntaxException e) {
            throw new IllegalStateException("a path without scheme is always a URI reference: " + input, e);
        }
    }
}
