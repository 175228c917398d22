package dev.portcullis.openstack;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import dev.portcullis.component.CloudArgs;
import dev.portcullis.component.ClusterArgs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Inputs of {@link ClusterSecurityGroups}: the cluster every cloud describes alike (a nested {@link ClusterArgs}),
 * Neutron tags and region, and the project's quota (Neutron counts per project, and many clusters may
 * share one). Bindings written as text take Neutron's forms: CIDRs, security group UUIDs and
 * {@code address-group:<UUID>} ({@link NeutronBindingSyntax}).
 */
public final class ClusterSecurityGroupsArgs extends ResourceArgs implements CloudArgs {
    @Import(name = "cluster", required = true)
    private ClusterArgs cluster = ClusterArgs.empty();
    @Import(name = "tags")
    private List<String> tags = new ArrayList<>();
    @Import(name = "region")
    private String region;
    @Import(name = "maxSecurityGroups")
    private Integer maxSecurityGroups = ProjectQuota.NEUTRON_DEFAULTS.maxGroups();
    @Import(name = "maxSecurityGroupRules")
    private Integer maxSecurityGroupRules = ProjectQuota.NEUTRON_DEFAULTS.maxRules();
    @Import(name = "securityGroupsInUse")
    private Integer securityGroupsInUse = ProjectQuota.NEUTRON_DEFAULTS.groupsInUse();
    @Import(name = "securityGroupRulesInUse")
    private Integer securityGroupRulesInUse = ProjectQuota.NEUTRON_DEFAULTS.rulesInUse();

    private ClusterSecurityGroupsArgs() {}

    @Override
    public ClusterArgs cluster() { return cluster; }

    /** Neutron tags (plain strings) added to every group. */
    public List<String> tags() { return tags; }
    /** The region of every resource; empty means the provider's. */
    public Optional<String> region() { return Optional.ofNullable(region); }

    /** @throws IllegalArgumentException naming the quota field that is out of range */
    public ProjectQuota quota() {
        return new ProjectQuota(maxSecurityGroups, maxSecurityGroupRules, securityGroupsInUse, securityGroupRulesInUse);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder extends ClusterArgs.Builder<ClusterSecurityGroupsArgs, Builder> {
        private Builder() {
            super(new ClusterSecurityGroupsArgs(), NeutronBindingSyntax.INSTANCE);
        }

        public Builder tags(List<String> tags) { args.tags.addAll(tags); return this; }

        public Builder region(String region) { args.region = region; return this; }

        public Builder maxSecurityGroups(int limit) { args.maxSecurityGroups = limit; return this; }

        public Builder maxSecurityGroupRules(int limit) { args.maxSecurityGroupRules = limit; return this; }

        public Builder securityGroupsInUse(int count) { args.securityGroupsInUse = count; return this; }

        public Builder securityGroupRulesInUse(int count) { args.securityGroupRulesInUse = count; return this; }
    }
}
