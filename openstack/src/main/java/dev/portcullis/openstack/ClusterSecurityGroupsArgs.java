package dev.portcullis.openstack;

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
 * Inputs of {@link ClusterSecurityGroups}, as plain fields so the component can later be offered to
 * other Pulumi languages. Same cluster fields as the AWS component; Neutron quotas are per project.
 */
public final class ClusterSecurityGroupsArgs extends ResourceArgs {
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
    private List<String> tags = new ArrayList<>();
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

    public String clusterName() { return clusterName; }
    public String distribution() { return distribution; }
    /** Neutron tags (plain strings) added to every group. */
    public List<String> tags() { return tags; }
    /** {@code allow-all} (the default) or {@code restricted}. */
    public String egress() { return egress; }
    /** {@code private} (the default) or {@code public} (nodes talk over floating IPs). */
    public String nodeAddressing() { return nodeAddressing; }
    /** The region of every resource; empty means the provider's. */
    public Optional<String> region() { return Optional.ofNullable(region); }

    /** The cluster part of these args, in the cloud-neutral form the core validates. */
    public ClusterRequest request() {
        return new ClusterRequest(distribution, Optional.ofNullable(cni), Optional.ofNullable(options), enableOptions,
                ipFamily, peers, allowInternet, extraRules.stream().map(UserRuleArgs::toRule).toList(), publicAddresses, profile);
    }

    public ProjectQuota quota() {
        return new ProjectQuota(maxSecurityGroups, maxSecurityGroupRules, securityGroupsInUse, securityGroupRulesInUse);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final ClusterSecurityGroupsArgs args = new ClusterSecurityGroupsArgs();

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
            args.publicAddresses = new LinkedHashMap<>(request.publicAddresses());
            args.profile = request.profile();
            return this;
        }
        public Builder cni(String cni) { args.cni = cni; return this; }
        public Builder options(List<String> options) { args.options = List.copyOf(options); return this; }
        public Builder enableOptions(String... options) { args.enableOptions.addAll(List.of(options)); return this; }
        public Builder ipFamily(String ipFamily) { args.ipFamily = ipFamily; return this; }
        /** Binds a named peer to CIDRs, address group ids ({@code pl-} is AWS's; pass Neutron ids as groups) or group ids. */
        public Builder peer(String name, String... bindings) {
            args.peers.computeIfAbsent(name, n -> new ArrayList<>()).addAll(List.of(bindings));
            return this;
        }
        public Builder peers(Map<String, List<String>> peers) {
            peers.forEach((name, bindings) -> peer(name, bindings.toArray(String[]::new)));
            return this;
        }
        public Builder allowInternet(String... peers) { args.allowInternet.addAll(List.of(peers)); return this; }
        public Builder tags(List<String> tags) { args.tags.addAll(tags); return this; }
        public Builder egress(String egress) { args.egress = egress; return this; }
        public Builder extraRule(UserRuleArgs rule) { args.extraRules.add(rule); return this; }
        /** {@code least-privilege} (the default) or {@code compact}: all traffic between the cluster's nodes. */
        public Builder profile(String profile) { args.profile = profile; return this; }
        public Builder nodeAddressing(String addressing) { args.nodeAddressing = addressing; return this; }
        public Builder publicAddresses(String role, String... addresses) {
            args.publicAddresses.computeIfAbsent(role, r -> new ArrayList<>()).addAll(List.of(addresses));
            return this;
        }
        public Builder region(String region) { args.region = region; return this; }
        public Builder maxSecurityGroups(int limit) { args.maxSecurityGroups = limit; return this; }
        public Builder maxSecurityGroupRules(int limit) { args.maxSecurityGroupRules = limit; return this; }
        public Builder securityGroupsInUse(int count) { args.securityGroupsInUse = count; return this; }
        public Builder securityGroupRulesInUse(int count) { args.securityGroupRulesInUse = count; return this; }

        /** @throws IllegalArgumentException naming the first missing field */
        public ClusterSecurityGroupsArgs build() {
            TextInputs.clusterName(args.clusterName);
            if (args.distribution == null) {
                throw new IllegalArgumentException("distribution is missing: allowed values are rke2, k3s, kubeadm, rke1, deckhouse, microk8s");
            }
            return args;
        }
    }
}
