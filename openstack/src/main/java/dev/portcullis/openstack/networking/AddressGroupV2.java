package dev.portcullis.openstack.networking;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import java.util.List;

/**
 * A Neutron address group ({@code openstack:networking/addressGroupV2:AddressGroupV2}), shaped like the
 * generated pulumi-openstack SDK class of the same name so it can be swapped for it.
 */
@ResourceType(type = "openstack:networking/addressGroupV2:AddressGroupV2")
public class AddressGroupV2 extends CustomResource {
    public static final String TYPE = "openstack:networking/addressGroupV2:AddressGroupV2";

    @Export(name = "addresses", refs = {List.class, String.class}, tree = "[0,1]")
    private Output<List<String>> addresses;
    @Export(name = "name", refs = {String.class}, tree = "[0]")
    private Output<String> name;
    @Export(name = "description", refs = {String.class}, tree = "[0]")
    private Output<String> description;
    @Export(name = "projectId", refs = {String.class}, tree = "[0]")
    private Output<String> projectId;
    @Export(name = "region", refs = {String.class}, tree = "[0]")
    private Output<String> region;

    /** With default options (the provider version is pinned all the same). */
    public AddressGroupV2(String name, AddressGroupV2Args args) {
        this(name, args, null);
    }

    public AddressGroupV2(String name, AddressGroupV2Args args, CustomResourceOptions options) {
        super(TYPE, name, args, ProviderPlugin.pinned(options));
    }

    public Output<List<String>> addresses() { return addresses; }
    public Output<String> name() { return name; }
    public Output<String> description() { return description; }
    public Output<String> projectId() { return projectId; }
    public Output<String> region() { return region; }
}
