package dev.portcullis.openstack.networking;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.List;
import java.util.Optional;

/**
 * Inputs of {@code openstack:networking/port:Port}, named as in the provider schema. A subset: binding,
 * extra DHCP options, device ids and value specs are left out. Every setter takes a plain value or an
 * {@link Output}, so ids can come from other resources.
 */
public final class PortArgs extends ResourceArgs {
    /** Replaces the port when changed. */
    @Import(name = "networkId", required = true)
    private Output<String> networkId;
    @Import(name = "name")
    private Output<String> name;
    @Import(name = "description")
    private Output<String> description;
    @Import(name = "adminStateUp")
    private Output<Boolean> adminStateUp;
    @Import(name = "fixedIps")
    private Output<List<PortFixedIpArgs>> fixedIps;
    @Import(name = "noFixedIp")
    private Output<Boolean> noFixedIp;
    @Import(name = "securityGroupIds")
    private Output<List<String>> securityGroupIds;
    @Import(name = "noSecurityGroups")
    private Output<Boolean> noSecurityGroups;
    @Import(name = "allowedAddressPairs")
    private Output<List<PortAllowedAddressPairArgs>> allowedAddressPairs;
    @Import(name = "portSecurityEnabled")
    private Output<Boolean> portSecurityEnabled;
    /** Replaces the port when changed. */
    @Import(name = "macAddress")
    private Output<String> macAddress;
    @Import(name = "dnsName")
    private Output<String> dnsName;
    @Import(name = "qosPolicyId")
    private Output<String> qosPolicyId;
    @Import(name = "tags")
    private Output<List<String>> tags;
    /** Replaces the port when changed. */
    @Import(name = "region")
    private Output<String> region;
    /** Replaces the port when changed. */
    @Import(name = "tenantId")
    private Output<String> tenantId;

    private PortArgs() {}

    public Output<String> networkId() { return networkId; }
    public Optional<Output<String>> name() { return Optional.ofNullable(name); }
    public Optional<Output<String>> description() { return Optional.ofNullable(description); }
    public Optional<Output<Boolean>> adminStateUp() { return Optional.ofNullable(adminStateUp); }
    public Optional<Output<List<PortFixedIpArgs>>> fixedIps() { return Optional.ofNullable(fixedIps); }
    public Optional<Output<Boolean>> noFixedIp() { return Optional.ofNullable(noFixedIp); }
    public Optional<Output<List<String>>> securityGroupIds() { return Optional.ofNullable(securityGroupIds); }
    public Optional<Output<Boolean>> noSecurityGroups() { return Optional.ofNullable(noSecurityGroups); }
    public Optional<Output<List<PortAllowedAddressPairArgs>>> allowedAddressPairs() {
        return Optional.ofNullable(allowedAddressPairs);
    }
    public Optional<Output<Boolean>> portSecurityEnabled() { return Optional.ofNullable(portSecurityEnabled); }
    public Optional<Output<String>> macAddress() { return Optional.ofNullable(macAddress); }
    public Optional<Output<String>> dnsName() { return Optional.ofNullable(dnsName); }
    public Optional<Output<String>> qosPolicyId() { return Optional.ofNullable(qosPolicyId); }
    public Optional<Output<List<String>>> tags() { return Optional.ofNullable(tags); }
    public Optional<Output<String>> region() { return Optional.ofNullable(region); }
    public Optional<Output<String>> tenantId() { return Optional.ofNullable(tenantId); }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final PortArgs args = new PortArgs();

        public Builder networkId(Output<String> id) { args.networkId = Inputs.output("networkId", id); return this; }
        public Builder networkId(String id) { args.networkId = Inputs.plain("networkId", id); return this; }
        public Builder name(Output<String> name) { args.name = Inputs.output("name", name); return this; }
        public Builder name(String name) { args.name = Inputs.plain("name", name); return this; }
        public Builder description(Output<String> text) {
            args.description = Inputs.output("description", text);
            return this;
        }
        public Builder description(String text) { args.description = Inputs.plain("description", text); return this; }
        public Builder adminStateUp(Output<Boolean> up) {
            args.adminStateUp = Inputs.output("adminStateUp", up);
            return this;
        }
        public Builder adminStateUp(boolean up) { args.adminStateUp = Inputs.plain("adminStateUp", up); return this; }

        public Builder fixedIps(Output<List<PortFixedIpArgs>> ips) {
            args.fixedIps = Inputs.output("fixedIps", ips);
            return this;
        }
        public Builder fixedIps(List<PortFixedIpArgs> ips) {
            args.fixedIps = Inputs.list("fixedIps", ips);
            return this;
        }
        public Builder fixedIps(PortFixedIpArgs... ips) { args.fixedIps = Inputs.list("fixedIps", ips); return this; }
        /** Creates the port without any fixed IP; {@code true} is the only value the provider accepts. */
        public Builder noFixedIp() { args.noFixedIp = Inputs.plain("noFixedIp", true); return this; }

        /** Ids, not names; an {@code Output} lets a program pass ids that resolve only once groups and rules exist. */
        public Builder securityGroupIds(Output<List<String>> ids) {
            args.securityGroupIds = Inputs.output("securityGroupIds", ids);
            return this;
        }
        public Builder securityGroupIds(List<String> ids) {
            args.securityGroupIds = Inputs.list("securityGroupIds", ids);
            return this;
        }
        public Builder securityGroupIds(String... ids) {
            args.securityGroupIds = Inputs.list("securityGroupIds", ids);
            return this;
        }
        /**
         * {@code true}: no group at all; otherwise a port without {@code securityGroupIds} gets Neutron's
         * "default" group.
         */
        public Builder noSecurityGroups(Output<Boolean> none) {
            args.noSecurityGroups = Inputs.output("noSecurityGroups", none);
            return this;
        }
        public Builder noSecurityGroups(boolean none) {
            args.noSecurityGroups = Inputs.plain("noSecurityGroups", none);
            return this;
        }

        public Builder allowedAddressPairs(Output<List<PortAllowedAddressPairArgs>> pairs) {
            args.allowedAddressPairs = Inputs.output("allowedAddressPairs", pairs);
            return this;
        }
        public Builder allowedAddressPairs(List<PortAllowedAddressPairArgs> pairs) {
            args.allowedAddressPairs = Inputs.list("allowedAddressPairs", pairs);
            return this;
        }
        public Builder allowedAddressPairs(PortAllowedAddressPairArgs... pairs) {
            args.allowedAddressPairs = Inputs.list("allowedAddressPairs", pairs);
            return this;
        }
        /** {@code false} needs a port without security groups. */
        public Builder portSecurityEnabled(Output<Boolean> on) {
            args.portSecurityEnabled = Inputs.output("portSecurityEnabled", on);
            return this;
        }
        public Builder portSecurityEnabled(boolean on) {
            args.portSecurityEnabled = Inputs.plain("portSecurityEnabled", on);
            return this;
        }

        public Builder macAddress(Output<String> mac) {
            args.macAddress = Inputs.output("macAddress", mac);
            return this;
        }
        public Builder macAddress(String mac) { args.macAddress = Inputs.plain("macAddress", mac); return this; }
        public Builder dnsName(Output<String> name) { args.dnsName = Inputs.output("dnsName", name); return this; }
        public Builder dnsName(String name) { args.dnsName = Inputs.plain("dnsName", name); return this; }
        public Builder qosPolicyId(Output<String> id) {
            args.qosPolicyId = Inputs.output("qosPolicyId", id);
            return this;
        }
        public Builder qosPolicyId(String id) { args.qosPolicyId = Inputs.plain("qosPolicyId", id); return this; }
        public Builder tags(Output<List<String>> tags) { args.tags = Inputs.output("tags", tags); return this; }
        public Builder tags(List<String> tags) { args.tags = Inputs.list("tags", tags); return this; }
        public Builder region(Output<String> region) { args.region = Inputs.output("region", region); return this; }
        public Builder region(String region) { args.region = Inputs.plain("region", region); return this; }
        public Builder tenantId(Output<String> id) { args.tenantId = Inputs.output("tenantId", id); return this; }
        public Builder tenantId(String id) { args.tenantId = Inputs.plain("tenantId", id); return this; }

        /** @throws IllegalArgumentException if networkId is missing */
        public PortArgs build() {
            if (args.networkId == null) {
                throw new IllegalArgumentException("PortArgs needs networkId");
            }
            return args;
        }
    }
}
