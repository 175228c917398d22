package dev.portcullis.openstack.networking;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import java.util.List;

/**
 * A Neutron security group ({@code openstack:networking/secGroup:SecGroup}), shaped like the
 * generated pulumi-openstack SDK class of the same name so it can be swapped for it.
 */
@ResourceType(type = "openstack:networking/secGroup:SecGroup")
public class SecGroup extends CustomResource {
    public static final String TYPE = "openstack:networking/secGroup:SecGroup";

    @Export(name = "name", refs = {String.class}, tree = "[0]")
    private Output<String> name;
    @Export(name = "description", refs = {String.class}, tree = "[0]")
    private Output<String> description;
    @Export(name = "deleteDefaultRules", refs = {Boolean.class}, tree = "[0]")
    private Output<Boolean> deleteDefaultRules;
    @Export(name = "stateful", refs = {Boolean.class}, tree = "[0]")
    private Output<Boolean> stateful;
    @Export(name = "tags", refs = {List.class, String.class}, tree = "[0,1]")
    private Output<List<String>> tags;
    @Export(name = "allTags", refs = {List.class, String.class}, tree = "[0,1]")
    private Output<List<String>> allTags;
    @Export(name = "region", refs = {String.class}, tree = "[0]")
    private Output<String> region;
    @Export(name = "tenantId", refs = {String.class}, tree = "[0]")
    private Output<String> tenantId;

    /** With default options (the provider version is pinned all the same). */
    public SecGroup(String name, SecGroupArgs args) {
        this(name, args, null);
    }

    public SecGroup(String name, SecGroupArgs args, CustomResourceOptions options) {
        super(TYPE, name, args, ProviderPlugin.pinned(options));
    }

    public Output<String> name() { return name; }
    public Output<String> description() { return description; }
    public Output<Boolean> deleteDefaultRules() { return deleteDefaultRules; }
    public Output<Boolean> stateful() { return stateful; }
    public Output<List<String>> tags() { return tags; }
    public Output<List<String>> allTags() { return allTags; }
    public Output<String> region() { return region; }
    public Output<String> tenantId() { return tenantId; }
}
