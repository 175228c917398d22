package dev.portcullis.openstack.networking;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.List;
import java.util.Optional;

/**
 * Inputs of {@code openstack:networking/subnet:Subnet}, named as in the provider schema. A subset:
 * allocation pools, subnet pools, IPv6 modes, segments and value specs are left out.
 */
public final class SubnetArgs extends ResourceArgs {
    /** Replaces the subnet when changed. */
    @Import(name = "networkId", required = true)
    private Output<String> networkId;
    /** Replaces the subnet when changed. */
    @Import(name = "cidr")
    private Output<String> cidr;
    /** Replaces the subnet when changed; the provider defaults to 4. */
    @Import(name = "ipVersion")
    private Output<Integer> ipVersion;
    @Import(name = "name")
    private Output<String> name;
    @Import(name = "description")
    private Output<String> description;
    @Import(name = "gatewayIp")
    private Output<String> gatewayIp;
    @Import(name = "noGateway")
    private Output<Boolean> noGateway;
    @Import(name = "enableDhcp")
    private Output<Boolean> enableDhcp;
    @Import(name = "dnsNameservers")
    private Output<List<String>> dnsNameservers;
    @Import(name = "tags")
    private Output<List<String>> tags;
    /** Replaces the subnet when changed. */
    @Import(name = "region")
    private Output<String> region;
    /** Replaces the subnet when changed. */
    @Import(name = "tenantId")
    private Output<String> tenantId;

    private SubnetArgs() {}

    public Output<String> networkId() { return networkId; }
    public Optional<Output<String>> cidr() { return Optional.ofNullable(cidr); }
    public Optional<Output<Integer>> ipVersion() { return Optional.ofNullable(ipVersion); }
    public Optional<Output<String>> name() { return Optional.ofNullable(name); }
    public Optional<Output<String>> description() { return Optional.ofNullable(description); }
    public Optional<Output<String>> gatewayIp() { return Optional.ofNullable(gatewayIp); }
    public Optional<Output<Boolean>> noGateway() { return Optional.ofNullable(noGateway); }
    public Optional<Output<Boolean>> enableDhcp() { return Optional.ofNullable(enableDhcp); }
    public Optional<Output<List<String>>> dnsNameservers() { return Optional.ofNullable(dnsNameservers); }
    public Optional<Output<List<String>>> tags() { return Optional.ofNullable(tags); }
    public Optional<Output<String>> region() { return Optional.ofNullable(region); }
    public Optional<Output<String>> tenantId() { return Optional.ofNullable(tenantId); }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final SubnetArgs args = new SubnetArgs();

        public Builder networkId(Output<String> id) { args.networkId = Inputs.output("networkId", id); return this; }
        public Builder networkId(String id) { args.networkId = Inputs.plain("networkId", id); return this; }
        public Builder cidr(Output<String> cidr) { args.cidr = Inputs.output("cidr", cidr); return this; }
        public Builder cidr(String cidr) { args.cidr = Inputs.plain("cidr", cidr); return this; }
        public Builder ipVersion(Output<Integer> version) {
            args.ipVersion = Inputs.output("ipVersion", version);
            return this;
        }

        /** @throws IllegalArgumentException unless the version is 4 or 6 */
        public Builder ipVersion(int version) {
            if (version != 4 && version != 6) {
                throw new IllegalArgumentException("ipVersion must be 4 or 6, got: " + version);
            }
            args.ipVersion = Inputs.plain("ipVersion", version);
            return this;
        }

        public Builder name(Output<String> name) { args.name = Inputs.output("name", name); return this; }
        public Builder name(String name) { args.name = Inputs.plain("name", name); return this; }
        public Builder description(Output<String> text) {
            args.description = Inputs.output("description", text);
            return this;
        }
        public Builder description(String text) { args.description = Inputs.plain("description", text); return this; }
        /** Unset (and no {@link #noGateway}): Neutron takes the subnet's first address. */
        public Builder gatewayIp(Output<String> ip) { args.gatewayIp = Inputs.output("gatewayIp", ip); return this; }
        public Builder gatewayIp(String ip) { args.gatewayIp = Inputs.plain("gatewayIp", ip); return this; }
        public Builder noGateway(Output<Boolean> none) {
            args.noGateway = Inputs.output("noGateway", none);
            return this;
        }
        public Builder noGateway(boolean none) { args.noGateway = Inputs.plain("noGateway", none); return this; }
        /** The provider defaults to {@code true}. */
        public Builder enableDhcp(Output<Boolean> on) {
            args.enableDhcp = Inputs.output("enableDhcp", on);
            return this;
        }
        public Builder enableDhcp(boolean on) { args.enableDhcp = Inputs.plain("enableDhcp", on); return this; }
        public Builder dnsNameservers(Output<List<String>> servers) {
            args.dnsNameservers = Inputs.output("dnsNameservers", servers);
            return this;
        }
        public Builder dnsNameservers(List<String> servers) {
            args.dnsNameservers = Inputs.list("dnsNameservers", servers);
            return this;
        }
        public Builder tags(Output<List<String>> tags) { args.tags = Inputs.output("tags", tags); return this; }
        public Builder tags(List<String> tags) { args.tags = Inputs.list("tags", tags); return this; }
        public Builder region(Output<String> region) { args.region = Inputs.output("region", region); return this; }
        public Builder region(String region) { args.region = Inputs.plain("region", region); return this; }
        public Builder tenantId(Output<String> id) { args.tenantId = Inputs.output("tenantId", id); return this; }
        public Builder tenantId(String id) { args.tenantId = Inputs.plain("tenantId", id); return this; }

        /** @throws IllegalArgumentException if networkId is missing */
        public SubnetArgs build() {
            if (args.networkId == null) {
                throw new IllegalArgumentException("SubnetArgs needs networkId");
            }
            return args;
        }
    }
}
