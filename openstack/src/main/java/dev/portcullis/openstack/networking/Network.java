package dev.portcullis.openstack.networking;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import java.util.List;

/**
 * A Neutron network ({@code openstack:networking/network:Network}), shaped like the generated
 * pulumi-openstack SDK class of the same name so it can be swapped for it.
 */
@ResourceType(type = "openstack:networking/network:Network")
public class Network extends CustomResource {
    public static final String TYPE = "openstack:networking/network:Network";

    @Export(name = "name", refs = {String.class}, tree = "[0]")
    private Output<String> name;
    @Export(name = "description", refs = {String.class}, tree = "[0]")
    private Output<String> description;
    @Export(name = "adminStateUp", refs = {Boolean.class}, tree = "[0]")
    private Output<Boolean> adminStateUp;
    @Export(name = "portSecurityEnabled", refs = {Boolean.class}, tree = "[0]")
    private Output<Boolean> portSecurityEnabled;
    @Export(name = "mtu", refs = {Integer.class}, tree = "[0]")
    private Output<Integer> mtu;
    @Export(name = "shared", refs = {Boolean.class}, tree = "[0]")
    private Output<Boolean> shared;
    @Export(name = "external", refs = {Boolean.class}, tree = "[0]")
    private Output<Boolean> external;
    @Export(name = "tags", refs = {List.class, String.class}, tree = "[0,1]")
    private Output<List<String>> tags;
    @Export(name = "allTags", refs = {List.class, String.class}, tree = "[0,1]")
    private Output<List<String>> allTags;
    @Export(name = "region", refs = {String.class}, tree = "[0]")
    private Output<String> region;
    @Export(name = "tenantId", refs = {String.class}, tree = "[0]")
    private Output<String> tenantId;

    /** With default options (the provider version is pinned all the same). */
    public Network(String name, NetworkArgs args) {
        this(name, args, null);
    }

    public Network(String name, NetworkArgs args, CustomResourceOptions options) {
        super(TYPE, name, args, ProviderPlugin.pinned(options));
    }

    public Output<String> name() { return name; }
    public Output<String> description() { return description; }
    public Output<Boolean> adminStateUp() { return adminStateUp; }
    public Output<Boolean> portSecurityEnabled() { return portSecurityEnabled; }
    /** The MTU Neutron chose or was given, in bytes (overlay networks are often below 1500). */
    public Output<Integer> mtu() { return mtu; }
    public Output<Boolean> shared() { return shared; }
    public Output<Boolean> external() { return external; }
    public Output<List<String>> tags() { return tags; }
    public Output<List<String>> allTags() { return allTags; }
    public Output<String> region() { return region; }
    public Output<String> tenantId() { return tenantId; }
}
