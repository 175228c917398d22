package dev.portcullis.core;

import java.net.URI;
import java.util.Objects;

/** A pod network plugin a blueprint supports, such as {@code canal} or {@code cilium}. */
public record Cni(String name, String description, URI reference) {
    public Cni {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(reference, "reference");
    }

    public static Cni of(String name, String description, String reference) {
        return new Cni(name, description, URI.create(reference));
    }
}
