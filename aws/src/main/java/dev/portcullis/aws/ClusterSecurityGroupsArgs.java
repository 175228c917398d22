package dev.portcullis.aws;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import dev.portcullis.component.CloudArgs;
import dev.portcullis.component.ClusterArgs;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Inputs of {@link ClusterSecurityGroups}: the cluster every cloud describes alike (a nested {@link ClusterArgs}),
 * the VPC, tags, and AWS's quotas. Bindings written as text take AWS's forms: CIDRs, {@code sg-…}
 * and {@code pl-…} ids ({@link AwsBindingSyntax}).
 */
public final class ClusterSecurityGroupsArgs extends ResourceArgs implements CloudArgs {
    @Import(name = "cluster", required = true)
    private ClusterArgs cluster = ClusterArgs.empty();
    @Import(name = "vpcId", required = true)
    private Output<String> vpcId;
    @Import(name = "tags")
    private Map<String, String> tags = new LinkedHashMap<>();
    @Import(name = "maxEntriesPerGroup")
    private Integer maxEntriesPerGroup = QuotaLimits.AWS_DEFAULTS.entriesPerGroupPerDirection();
    @Import(name = "maxGroupsPerInterface")
    private Integer maxGroupsPerInterface = QuotaLimits.AWS_DEFAULTS.groupsPerInterface();
    @Import(name = "ownGroupsPerInterface")
    private Integer ownGroupsPerInterface = 0;

    private ClusterSecurityGroupsArgs() {}

    @Override
    public ClusterArgs cluster() { return cluster; }

    /** The VPC the nodes run in; may be another resource's output, checked when it resolves. */
    public Output<String> vpcId() { return vpcId; }
    /** Tags on every group, besides {@code Name} and the cluster tag. */
    public Map<String, String> tags() { return tags; }

    /** @throws IllegalArgumentException naming the quota field that is out of range */
    public QuotaLimits quotaLimits() {
        return new QuotaLimits(maxEntriesPerGroup, maxGroupsPerInterface, ownGroupsPerInterface);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder extends ClusterArgs.Builder<ClusterSecurityGroupsArgs, Builder> {
        private Builder() {
            super(new ClusterSecurityGroupsArgs(), AwsBindingSyntax.INSTANCE);
        }

        public Builder vpcId(Output<String> vpcId) {
            args.vpcId = requireNonNull("vpcId", vpcId);
            return this;
        }

        /** @throws IllegalArgumentException naming vpcId unless it is vpc- and 8 or 17 hex digits */
        public Builder vpcId(String vpcId) {
            return vpcId(Output.of(AwsBindingSyntax.vpcId(vpcId)));
        }

        public Builder tags(Map<String, String> tags) { args.tags.putAll(tags); return this; }

        public Builder maxEntriesPerGroup(int limit) { args.maxEntriesPerGroup = limit; return this; }

        public Builder maxGroupsPerInterface(int limit) { args.maxGroupsPerInterface = limit; return this; }

        public Builder ownGroupsPerInterface(int count) { args.ownGroupsPerInterface = count; return this; }

        @Override
        protected void checkCloudFields(ClusterSecurityGroupsArgs args) {
            if (args.vpcId == null) {
                throw new IllegalArgumentException("vpcId is missing: pass the id of the VPC the nodes run in");
            }
        }
    }
}
