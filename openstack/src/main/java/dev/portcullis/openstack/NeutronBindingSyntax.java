package dev.portcullis.openstack;

import dev.portcullis.core.CloudIdForms;
import dev.portcullis.core.PatternSyntax;

/**
 * Bindings as OpenStack config and the command line write them ({@link CloudIdForms#NEUTRON}): a
 * CIDR, a security group's UUID (a remote group), or {@code address-group:} and an address group's UUID.
 */
public final class NeutronBindingSyntax {
    public static final PatternSyntax INSTANCE = CloudIdForms.NEUTRON;

    private NeutronBindingSyntax() {}
}
