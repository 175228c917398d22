package dev.portcullis.openstack.networking;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.List;
import java.util.Optional;

/**
 * Inputs of {@code openstack:networking/network:Network}, named as in the provider schema. A subset:
 * segments, sharing, external routing, QoS and value specs are left out.
 */
public final class NetworkArgs extends ResourceArgs {
    @Import(name = "name")
    private Output<String> name;
    @Import(name = "description")
    private Output<String> description;
    @Import(name = "adminStateUp")
    private Output<Boolean> adminStateUp;
    /** The default for the network's new ports. */
    @Import(name = "portSecurityEnabled")
    private Output<Boolean> portSecurityEnabled;
    /** Writable only with Neutron's {@code net-mtu-writable} extension. */
    @Import(name = "mtu")
    private Output<Integer> mtu;
    @Import(name = "tags")
    private Output<List<String>> tags;
    /** Replaces the network when changed. */
    @Import(name = "region")
    private Output<String> region;
    /** Replaces the network when changed. */
    @Import(name = "tenantId")
    private Output<String> tenantId;

    private NetworkArgs() {}

    public Optional<Output<String>> name() { return Optional.ofNullable(name); }
    public Optional<Output<String>> description() { return Optional.ofNullable(description); }
    public Optional<Output<Boolean>> adminStateUp() { return Optional.ofNullable(adminStateUp); }
    public Optional<Output<Boolean>> portSecurityEnabled() { return Optional.ofNullable(portSecurityEnabled); }
    public Optional<Output<Integer>> mtu() { return Optional.ofNullable(mtu); }
    public Optional<Output<List<String>>> tags() { return Optional.ofNullable(tags); }
    public Optional<Output<String>> region() { return Optional.ofNullable(region); }
    public Optional<Output<String>> tenantId() { return Optional.ofNullable(tenantId); }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final NetworkArgs args = new NetworkArgs();

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
        public Builder portSecurityEnabled(Output<Boolean> on) {
            args.portSecurityEnabled = Inputs.output("portSecurityEnabled", on);
            return this;
        }
        public Builder portSecurityEnabled(boolean on) {
            args.portSecurityEnabled = Inputs.plain("portSecurityEnabled", on);
            return this;
        }
        public Builder mtu(Output<Integer> bytes) { args.mtu = Inputs.output("mtu", bytes); return this; }
        public Builder mtu(int bytes) { args.mtu = Inputs.plain("mtu", bytes); return this; }
        public Builder tags(Output<List<String>> tags) { args.tags = Inputs.output("tags", tags); return this; }
        public Builder tags(List<String> tags) { args.tags = Inputs.list("tags", tags); return this; }
        public Builder region(Output<String> region) { args.region = Inputs.output("region", region); return this; }
        public Builder region(String region) { args.region = Inputs.plain("region", region); return this; }
        public Builder tenantId(Output<String> id) { args.tenantId = Inputs.output("tenantId", id); return this; }
        public Builder tenantId(String id) { args.tenantId = Inputs.plain("tenantId", id); return this; }

        public NetworkArgs build() {
            return args;
        }
    }
}
