package dev.portcullis.openstack.networking;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.List;
import java.util.Optional;

/** Inputs of {@code openstack:networking/secGroup:SecGroup}, named as in the provider schema. */
public final class SecGroupArgs extends ResourceArgs {
    @Import(name = "name")
    private Output<String> name;
    @Import(name = "description")
    private Output<String> description;
    /** Replaces the group when changed. */
    @Import(name = "deleteDefaultRules")
    private Output<Boolean> deleteDefaultRules;
    @Import(name = "stateful")
    private Output<Boolean> stateful;
    @Import(name = "tags")
    private Output<List<String>> tags;
    /** Replaces the group when changed. */
    @Import(name = "region")
    private Output<String> region;
    /** Replaces the group when changed. */
    @Import(name = "tenantId")
    private Output<String> tenantId;

    private SecGroupArgs() {}

    public Optional<Output<String>> name() { return Optional.ofNullable(name); }
    public Optional<Output<String>> description() { return Optional.ofNullable(description); }
    public Optional<Output<Boolean>> deleteDefaultRules() { return Optional.ofNullable(deleteDefaultRules); }
    public Optional<Output<Boolean>> stateful() { return Optional.ofNullable(stateful); }
    public Optional<Output<List<String>>> tags() { return Optional.ofNullable(tags); }
    public Optional<Output<String>> region() { return Optional.ofNullable(region); }
    public Optional<Output<String>> tenantId() { return Optional.ofNullable(tenantId); }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final SecGroupArgs args = new SecGroupArgs();

        public Builder name(String name) { return name(Output.of(name)); }
        public Builder name(Output<String> name) { args.name = name; return this; }
        public Builder description(String description) { args.description = Output.of(description); return this; }
        public Builder deleteDefaultRules(boolean delete) { args.deleteDefaultRules = Output.of(delete); return this; }
        public Builder stateful(boolean stateful) { args.stateful = Output.of(stateful); return this; }
        public Builder tags(List<String> tags) { args.tags = Output.of(List.copyOf(tags)); return this; }
        public Builder region(String region) { args.region = Output.of(region); return this; }
        public Builder tenantId(String tenantId) { args.tenantId = Output.of(tenantId); return this; }

        public SecGroupArgs build() {
            return args;
        }
    }
}
