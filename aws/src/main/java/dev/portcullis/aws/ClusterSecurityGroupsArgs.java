package dev.portcullis.aws;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import dev.portcullis.core.ClusterRequest;
import dev.portcullis.core.TextInputs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Inputs of {@link ClusterSecurityGroups}, as plain fields (strings, lists, maps) so the component
 * can later be offered to other Pulumi languages. Only the VPC id is an {@link Output}.
 */
public final class ClusterSecurityGroupsArgs extends ResourceArgs {
    @Import(name = "vpcId", required = true)
    private Output<String> vpcId;
    @Import(name = "clusterName", required = true)
    private String clusterName;
    @Import(name = "distribution", required = true)
    private String distribution;
    @Import(name = "cni")
    private String cni;
    @Import(name = "options")
    private List<String> options;
    @Import(name = "enableOptions")
    private List<String> enableOptions = new ArrayList<>();
    @Import(name = "ipFamily")
    private String ipFamily = "ipv4";
    @Import(name = "peers")
    private Map<String, List<String>> peers = new LinkedHashMap<>();
    @Import(name = "allowInternet")
    private List<String> allowInternet = new ArrayList<>();
    @Import(name = "tags")
    private Map<String, String> tags = new LinkedHashMap<>();
    @Import(name = "egress")
    private String egress = "allow-all";
    @Import(name = "extraRules")
    private List<UserRuleArgs> extraRules = new ArrayList<>();
    @Import(name = "profile")
    private String profile = "least-privilege";
    @Import(name = "nodeAddressing")
    private String nodeAddressing = "private";
    @Import(name = "publicAddresses")
    private Map<String, List<String>> publicAddresses = new LinkedHashMap<>();
    @Import(name = "maxEntriesPerGroup")
    private Integer maxEntriesPerGroup = QuotaLimits.AWS_DEFAULTS.entriesPerGroupPerDirection();
    @Import(name = "maxGroupsPerInterface")
    private Integer maxGroupsPerInterface = QuotaLimits.AWS_DEFAULTS.groupsPerInterface();
    @Import(name = "ownGroupsPerInterface")
    private Integer ownGroupsPerInterface = 0;

    private ClusterSecurityGroupsArgs() {}

    public Output<String> vpcId() { return vpcId; }
    public String clusterName() { return clusterName; }
    /** A distribution of {@link dev.portcullis.core.catalog.Catalog#names()}. */
    public String distribution() { return distribution; }
    /** The CNI; empty means the blueprint's default. */
    public Optional<String> cni() { return Optional.ofNullable(cni); }
    /** Replaces the default option set when present; an empty list means no option. */
    public Optional<List<String>> options() { return Optional.ofNullable(options); }
    /** Added to the option set, replacing defaults they are alternatives to. */
    public List<String> enableOptions() { return enableOptions; }
    /** {@code ipv4}, {@code ipv6} or {@code dual}. */
    public String ipFamily() { return ipFamily; }
    /** Named external peer → CIDRs, prefix list ids ({@code pl-…}) or security group ids ({@code sg-…}). */
    public Map<String, List<String>> peers() { return peers; }
    public List<String> allowInternet() { return allowInternet; }
    public Map<String, String> tags() { return tags; }
    /** {@code allow-all} (the default) or {@code restricted}. */
    public String egress() { return egress; }
    public List<UserRuleArgs> extraRules() { return extraRules; }
    /** {@code private} (the default) or {@code public}; see {@link dev.portcullis.core.NodeAddressing}. */
    public String nodeAddressing() { return nodeAddressing; }
    /** Role → its nodes' public or elastic IPs (or CIDRs); required with nodeAddressing public. */
    public Map<String, List<String>> publicAddresses() { return publicAddresses; }
    /** The cluster part of these args, in the cloud-neutral form the core validates. */
    public ClusterRequest request() {
        return new ClusterRequest(distribution, cni(), options(), enableOptions, ipFamily, peers, allowInternet,
                extraRules.stream().map(UserRuleArgs::toRule).toList(), nodeAddressing, publicAddresses, profile);
    }

    public QuotaLimits quotaLimits() {
        return new QuotaLimits(maxEntriesPerGroup, maxGroupsPerInterface, ownGroupsPerInterface);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final ClusterSecurityGroupsArgs args = new ClusterSecurityGroupsArgs();

        public Builder vpcId(Output<String> vpcId) { args.vpcId = vpcId; return this; }
        /** @throws IllegalArgumentException naming vpcId unless it is vpc- and 8 or 17 hex digits */
        public Builder vpcId(String vpcId) { return vpcId(Output.of(AwsBindingSyntax.vpcId(vpcId))); }
        public Builder clusterName(String clusterName) { args.clusterName = clusterName; return this; }
        public Builder distribution(String distribution) { args.distribution = distribution; return this; }

        /** Copies every cluster field of a cloud-neutral request (distribution, CNI, options, peers…). */
        public Builder cluster(ClusterRequest request) {
            args.distribution = request.distribution();
            args.cni = request.cni().orElse(null);
            args.options = request.options().map(List::copyOf).orElse(null);
            args.enableOptions = new ArrayList<>(request.enableOptions());
            args.ipFamily = request.ipFamily();
            args.peers = new LinkedHashMap<>(request.peers());
            args.allowInternet = new ArrayList<>(request.allowInternet());
            args.extraRules = new ArrayList<>(request.extraRules().stream().map(UserRuleArgs::of).toList());
            args.nodeAddressing = request.nodeAddressing();
            args.publicAddresses = new LinkedHashMap<>(request.publicAddresses());
            args.profile = request.profile();
            return this;
        }
        public Builder cni(String cni) { args.cni = cni; return this; }
        public Builder options(List<String> options) { args.options = List.copyOf(options); return this; }
        public Builder enableOptions(String... options) { args.enableOptions.addAll(List.of(options)); return this; }
        public Builder ipFamily(String ipFamily) { args.ipFamily = requireNonNull("ipFamily", ipFamily); return this; }
        public Builder peer(String name, String... bindings) {
            requireNonNull("peer name", name);
            for (int i = 0; i < bindings.length; i++) {
                requireNonNull("peers." + name + "[" + i + "]", bindings[i]);
            }
            args.peers.computeIfAbsent(name, n -> new ArrayList<>()).addAll(List.of(bindings));
            return this;
        }
        public Builder peers(Map<String, List<String>> peers) {
            peers.forEach((name, bindings) -> peer(name, bindings.toArray(String[]::new)));
            return this;
        }
        public Builder allowInternet(String... peers) { args.allowInternet.addAll(List.of(peers)); return this; }
        public Builder tags(Map<String, String> tags) { args.tags.putAll(tags); return this; }
        public Builder egress(String egress) { args.egress = requireNonNull("egress", egress); return this; }
        public Builder extraRule(UserRuleArgs rule) { args.extraRules.add(rule); return this; }
        /** {@code least-privilege} (the default) or {@code compact}: all traffic between the cluster's nodes. */
        public Builder profile(String profile) { args.profile = requireNonNull("profile", profile); return this; }
        public Builder nodeAddressing(String addressing) {
            args.nodeAddressing = requireNonNull("nodeAddressing", addressing);
            return this;
        }
        public Builder publicAddresses(String role, String... addresses) {
            requireNonNull("publicAddresses role", role);
            for (int i = 0; i < addresses.length; i++) {
                requireNonNull("publicAddresses." + role + "[" + i + "]", addresses[i]);
            }
            args.publicAddresses.computeIfAbsent(role, r -> new ArrayList<>()).addAll(List.of(addresses));
            return this;
        }
        public Builder maxEntriesPerGroup(int limit) { args.maxEntriesPerGroup = limit; return this; }
        public Builder maxGroupsPerInterface(int limit) { args.maxGroupsPerInterface = limit; return this; }
        public Builder ownGroupsPerInterface(int count) { args.ownGroupsPerInterface = count; return this; }

        private static String requireNonNull(String field, String value) {
            if (value == null) {
                throw new IllegalArgumentException(field + " is null: give a value, or leave the field out for its default");
            }
            return value;
        }

        /** @throws IllegalArgumentException naming the first missing field */
        public ClusterSecurityGroupsArgs build() {
            if (args.vpcId == null) {
                throw new IllegalArgumentException("vpcId is missing: pass the id of the VPC the nodes run in");
            }
            TextInputs.clusterName(args.clusterName);
            if (args.distribution == null) {
                throw new IllegalArgumentException("distribution is missing: allowed values are "
                        + String.join(", ", dev.portcullis.core.catalog.Catalog.names()));
            }
            return args;
        }
    }
}
