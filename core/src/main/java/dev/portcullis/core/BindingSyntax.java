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

    /** CIDRs only: what a host firewall (nftables) can express. */
    BindingSyntax CIDRS = new BindingSyntax() {
        @Override
        public Binding parse(String field, String text) {
            return cidr(field, text, forms()).orElseThrow(() -> unknownForm(field, text, forms()));
        }

        @Override
        public String forms() {
            return "a CIDR (10.0.0.0/16, 2001:db8::/32)";
        }
    };

    /**
     * The CIDR forms every cloud shares: a CIDR, or a bare address refused with the /32 or /128 it
     * probably meant. Empty when the text is neither.
     */
    static Optional<Binding> cidr(String field, String text, String forms) {
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
        private final transient String field;
        private final transient String text;

        UnknownForm(String field, String text, String forms) {
            super(field + " '" + Text.printable(text) + "' is not a binding this cloud knows: expected " + forms);
            this.field = field;
            this.text = text;
        }

        public String field() {
            return field;
        }

        public String text() {
            return text;
        }
    }
}
