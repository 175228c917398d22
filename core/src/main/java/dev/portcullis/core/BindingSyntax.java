package dev.portcullis.core;

import com.google.common.net.InetAddresses;
import java.util.Optional;

/**
 * How one cloud writes a binding as text, in Pulumi config and on the command line: each cloud
 * module has one, and text is parsed by it once, so an AWS plan never takes a Neutron UUID and a word
 * is never taken for a group id.
 */
public interface BindingSyntax {
    /**
     * Parses one binding.
     *
     * @throws IllegalArgumentException prefixed with {@code field}, naming the forms this cloud accepts
     */
    Binding parse(String field, String text);

    /** The accepted forms, for messages: {@code a CIDR (10.0.0.0/16), a security group id (sg-…)…}. */
    String forms();

    /**
     * Checks a value given already typed (a binding built in code, or one known only at deployment)
     * against its kind's form here, as {@link #parse} checks text.
     *
     * @throws IllegalArgumentException naming {@code field} if the value does not fit, or the kind has no form here
     */
    void checkValue(String field, Binding.Kind kind, String value);

    /** CIDRs only: what a host firewall (nftables) can express. */
    BindingSyntax CIDRS = new BindingSyntax() {
        @Override
        public Binding parse(String field, String text) {
            return cidr(field, text).orElseThrow(() -> unknownForm(field, text, forms()));
        }

        @Override
        public String forms() {
            return "a CIDR (10.0.0.0/16, 2001:db8::/32)";
        }

        @Override
        public void checkValue(String field, Binding.Kind kind, String value) {
            if (!kind.isCidr()) {
                throw new IllegalArgumentException(field + " is " + kind.token() + ", which a host firewall cannot express: "
                        + "expected " + forms());
            }
            checkCidr(field, kind, value);
        }
    };

    /** A CIDR value of the kind's family, in canonical form. */
    static void checkCidr(String field, Binding.Kind kind, String value) {
        try {
            Binding.literal(kind, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
        }
    }

    /**
     * The CIDR forms every cloud shares: a CIDR, or a bare address refused with the /32 or /128 it
     * probably meant. Empty when the text is neither.
     */
    static Optional<Binding> cidr(String field, String text) {
        Text.requirePrintable(field, text);
        String trimmed = text.trim();
        try {
            if (trimmed.contains("/") || trimmed.contains("%")
                    || (!trimmed.isEmpty() && InetAddresses.isInetAddress(trimmed))) {
                return Optional.of(Binding.cidr(Cidr.parse(trimmed)));
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
        }
        return Optional.empty();
    }

    /** The error for text in none of a cloud's forms. */
    static UnknownForm unknownForm(String field, String text, String forms) {
        return new UnknownForm(field, text, forms);
    }

    /** Text in none of a cloud's forms (as opposed to a CIDR with a mistake in it). */
    final class UnknownForm extends IllegalArgumentException {
        UnknownForm(String field, String text, String forms) {
            super(field + " '" + Text.printable(text) + "' is not a binding this cloud knows: expected " + forms);
        }
    }
}
