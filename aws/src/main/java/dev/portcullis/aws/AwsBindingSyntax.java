package dev.portcullis.aws;

import dev.portcullis.core.Binding;
import dev.portcullis.core.PatternSyntax;
import dev.portcullis.core.Text;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Bindings as AWS config and the command line write them: a CIDR, a security group id
 * ({@code sg-} and 8 or 17 hex digits) or a managed prefix list id ({@code pl-}…). Anything else,
 * a word or a Neutron UUID, is refused here rather than by AWS at deployment.
 */
public final class AwsBindingSyntax {
    public static final PatternSyntax INSTANCE = new PatternSyntax(List.of(
            new PatternSyntax.Form(Binding.Kind.SECURITY_GROUP, "", Pattern.compile("sg-(?:[0-9a-f]{8}|[0-9a-f]{17})"),
                    "a security group id (sg- and 8 or 17 hex digits)"),
            new PatternSyntax.Form(Binding.Kind.PREFIX_LIST, "", Pattern.compile("pl-(?:[0-9a-f]{8}|[0-9a-f]{17})"),
                    "a prefix list id (pl- and 8 or 17 hex digits)")));

    private static final Pattern VPC = Pattern.compile("vpc-(?:[0-9a-f]{8}|[0-9a-f]{17})");

    private AwsBindingSyntax() {}

    /** @throws IllegalArgumentException naming vpcId unless it is vpc- and 8 or 17 hex digits */
    public static String vpcId(String id) {
        if (id == null || !VPC.matcher(id).matches()) {
            throw new IllegalArgumentException("vpcId '" + Text.printable(String.valueOf(id))
                    + "' is invalid: expected vpc- and 8 or 17 hex digits (vpc-0123456789abcdef0)");
        }
        return id;
    }
}
