package dev.portcullis.openstack.networking;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import java.util.List;

/**
 * A Neutron subnet ({@code openstack:networking/subnet:Subnet}), shaped like the generated
 * pulumi-openstack SDK class of the same name so it can be swapped for it.
 */
@ResourceType(type = "openstack:networking/subnet:Subnet")
public class Subnet extends CustomResource {
    public static final String TYPE = "openstack:networking/subnet:Subnet";

    @Export(name = "networkId", refs = {String.class}, tree = "[0]")
    private Output<String> networkId;
    @Export(name = "cidr", refs = {String.class}, tree = "[0]")
    private Output<String> cidr;
    @Export(name = "ipVersion", refs = {Integer.class}, tree = "[0]")
    private Output<Integer> ipVersion;
    @Export(name = "name", refs = {String.class}, tree = "[0]")
    private Output<String> name;
    @Export(name = "description", refs = {String.class}, tree = "[0]")
    private Output<String> description;
    @Export(name = "gatewayIp", refs = {String.class}, tree = "[0]")
    private Output<String> gatewayIp;
    @Export(name = "noGateway", refs = {Boolean.class}, tree = "[0]")
    private Output<Boolean> noGateway;
    @Export(name = "enableDhcp", refs = {Boolean.class}, tree = "[0]")
    private Output<Boolean> enableDhcp;
    @Export(name = "dnsNameservers", refs = {List.class, String.class}, tree = "[0,1]")
    private Output<List<String>> dnsNameservers;
    @Export(name = "tags", refs = {List.class, String.class}, tree = "[0,1]")
    private Output<List<String>> tags;
    @Export(name = "allTags", refs = {List.class, String.class}, tree = "[0,1]")
    private Output<List<String>> allTags;
    @Export(name = "region", refs = {String.class}, tree = "[0]")
    private Output<String> region;
    @Export(name = "tenantId", refs = {String.class}, tree = "[0]")
    private Output<String> tenantId;

    /** With default options (the provider version is pinned all the same). */
    public Subnet(String name, SubnetArgs args) {
        this(name, args, null);
    }

    public Subnet(String name, SubnetArgs args, CustomResourceOptions options) {
        super(TYPE, name, args, ProviderPlugin.pinned(options));
    }

    public Output<String> networkId() { return networkId; }
    public Output<String> cidr() { return cidr; }
    public Output<Integer> ipVersion() { return ipVersion; }
    public Output<String> name() { return name; }
    public Output<String> description() { return description; }
    public Output<String> gatewayIp() { return gatewayIp; }
    public Output<Boolean> noGateway() { return noGateway; }
    public Output<Boolean> enableDhcp() { return enableDhcp; }
    public Output<List<String>> dnsNameservers() { return dnsNameservers; }
    public Output<List<String>> tags() { return tags; }
    public Output<List<String>> allTags() { return allTags; }
    public Output<String> region() { return region; }
    public Output<String> tenantId() { return tenantId; }
}
