package dev.portcullis.openstack.networking;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.Optional;

/**
 * One entry of a port's {@code fixedIps} ({@code openstack:networking/PortFixedIp:PortFixedIp}). Like the
 * generated SDK's nested {@code *Args}, it is a {@link ResourceArgs}, so it reaches the provider as an
 * object with these field names. Both fields are optional: a subnet alone lets Neutron pick the address.
 */
public final class PortFixedIpArgs extends ResourceArgs {
    @Import(name = "subnetId")
    private Output<String> subnetId;
    @Import(name = "ipAddress")
    private Output<String> ipAddress;

    private PortFixedIpArgs() {}

    public Optional<Output<String>> subnetId() { return Optional.ofNullable(subnetId); }
    public Optional<Output<String>> ipAddress() { return Optional.ofNullable(ipAddress); }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final PortFixedIpArgs args = new PortFixedIpArgs();

        public Builder subnetId(Output<String> id) { args.subnetId = Inputs.output("subnetId", id); return this; }
        public Builder subnetId(String id) { args.subnetId = Inputs.plain("subnetId", id); return this; }
        public Builder ipAddress(Output<String> ip) { args.ipAddress = Inputs.output("ipAddress", ip); return this; }
        public Builder ipAddress(String ip) { args.ipAddress = Inputs.plain("ipAddress", ip); return this; }

        public PortFixedIpArgs build() {
            return args;
        }
    }
}
