package dev.portcullis.audit;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON contract documented in docs/audit.md ({@code schemaVersion} 1). */
final class JsonReport {
    static final int SCHEMA_VERSION = 1;
    static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private JsonReport() {}

    static String render(AuditReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("tool", "portcullis");
        root.put("command", report.command());
        root.put("context", report.context());
        root.put("inputs", report.inputs());
        Map<String, Long> summary = new LinkedHashMap<>();
        report.counts().forEach((severity, count) -> summary.put(severity.label(), count));
        root.put("summary", summary);
        root.put("findings", report.findings().stream().map(JsonReport::finding).toList());
        root.put("notes", report.notes());
        report.remediation().ifPresent(r -> {
            Map<String, Object> remediation = new LinkedHashMap<>();
            remediation.put("program", r.program());
            remediation.put("imports", r.imports());
            root.put("remediation", remediation);
        });
        return GSON.toJson(root) + "\n";
    }

    private static Map<String, Object> finding(Finding f) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", f.id());
        out.put("check", f.check().id());
        out.put("severity", f.severity().label());
        out.put("protocol", f.protocol());
        out.put("ports", f.ports());
        out.put("subject", f.subject());
        out.put("message", f.message());
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("entry", f.policy().entry());
        policy.put("text", f.policy().text());
        policy.put("references", f.policy().references().stream().map(Object::toString).toList());
        out.put("policy", policy);
        out.put("fix", f.fix());
        List<Map<String, Object>> locations = f.locations().stream().map(l -> {
            Map<String, Object> location = new LinkedHashMap<>();
            location.put("input", l.input());
            location.put("line", l.line());
            return location;
        }).toList();
        out.put("locations", locations);
        return out;
    }
}
