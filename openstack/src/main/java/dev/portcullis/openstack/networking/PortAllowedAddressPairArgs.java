package dev.portcullis.openstack.networking;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.Optional;

/**
 * One entry of a port's {@code allowedAddressPairs}
 * ({@code openstack:networking/PortAllowedAddressPair:PortAllowedAddressPair}): an extra address (or
 * CIDR) the port may send from despite port security, e.g. a virtual IP that moves between nodes.
 */
public final class PortAllowedAddressPairArgs extends ResourceArgs {
    @Import(name = "ipAddress", required = true)
    private Output<String> ipAddress;
    @Import(name = "macAddress")
    private Output<String> macAddress;

    private PortAllowedAddressPairArgs() {}

    public Output<String> ipAddress() { return ipAddress; }
    public Optional<Output<String>> macAddress() { return Optional.ofNullable(macAddress); }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final PortAllowedAddressPairArgs args = new PortAllowedAddressPairArgs();

        public Builder ipAddress(Output<String> ip) { args.ipAddress = Inputs.output("ipAddress", ip); return this; }
        public Builder ipAddress(String ip) { args.ipAddress = Inputs.plain("ipAddress", ip); return this; }
        public Builder macAddress(Output<String> mac) {
            args.macAddress = Inputs.output("macAddress", mac);
            return this;
        }
        public Builder macAddress(String mac) { args.macAddress = Inputs.plain("macAddress", mac); return this; }

        /** @throws IllegalArgumentException if ipAddress is missing */
        public PortAllowedAddressPairArgs build() {
            if (args.ipAddress == null) {
                throw new IllegalArgumentException("PortAllowedAddressPairArgs needs ipAddress");
            }
            return args;
        }
    }
}
