package dev.portcullis.core;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How each cloud writes the ids Portcullis reads as text, in one place for every module that reads
 * them: the cloud modules (config and the command line) and the audit (live listings), which
 * depends on {@code core} alone. Anything else, a word or another cloud's id, is refused here rather
 * than by the cloud at deployment.
 */
public final class CloudIdForms {
    private static final Pattern AWS_HEX = Pattern.compile("(?:[0-9a-f]{8}|[0-9a-f]{17})");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** A CIDR, a security group id ({@code sg-} and 8 or 17 hex digits) or a managed prefix list id ({@code pl-}…). */
    public static final PatternSyntax AWS = new PatternSyntax(List.of(
            new PatternSyntax.Form(Binding.Kind.SECURITY_GROUP, "", Pattern.compile("sg-" + AWS_HEX.pattern()),
                    "a security group id (sg- and 8 or 17 hex digits)"),
            new PatternSyntax.Form(Binding.Kind.PREFIX_LIST, "", Pattern.compile("pl-" + AWS_HEX.pattern()),
                    "a prefix list id (pl- and 8 or 17 hex digits)")));

    /** A CIDR, a security group's UUID (a remote group), or {@code address-group:} and an address group's UUID. */
    public static final PatternSyntax NEUTRON = new PatternSyntax(List.of(
            new PatternSyntax.Form(Binding.Kind.SECURITY_GROUP, "", UUID, "a security group UUID (lower-case)"),
            new PatternSyntax.Form(Binding.Kind.ADDRESS_GROUP, "address-group:", UUID, "address-group: and an address group UUID")));

    private static final Pattern VPC = Pattern.compile("vpc-" + AWS_HEX.pattern());

    private CloudIdForms() {}

    /**
     * @param field how the message names the value, e.g. {@code vpcId}
     * @throws IllegalArgumentException naming {@code field} unless the id is vpc- and 8 or 17 hex digits
     */
    public static String awsVpcId(String field, String id) {
        if (id == null || !VPC.matcher(id).matches()) {
            throw new IllegalArgumentException(field + " '" + Text.printable(String.valueOf(id))
                    + "' is invalid: expected vpc- and 8 or 17 hex digits (vpc-0123456789abcdef0)");
        }
        return id;
    }
}
