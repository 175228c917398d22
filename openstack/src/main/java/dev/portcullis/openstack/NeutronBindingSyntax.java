package dev.portcullis.openstack;

import dev.portcullis.core.Binding;
import dev.portcullis.core.BindingSyntax;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Bindings as OpenStack config and the command line write them: a CIDR, a security group's UUID (a
 * remote group), or {@code address-group:} and an address group's UUID. AWS ids and words are
 * refused here rather than by Neutron at deployment.
 */
public final class NeutronBindingSyntax implements BindingSyntax {
    public static final NeutronBindingSyntax INSTANCE = new NeutronBindingSyntax();
    static final String ADDRESS_GROUP_PREFIX = "address-group:";
    static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private NeutronBindingSyntax() {}

    @Override
    public Binding parse(String field, String text) {
        Optional<Binding> cidr = BindingSyntax.cidr(field, text, forms());
        if (cidr.isPresent()) {
            return cidr.get();
        }
        String id = text.trim();
        if (UUID.matcher(id).matches()) {
            return Binding.literal(Binding.Kind.SECURITY_GROUP, id);
        }
        if (id.startsWith(ADDRESS_GROUP_PREFIX) && UUID.matcher(id.substring(ADDRESS_GROUP_PREFIX.length())).matches()) {
            return Binding.literal(Binding.Kind.ADDRESS_GROUP, id.substring(ADDRESS_GROUP_PREFIX.length()));
        }
        throw BindingSyntax.unknownForm(field, text, forms());
    }

    @Override
    public String forms() {
        return "a CIDR (10.0.0.0/16, 2001:db8::/32), a security group UUID (lower-case) "
                + "or address-group: and an address group UUID";
    }

    /** A Neutron UUID's form, for ids that arrive as outputs. */
    static void requireUuid(String field, String id) {
        if (!UUID.matcher(id).matches()) {
            throw new IllegalArgumentException(field + " '" + id + "' is not a Neutron UUID: expected 8-4-4-4-12 lower-case hex digits");
        }
    }
}
