package dev.portcullis.core;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * What one named peer is bound to: a cloud-neutral reference whose {@link Kind} is known when the
 * cluster is described and whose value may stay unknown until deployment (an id another resource
 * produces). Each cloud turns the kinds it supports into its own rule fields and refuses the others.
 *
 * <p>A binding with a known value and no label is a <em>literal</em>: rules name it by its value,
 * so two peers bound to the same CIDR share one rule. Otherwise rules name it by its peer and its
 * {@linkplain #label() label}, which therefore must be unique per peer; an unknown value without a
 * label is labelled by its kind ({@code group}, {@code ipv4}…).
 *
 * @param maxEntries for a prefix list, its maximum number of entries (clouds count them against quotas)
 */
public record Binding(Kind kind, Optional<String> label, Optional<String> value, OptionalInt maxEntries) {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    /** The kinds of reference; every cloud translator switches over all of them. */
    public enum Kind {
        IPV4_CIDR("ipv4"),
        IPV6_CIDR("ipv6"),
        SECURITY_GROUP("group"),
        PREFIX_LIST("prefix-list"),
        ADDRESS_GROUP("address-group");

        private final String token;

        Kind(String token) {
            this.token = token;
        }

        /** {@code ipv4}, {@code group}…: used in names and as the default label. */
        public String token() {
            return token;
        }

        public boolean isCidr() {
            return this == IPV4_CIDR || this == IPV6_CIDR;
        }
    }

    /** A spec's order of bindings, so equal specs are equal whatever order the user wrote them in. */
    public static final Comparator<Binding> ORDER = Comparator.comparing(Binding::kind)
            .thenComparing(b -> b.label().orElse("")).thenComparing(b -> b.value().orElse(""))
            .thenComparingInt(b -> b.maxEntries().orElse(0));

    /** @throws IllegalArgumentException if the label or the value does not fit the kind */
    public Binding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(maxEntries, "maxEntries");
        label.ifPresent(l -> {
            if (!LABEL.matcher(l).matches()) {
                throw new IllegalArgumentException("binding label '" + Text.printable(l)
                        + "' is invalid: expected lower-case letters, digits and '-', at most 40, e.g. office-vpn");
            }
        });
        if (value.isPresent()) {
            value = Optional.of(canonical(kind, value.get()));
        }
        if (maxEntries.isPresent() && (kind != Kind.PREFIX_LIST || maxEntries.getAsInt() < 1)) {
            throw new IllegalArgumentException("maxEntries " + maxEntries.getAsInt()
                    + " is not allowed here: only a prefix list has entries, at least 1");
        }
    }

    /** A known CIDR, IPv4 or IPv6 by its address. */
    public static Binding cidr(Cidr cidr) {
        return new Binding(cidr.family() == IpFamily.IPV4 ? Kind.IPV4_CIDR : Kind.IPV6_CIDR, Optional.empty(),
                Optional.of(cidr.toString()), OptionalInt.empty());
    }

    /** A known value of the given kind, named by its value; a CIDR must be of the kind's family. */
    public static Binding literal(Kind kind, String value) {
        return new Binding(kind, Optional.empty(), Optional.of(value), OptionalInt.empty());
    }

    /** A reference of the given kind; {@code value} empty while unknown, {@code label} empty for none. */
    public static Binding of(Kind kind, Optional<String> value, Optional<String> label) {
        return new Binding(kind, label, value, OptionalInt.empty());
    }

    /** A prefix list and the number of entries the cloud reserves for it. */
    public static Binding prefixList(Optional<String> id, int maxEntries, Optional<String> label) {
        return new Binding(Kind.PREFIX_LIST, label, id, OptionalInt.of(maxEntries));
    }

    /** Named by its value: known, and no label given. */
    public boolean isLiteral() {
        return value.isPresent() && label.isEmpty();
    }

    /** The label rules use when the binding is not a literal: the given one, or the kind's token. */
    public String effectiveLabel() {
        return label.orElse(kind.token());
    }

    /** The CIDR, for CIDR kinds with a known value. */
    public Optional<Cidr> cidr() {
        return kind.isCidr() ? value.map(Cidr::parse) : Optional.empty();
    }

    /** The IP family, for CIDR kinds; references match both. */
    public Optional<IpFamily> family() {
        return switch (kind) {
            case IPV4_CIDR -> Optional.of(IpFamily.IPV4);
            case IPV6_CIDR -> Optional.of(IpFamily.IPV6);
            case SECURITY_GROUP, PREFIX_LIST, ADDRESS_GROUP -> Optional.empty();
        };
    }

    /**
     * A name fragment for a literal, injective over all literals: CIDRs as {@code 10.0.0.0_16} or
     * {@code 2001.db8.._32} (always one {@code _}, never a {@code -}), references as their kind's token,
     * {@code -}, and the value with every character outside {@code [a-z0-9-]} escaped as {@code _}, its
     * code point in hex, {@code _} ({@code sg-0A} becomes {@code group-sg-0_41_}).
     */
    String literalKey() {
        String text = value.orElseThrow(() -> new IllegalStateException("not a literal: " + this));
        return kind.isCidr() ? text.replace('/', '_').replace(':', '.') : kind.token() + "-" + escape(text);
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') {
                out.appendCodePoint(c);
            } else {
                out.append('_').append(Integer.toHexString(c)).append('_');
            }
        });
        return out.toString();
    }

    /** How a reader names the value: {@code 10.0.0.0/16}, {@code group sg-0123…}, {@code group (known after apply)}. */
    public String displayValue() {
        String shown = value.orElse("(known after apply)");
        return kind.isCidr() ? shown : kind.token().replace('-', ' ') + " " + shown;
    }

    private static String canonical(Kind kind, String value) {
        Text.requirePrintable(kind.token() + " value", value);
        if (kind.isCidr()) {
            Cidr cidr = Cidr.parse(value.trim());
            IpFamily expected = kind == Kind.IPV4_CIDR ? IpFamily.IPV4 : IpFamily.IPV6;
            if (cidr.family() != expected) {
                throw new IllegalArgumentException("CIDR " + cidr + " is " + cidr.family().label() + ", but the binding is an "
                        + expected.label() + " CIDR");
            }
            return cidr.toString();
        }
        if (value.isBlank() || value.length() > 255 || !value.equals(value.strip())) {
            throw new IllegalArgumentException(kind.token() + " id '" + value
                    + "' is invalid: expected a non-blank id of at most 255 characters without surrounding spaces");
        }
        return value;
    }

    @Override
    public String toString() {
        return kind.token() + label.map(l -> "[" + l + "]").orElse("") + "=" + value.orElse("?")
                + (maxEntries.isPresent() ? " (max " + maxEntries.getAsInt() + ")" : "");
    }
}
