package dev.portcullis.openstack.networking;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;

/**
 * A Neutron security group rule ({@code openstack:networking/secGroupRule:SecGroupRule}), shaped like
 * the generated pulumi-openstack SDK class of the same name so it can be swapped for it.
 */
@ResourceType(type = "openstack:networking/secGroupRule:SecGroupRule")
public class SecGroupRule extends CustomResource {
    public static final String TYPE = "openstack:networking/secGroupRule:SecGroupRule";

    @Export(name = "direction", refs = {String.class}, tree = "[0]")
    private Output<String> direction;
    @Export(name = "ethertype", refs = {String.class}, tree = "[0]")
    private Output<String> ethertype;
    @Export(name = "securityGroupId", refs = {String.class}, tree = "[0]")
    private Output<String> securityGroupId;
    @Export(name = "protocol", refs = {String.class}, tree = "[0]")
    private Output<String> protocol;
    @Export(name = "portRangeMin", refs = {Integer.class}, tree = "[0]")
    private Output<Integer> portRangeMin;
    @Export(name = "portRangeMax", refs = {Integer.class}, tree = "[0]")
    private Output<Integer> portRangeMax;
    @Export(name = "remoteGroupId", refs = {String.class}, tree = "[0]")
    private Output<String> remoteGroupId;
    @Export(name = "remoteIpPrefix", refs = {String.class}, tree = "[0]")
    private Output<String> remoteIpPrefix;
    @Export(name = "remoteAddressGroupId", refs = {String.class}, tree = "[0]")
    private Output<String> remoteAddressGroupId;
    @Export(name = "description", refs = {String.class}, tree = "[0]")
    private Output<String> description;
    @Export(name = "region", refs = {String.class}, tree = "[0]")
    private Output<String> region;
    @Export(name = "tenantId", refs = {String.class}, tree = "[0]")
    private Output<String> tenantId;

    /** With default options (the provider version is pinned all the same). */
    public SecGroupRule(String name, SecGroupRuleArgs args) {
        this(name, args, null);
    }

    public SecGroupRule(String name, SecGroupRuleArgs args, CustomResourceOptions options) {
        super(TYPE, name, args, ProviderPlugin.pinned(options));
    }

    public Output<String> direction() { return direction; }
    public Output<String> ethertype() { return ethertype; }
    public Output<String> securityGroupId() { return securityGroupId; }
    public Output<String> protocol() { return protocol; }
    public Output<Integer> portRangeMin() { return portRangeMin; }
    public Output<Integer> portRangeMax() { return portRangeMax; }
    public Output<String> remoteGroupId() { return remoteGroupId; }
    public Output<String> remoteIpPrefix() { return remoteIpPrefix; }
    public Output<String> remoteAddressGroupId() { return remoteAddressGroupId; }
    public Output<String> description() { return description; }
    public Output<String> region() { return region; }
    public Output<String> tenantId() { return tenantId; }
}
