package dev.portcullis.audit;

import com.google.common.collect.ImmutableList;
import dev.portcullis.core.Exclusion;
import dev.portcullis.core.FirewallRule;
import dev.portcullis.core.Option;
import dev.portcullis.core.Requirement;
import java.net.URI;
import java.util.Collection;
import java.util.Objects;

/**
 * The policy entry a finding was judged against: a compiled rule ({@code entry} is its
 * {@link FirewallRule#key()}) or a catalog requirement, with the pages that back it.
 *
 * @param entry a stable name: a rule key, or {@code requirement: TCP 2381 etcd metrics and health}
 * @param text what the entry says, in words
 * @param references the official pages behind it (https URLs, or the user-rule URN)
 */
public record Citation(String entry, String text, ImmutableList<URI> references) {
    public Citation {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(text, "text");
        references = ImmutableList.sortedCopyOf(references.stream().distinct().toList());
    }

    static Citation of(FirewallRule rule) {
        return new Citation(rule.key(), rule.description(), ImmutableList.copyOf(rule.references()));
    }

    /** Several rules behind one verdict: keys and descriptions joined, references merged. */
    static Citation of(Collection<FirewallRule> rules) {
        if (rules.size() == 1) {
            return of(rules.iterator().next());
        }
        return new Citation(String.join(", ", rules.stream().map(FirewallRule::key).toList()),
                String.join(" | ", rules.stream().map(FirewallRule::description).toList()),
                rules.stream().flatMap(r -> r.references().stream()).collect(ImmutableList.toImmutableList()));
    }

    static Citation of(Requirement requirement) {
        String text = requirement.service() + " " + requirement.purpose() + ", from "
                + requirement.source().displayName() + " to " + requirement.destination().displayName()
                + requirement.localOnly().map(reason -> " (local-only: " + reason + ")").orElse("")
                + (requirement.condition().isAlways() ? "" : " when " + requirement.condition());
        return new Citation("requirement: " + requirement.service() + " " + requirement.purpose(), text,
                ImmutableList.of(requirement.reference()));
    }

    static Citation of(Exclusion exclusion) {
        Citation requirement = of(exclusion.requirement());
        return new Citation(requirement.entry(), requirement.text() + "; no network rule: " + exclusion.reason(),
                requirement.references());
    }

    static Citation of(Option option, Requirement requirement) {
        Citation base = of(requirement);
        return new Citation("option: " + option.name(), "option " + option.name() + " (" + option.description()
                + ") adds " + base.text(), ImmutableList.of(option.reference(), requirement.reference()));
    }
}
