package dev.portcullis.openstack;

import dev.portcullis.core.Binding;
import dev.portcullis.core.PatternSyntax;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Bindings as OpenStack config and the command line write them: a CIDR, a security group's UUID (a
 * remote group), or {@code address-group:} and an address group's UUID. AWS ids and words are
 * refused here rather than by Neutron at deployment.
 */
public final class NeutronBindingSyntax {
    static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public static final PatternSyntax INSTANCE = new PatternSyntax(List.of(
            new PatternSyntax.Form(Binding.Kind.SECURITY_GROUP, "", UUID, "a security group UUID (lower-case)"),
            new PatternSyntax.Form(Binding.Kind.ADDRESS_GROUP, "address-group:", UUID,
                    "address-group: and an address group UUID")));

    private NeutronBindingSyntax() {}
}
