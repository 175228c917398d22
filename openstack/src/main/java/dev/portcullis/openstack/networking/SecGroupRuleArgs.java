package dev.portcullis.openstack.networking;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.Optional;

/**
 * Inputs of {@code openstack:networking/secGroupRule:SecGroupRule}, named as in the provider schema.
 * Every input replaces the rule when changed; Neutron rejects duplicate rules.
 */
public final class SecGroupRuleArgs extends ResourceArgs {
    @Import(name = "direction", required = true)
    private Output<String> direction;
    @Import(name = "ethertype", required = true)
    private Output<String> ethertype;
    @Import(name = "securityGroupId", required = true)
    private Output<String> securityGroupId;
    @Import(name = "protocol")
    private Output<String> protocol;
    @Import(name = "portRangeMin")
    private Output<Integer> portRangeMin;
    @Import(name = "portRangeMax")
    private Output<Integer> portRangeMax;
    @Import(name = "remoteGroupId")
    private Output<String> remoteGroupId;
    @Import(name = "remoteIpPrefix")
    private Output<String> remoteIpPrefix;
    @Import(name = "remoteAddressGroupId")
    private Output<String> remoteAddressGroupId;
    @Import(name = "description")
    private Output<String> description;
    @Import(name = "region")
    private Output<String> region;
    @Import(name = "tenantId")
    private Output<String> tenantId;

    private SecGroupRuleArgs() {}

    public Output<String> direction() { return direction; }
    public Output<String> ethertype() { return ethertype; }
    public Output<String> securityGroupId() { return securityGroupId; }
    public Optional<Output<String>> protocol() { return Optional.ofNullable(protocol); }
    public Optional<Output<Integer>> portRangeMin() { return Optional.ofNullable(portRangeMin); }
    public Optional<Output<Integer>> portRangeMax() { return Optional.ofNullable(portRangeMax); }
    public Optional<Output<String>> remoteGroupId() { return Optional.ofNullable(remoteGroupId); }
    public Optional<Output<String>> remoteIpPrefix() { return Optional.ofNullable(remoteIpPrefix); }
    public Optional<Output<String>> remoteAddressGroupId() { return Optional.ofNullable(remoteAddressGroupId); }
    public Optional<Output<String>> description() { return Optional.ofNullable(description); }
    public Optional<Output<String>> region() { return Optional.ofNullable(region); }
    public Optional<Output<String>> tenantId() { return Optional.ofNullable(tenantId); }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final SecGroupRuleArgs args = new SecGroupRuleArgs();

        /** {@code ingress} or {@code egress}. */
        public Builder direction(String direction) { args.direction = Output.of(direction); return this; }
        /** {@code IPv4} or {@code IPv6}. */
        public Builder ethertype(String ethertype) { args.ethertype = Output.of(ethertype); return this; }
        public Builder securityGroupId(Output<String> id) { args.securityGroupId = id; return this; }
        /** {@code tcp}, {@code udp}, {@code icmp}, {@code ipv6-icmp} or an IP protocol number; absent = any. */
        public Builder protocol(String protocol) { args.protocol = Output.of(protocol); return this; }
        public Builder portRangeMin(int port) { args.portRangeMin = Output.of(port); return this; }
        public Builder portRangeMax(int port) { args.portRangeMax = Output.of(port); return this; }
        public Builder remoteGroupId(Output<String> id) { args.remoteGroupId = id; return this; }
        public Builder remoteIpPrefix(String cidr) { return remoteIpPrefix(Output.of(cidr)); }
        public Builder remoteIpPrefix(Output<String> cidr) { args.remoteIpPrefix = cidr; return this; }
        public Builder remoteAddressGroupId(String id) { return remoteAddressGroupId(Output.of(id)); }
        public Builder remoteAddressGroupId(Output<String> id) { args.remoteAddressGroupId = id; return this; }
        public Builder description(String description) { args.description = Output.of(description); return this; }
        public Builder region(String region) { args.region = Output.of(region); return this; }
        public Builder tenantId(String tenantId) { args.tenantId = Output.of(tenantId); return this; }

        /** @throws IllegalArgumentException if a required input is missing */
        public SecGroupRuleArgs build() {
            if (args.direction == null || args.ethertype == null || args.securityGroupId == null) {
                throw new IllegalArgumentException("SecGroupRuleArgs needs direction, ethertype and securityGroupId");
            }
            return args;
        }
    }
}
