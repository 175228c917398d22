package dev.portcullis.core;

import java.util.Objects;

/** An active requirement that became no network rule, and why (local-only, family not enabled…). */
public record Exclusion(Requirement requirement, String reason) {
    public Exclusion {
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(reason, "reason");
    }
}
