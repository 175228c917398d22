package dev.portcullis.openstack.networking;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.List;
import java.util.Optional;

/**
 * Inputs of {@code openstack:networking/addressGroupV2:AddressGroupV2}, named as in the provider schema.
 * A rule's {@code remoteAddressGroupId} points at such a group, so many CIDRs cost one rule.
 */
public final class AddressGroupV2Args extends ResourceArgs {
    /** IPv4 or IPv6 CIDR blocks; updated in place. */
    @Import(name = "addresses", required = true)
    private Output<List<String>> addresses;
    @Import(name = "name")
    private Output<String> name;
    @Import(name = "description")
    private Output<String> description;
    /** Replaces the group when changed. */
    @Import(name = "projectId")
    private Output<String> projectId;
    /** Replaces the group when changed. */
    @Import(name = "region")
    private Output<String> region;

    private AddressGroupV2Args() {}

    public Output<List<String>> addresses() { return addresses; }
    public Optional<Output<String>> name() { return Optional.ofNullable(name); }
    public Optional<Output<String>> description() { return Optional.ofNullable(description); }
    public Optional<Output<String>> projectId() { return Optional.ofNullable(projectId); }
    public Optional<Output<String>> region() { return Optional.ofNullable(region); }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final AddressGroupV2Args args = new AddressGroupV2Args();

        public Builder addresses(Output<List<String>> cidrs) {
            args.addresses = Inputs.output("addresses", cidrs);
            return this;
        }
        public Builder addresses(List<String> cidrs) { args.addresses = Inputs.list("addresses", cidrs); return this; }
        public Builder addresses(String... cidrs) { args.addresses = Inputs.list("addresses", cidrs); return this; }
        public Builder name(Output<String> name) { args.name = Inputs.output("name", name); return this; }
        public Builder name(String name) { args.name = Inputs.plain("name", name); return this; }
        public Builder description(Output<String> text) {
            args.description = Inputs.output("description", text);
            return this;
        }
        public Builder description(String text) { args.description = Inputs.plain("description", text); return this; }
        /** Only an admin creating the group for another project needs this. */
        public Builder projectId(Output<String> id) { args.projectId = Inputs.output("projectId", id); return this; }
        public Builder projectId(String id) { args.projectId = Inputs.plain("projectId", id); return this; }
        public Builder region(Output<String> region) { args.region = Inputs.output("region", region); return this; }
        public Builder region(String region) { args.region = Inputs.plain("region", region); return this; }

        /** @throws IllegalArgumentException if addresses is missing */
        public AddressGroupV2Args build() {
            if (args.addresses == null) {
                throw new IllegalArgumentException("AddressGroupV2Args needs addresses");
            }
            return args;
        }
    }
}
