package dev.portcullis.core;

import java.util.Collection;
import java.util.Objects;

/**
 * Whether a set of source networks amounts to "the whole internet".
 *
 * <p>PLACEHOLDER on the audit branch: the lead's version (issue #8) replaces this file at merge with
 * the address-arithmetic definition, under which the union of the sources minus special-purpose
 * space must cover most of the globally routable space of a family. Until then this one answers
 * true only when some source is a /0 ({@code 0.0.0.0/0} or {@code ::/0}). Callers use only this
 * signature, so the merge changes no caller.
 */
public final class InternetExposure {
    private InternetExposure() {}

    /** @return whether the union of {@code sources} is internet-wide (here: contains a /0) */
    public static boolean isInternetWide(Collection<Cidr> sources) {
        Objects.requireNonNull(sources, "sources");
        return sources.stream().anyMatch(Cidr::isWholeInternet);
    }
}
