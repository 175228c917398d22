package dev.portcullis.audit;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an audit found, ready to render.
 *
 * @param command {@code sockets} or {@code groups}
 * @param context the resolved choices the policy was built from ({@code distribution}, {@code cni},
 *     {@code options}, {@code role}…), in display order
 * @param inputs the names of the inputs read
 * @param findings sorted by {@link Finding#ORDER}; ids are unique
 * @param notes what the audit could not check and why (unmapped groups, filtered input…)
 * @param remediation for groups: how to bring the live groups under management
 */
public record AuditReport(
        String command,
        ImmutableMap<String, String> context,
        ImmutableList<String> inputs,
        ImmutableList<Finding> findings,
        ImmutableList<String> notes,
        Optional<Remediation> remediation) {

    /**
     * @param program a Portcullis program fragment that would create the policy's groups
     * @param imports {@code pulumi import} commands that adopt the live groups and rules as they are
     */
    public record Remediation(String program, ImmutableList<String> imports) {
        public Remediation {
            Objects.requireNonNull(program, "program");
            imports = ImmutableList.copyOf(imports);
        }
    }

    public AuditReport {
        Objects.requireNonNull(command, "command");
        context = ImmutableMap.copyOf(context);
        inputs = ImmutableList.copyOf(inputs);
        findings = ImmutableList.sortedCopyOf(Finding.ORDER, findings);
        notes = ImmutableList.copyOf(notes);
        Objects.requireNonNull(remediation, "remediation");
        long distinct = findings.stream().map(Finding::id).distinct().count();
        if (distinct != findings.size()) {
            throw new IllegalStateException("finding ids are not unique: " + findings.stream().map(Finding::id).toList());
        }
    }

    /** Whether some finding is at least as severe as {@code threshold}. */
    public boolean hasAtLeast(Severity threshold) {
        return findings.stream().anyMatch(f -> f.severity().atLeast(threshold));
    }

    /** Findings per severity, every severity present (most severe first). */
    public ImmutableMap<Severity, Long> counts() {
        ImmutableMap.Builder<Severity, Long> counts = ImmutableMap.builder();
        Arrays.stream(Severity.values()).forEach(s -> counts.put(s, findings.stream().filter(f -> f.severity() == s).count()));
        return counts.build();
    }

    /** {@code 1 critical, 2 high, 0 medium, 3 low, 5 info}. */
    public String summary() {
        return String.join(", ", counts().entrySet().stream()
                .map((Map.Entry<Severity, Long> e) -> e.getValue() + " " + e.getKey().label()).toList());
    }
}
