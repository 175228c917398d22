package dev.portcullis.aws;

import dev.portcullis.core.Binding;
import dev.portcullis.core.BindingSyntax;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Bindings as AWS config and the command line write them: a CIDR, a security group id
 * ({@code sg-} and 8 or 17 hex digits) or a managed prefix list id ({@code pl-}…). Anything else,
 * a word or a Neutron UUID, is refused here rather than by AWS at deployment.
 */
public final class AwsBindingSyntax implements BindingSyntax {
    public static final AwsBindingSyntax INSTANCE = new AwsBindingSyntax();

    static final Pattern SECURITY_GROUP = Pattern.compile("sg-(?:[0-9a-f]{8}|[0-9a-f]{17})");
    static final Pattern PREFIX_LIST = Pattern.compile("pl-(?:[0-9a-f]{8}|[0-9a-f]{17})");
    static final Pattern VPC = Pattern.compile("vpc-(?:[0-9a-f]{8}|[0-9a-f]{17})");

    private AwsBindingSyntax() {}

    @Override
    public Binding parse(String field, String text) {
        Optional<Binding> cidr = BindingSyntax.cidr(field, text, forms());
        if (cidr.isPresent()) {
            return cidr.get();
        }
        String id = text.trim();
        if (SECURITY_GROUP.matcher(id).matches()) {
            return Binding.literal(Binding.Kind.SECURITY_GROUP, id);
        }
        if (PREFIX_LIST.matcher(id).matches()) {
            return Binding.literal(Binding.Kind.PREFIX_LIST, id);
        }
        throw BindingSyntax.unknownForm(field, text, forms());
    }

    @Override
    public String forms() {
        return "a CIDR (10.0.0.0/16, 2001:db8::/32), a security group id (sg- and 8 or 17 hex digits) "
                + "or a prefix list id (pl- and 8 or 17 hex digits)";
    }

    /** An id's form, for ids that arrive as outputs: {@code sg-…}, {@code pl-…}. */
    static void requireId(String field, String what, Pattern form, String id) {
        if (!form.matcher(id).matches()) {
            throw new IllegalArgumentException(field + " '" + dev.portcullis.core.Text.printable(id) + "' is not a " + what
                    + " id: expected " + form.pattern().substring(0, 3) + " and 8 or 17 hex digits");
        }
    }

    /** @throws IllegalArgumentException naming vpcId unless it is vpc- and 8 or 17 hex digits */
    public static String vpcId(String id) {
        if (id == null || !VPC.matcher(id).matches()) {
            throw new IllegalArgumentException("vpcId '" + dev.portcullis.core.Text.printable(String.valueOf(id))
                    + "' is invalid: expected vpc- and 8 or 17 hex digits (vpc-0123456789abcdef0)");
        }
        return id;
    }
}
