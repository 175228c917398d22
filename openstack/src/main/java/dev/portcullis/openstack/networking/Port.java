package dev.portcullis.openstack.networking;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import java.util.List;

/**
 * A Neutron port ({@code openstack:networking/port:Port}), shaped like the generated pulumi-openstack SDK
 * class of the same name so it can be swapped for it. The requested {@code fixedIps} and
 * {@code allowedAddressPairs} are not read back; {@link #allFixedIps()} has the addresses Neutron assigned
 * and {@link #allSecurityGroupIds()} the groups the port really carries.
 */
@ResourceType(type = "openstack:networking/port:Port")
public class Port extends CustomResource {
    public static final String TYPE = "openstack:networking/port:Port";

    @Export(name = "name", refs = {String.class}, tree = "[0]")
    private Output<String> name;
    @Export(name = "description", refs = {String.class}, tree = "[0]")
    private Output<String> description;
    @Export(name = "networkId", refs = {String.class}, tree = "[0]")
    private Output<String> networkId;
    @Export(name = "adminStateUp", refs = {Boolean.class}, tree = "[0]")
    private Output<Boolean> adminStateUp;
    @Export(name = "allFixedIps", refs = {List.class, String.class}, tree = "[0,1]")
    private Output<List<String>> allFixedIps;
    @Export(name = "securityGroupIds", refs = {List.class, String.class}, tree = "[0,1]")
    private Output<List<String>> securityGroupIds;
    @Export(name = "allSecurityGroupIds", refs = {List.class, String.class}, tree = "[0,1]")
    private Output<List<String>> allSecurityGroupIds;
    @Export(name = "noSecurityGroups", refs = {Boolean.class}, tree = "[0]")
    private Output<Boolean> noSecurityGroups;
    @Export(name = "portSecurityEnabled", refs = {Boolean.class}, tree = "[0]")
    private Output<Boolean> portSecurityEnabled;
    @Export(name = "macAddress", refs = {String.class}, tree = "[0]")
    private Output<String> macAddress;
    @Export(name = "deviceId", refs = {String.class}, tree = "[0]")
    private Output<String> deviceId;
    @Export(name = "deviceOwner", refs = {String.class}, tree = "[0]")
    private Output<String> deviceOwner;
    @Export(name = "dnsName", refs = {String.class}, tree = "[0]")
    private Output<String> dnsName;
    @Export(name = "qosPolicyId", refs = {String.class}, tree = "[0]")
    private Output<String> qosPolicyId;
    @Export(name = "tags", refs = {List.class, String.class}, tree = "[0,1]")
    private Output<List<String>> tags;
    @Export(name = "allTags", refs = {List.class, String.class}, tree = "[0,1]")
    private Output<List<String>> allTags;
    @Export(name = "region", refs = {String.class}, tree = "[0]")
    private Output<String> region;
    @Export(name = "tenantId", refs = {String.class}, tree = "[0]")
    private Output<String> tenantId;

    /** With default options (the provider version is pinned all the same). */
    public Port(String name, PortArgs args) {
        this(name, args, null);
    }

    public Port(String name, PortArgs args, CustomResourceOptions options) {
        super(TYPE, name, args, ProviderPlugin.pinned(options));
    }

    public Output<String> name() { return name; }
    public Output<String> description() { return description; }
    public Output<String> networkId() { return networkId; }
    public Output<Boolean> adminStateUp() { return adminStateUp; }
    /** Every fixed IP of the port, in the order the Networking API returns them. */
    public Output<List<String>> allFixedIps() { return allFixedIps; }
    public Output<List<String>> securityGroupIds() { return securityGroupIds; }
    /** The groups on the port, whether set here or added implicitly (Neutron's "default" group). */
    public Output<List<String>> allSecurityGroupIds() { return allSecurityGroupIds; }
    public Output<Boolean> noSecurityGroups() { return noSecurityGroups; }
    public Output<Boolean> portSecurityEnabled() { return portSecurityEnabled; }
    public Output<String> macAddress() { return macAddress; }
    public Output<String> deviceId() { return deviceId; }
    public Output<String> deviceOwner() { return deviceOwner; }
    public Output<String> dnsName() { return dnsName; }
    public Output<String> qosPolicyId() { return qosPolicyId; }
    public Output<List<String>> tags() { return tags; }
    public Output<List<String>> allTags() { return allTags; }
    public Output<String> region() { return region; }
    public Output<String> tenantId() { return tenantId; }
}
