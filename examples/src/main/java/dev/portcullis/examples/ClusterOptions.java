package dev.portcullis.examples;

import com.google.gson.Gson;
import dev.portcullis.core.Text;
import dev.portcullis.core.catalog.Catalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The cluster a plan is made for, as flags: one flag per {@code portcullis:*} config key the example
 * program reads ({@link ClusterFirewall#CONFIG_KEYS}), named after it in kebab case ({@code --ip-family}
 * for {@code ipFamily}), so a plan on the command line and a stack's config describe a cluster in the
 * same words. A test keeps the two lists equal.
 */
final class ClusterOptions {
    @Option(names = "--cloud", paramLabel = "C", completionCandidates = Clouds.class,
            description = "${COMPLETION-CANDIDATES} (default: aws)")
    String cloud;

    @Option(names = "--distribution", paramLabel = "D", completionCandidates = Catalog.Names.class,
            description = "the distribution: ${COMPLETION-CANDIDATES}")
    String distribution;

    @Option(names = "--cni", paramLabel = "CNI", description = "the CNI (default: the distribution's)")
    String cni;

    @Option(names = "--options", paramLabel = "a,b", description = "replaces the default option set ('' = none)")
    String options;

    @Option(names = "--enable-options", paramLabel = "a,b", description = "adds options to the set")
    String enableOptions;

    @Option(names = "--ip-family", paramLabel = "F", description = "ipv4, ipv6 or dual (default: ipv4)")
    String ipFamily;

    @Option(names = "--cluster-name", paramLabel = "N", description = "the cluster name (default: the distribution)")
    String clusterName;

    @Option(names = {"--peers", "--peer"}, paramLabel = "name=B,B",
            description = "binds a named peer in the cloud's text form (repeat per peer; name= binds nothing)")
    List<String> peers = new ArrayList<>();

    @Option(names = "--allow-internet", paramLabel = "PEER",
            description = "lets this peer be internet-wide for every port it reaches (repeatable)")
    List<String> allowInternet = new ArrayList<>();

    @Option(names = "--egress", paramLabel = "E", description = "allow-all or restricted (default: allow-all)")
    String egress;

    @Option(names = {"--extra-rules", "--extra-rule"}, paramLabel = "JSON",
            description = "a rule of your own, as in portcullis:extraRules: {\"from\", \"to\", \"protocol\", \"ports\", "
                    + "\"description\"} (repeatable)")
    List<String> extraRules = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "P", description = "least-privilege or compact (default: least-privilege)")
    String profile;

    @Option(names = "--node-addressing", paramLabel = "A", description = "private or public (default: private)")
    String nodeAddressing;

    @Option(names = "--public-addresses", paramLabel = "role=IP,IP",
            description = "a role's public (elastic, floating) IPs, with --node-addressing public (repeat per role)")
    List<String> publicAddresses = new ArrayList<>();

    @Option(names = "--vpc-id", paramLabel = "ID", description = "the AWS VPC id (aws)")
    String vpcId;

    @Option(names = "--image-id", paramLabel = "AMI", description = "adds one launch template per role (aws)")
    String imageId;

    @Option(names = "--instance-type", paramLabel = "T", description = "the launch templates' instance type (aws)")
    String instanceType;

    @Option(names = "--max-entries-per-group", paramLabel = "N", description = "AWS's rule quota per group (aws)")
    String maxEntriesPerGroup;

    @Option(names = "--max-groups-per-interface", paramLabel = "N", description = "AWS's groups per interface (aws)")
    String maxGroupsPerInterface;

    @Option(names = "--own-groups-per-interface", paramLabel = "N", description = "groups of your own on each node (aws)")
    String ownGroupsPerInterface;

    @Option(names = "--region", paramLabel = "R", description = "the OpenStack region (openstack)")
    String region;

    @Option(names = "--max-security-groups", paramLabel = "N", description = "the project's group quota (openstack)")
    String maxSecurityGroups;

    @Option(names = "--max-security-group-rules", paramLabel = "N", description = "the project's rule quota (openstack)")
    String maxSecurityGroupRules;

    @Option(names = "--security-groups-in-use", paramLabel = "N", description = "groups the project holds already (openstack)")
    String securityGroupsInUse;

    @Option(names = "--security-group-rules-in-use", paramLabel = "N", description = "rules the project holds already (openstack)")
    String securityGroupRulesInUse;

    /** Flags that only one cloud's stack reads. */
    private static final Map<String, String> CLOUD_OF = Map.ofEntries(Map.entry("vpcId", "aws"), Map.entry("imageId", "aws"),
            Map.entry("instanceType", "aws"), Map.entry("maxEntriesPerGroup", "aws"), Map.entry("maxGroupsPerInterface", "aws"),
            Map.entry("ownGroupsPerInterface", "aws"), Map.entry("region", "openstack"), Map.entry("maxSecurityGroups", "openstack"),
            Map.entry("maxSecurityGroupRules", "openstack"), Map.entry("securityGroupsInUse", "openstack"),
            Map.entry("securityGroupRulesInUse", "openstack"));

    /**
     * The config these flags stand for, keyed as {@link ClusterFirewall#CONFIG_KEYS} (without the
     * namespace); list-valued flags become the JSON the config key takes.
     *
     * @throws IllegalArgumentException naming a flag given twice for one name, or a flag the cloud does not read
     */
    Map<String, String> config() {
        Map<String, String> out = new LinkedHashMap<>();
        put(out, "cloud", cloud);
        put(out, "distribution", distribution);
        put(out, "cni", cni);
        put(out, "options", options);
        put(out, "enableOptions", enableOptions);
        put(out, "ipFamily", ipFamily);
        put(out, "clusterName", clusterName);
        if (!peers.isEmpty()) {
            out.put("peers", new Gson().toJson(named("--peers", peers)));
        }
        if (!allowInternet.isEmpty()) {
            allowInternet.forEach(peer -> Text.requirePrintable("--allow-internet", peer));
            out.put("allowInternet", String.join(",", allowInternet));
        }
        put(out, "egress", egress);
        if (!extraRules.isEmpty()) {
            // Each flag is one rule object; together they are the config key's list, read as strictly.
            String rules = "[" + String.join(",", extraRules.stream().map(r -> Text.requirePrintable("--extra-rules", r)).toList()) + "]";
            ClusterFirewall.userRules("--extra-rules", Optional.of(rules));
            out.put("extraRules", rules);
        }
        put(out, "profile", profile);
        put(out, "nodeAddressing", nodeAddressing);
        if (!publicAddresses.isEmpty()) {
            out.put("publicAddresses", new Gson().toJson(named("--public-addresses", publicAddresses)));
        }
        put(out, "vpcId", vpcId);
        put(out, "imageId", imageId);
        put(out, "instanceType", instanceType);
        put(out, "maxEntriesPerGroup", maxEntriesPerGroup);
        put(out, "maxGroupsPerInterface", maxGroupsPerInterface);
        put(out, "ownGroupsPerInterface", ownGroupsPerInterface);
        put(out, "region", region);
        put(out, "maxSecurityGroups", maxSecurityGroups);
        put(out, "maxSecurityGroupRules", maxSecurityGroupRules);
        put(out, "securityGroupsInUse", securityGroupsInUse);
        put(out, "securityGroupRulesInUse", securityGroupRulesInUse);
        String target = cloud == null ? "aws" : cloud;
        CLOUD_OF.forEach((key, only) -> {
            if (out.containsKey(key) && !only.equals(target)) {
                throw new IllegalArgumentException("--" + kebab(key) + " applies only to --cloud " + only + ", and the cloud is '"
                        + Text.printable(target) + "'");
            }
        });
        return out;
    }

    /** Whether any flag here was given: they do not apply to a program of your own. */
    boolean anyGiven() {
        return !config().isEmpty();
    }

    private static void put(Map<String, String> out, String key, String value) {
        if (value != null) {
            out.put(key, Text.requirePrintable("--" + kebab(key), value));
        }
    }

    /** {@code name=a,b} flags, a name given twice refused rather than silently replaced. */
    private static Map<String, List<String>> named(String flag, List<String> values) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String binding : values) {
            Text.requirePrintable(flag, binding);
            int eq = binding.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException(flag + " '" + binding + "' is malformed: expected name=V[,V…] (or name= for nothing)");
            }
            String name = binding.substring(0, eq);
            if (out.put(name, ClusterFirewall.commaList(binding.substring(eq + 1))) != null) {
                throw new IllegalArgumentException(flag + " '" + name + "' is given twice: list all its values in one " + flag
                        + " " + name + "=V,V");
            }
        }
        return out;
    }

    static String kebab(String key) {
        return key.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
    }

    Optional<String> distribution() {
        return Optional.ofNullable(distribution);
    }

    /** For {@code ${COMPLETION-CANDIDATES}}: the clouds the example program deploys to. */
    static final class Clouds implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return ClusterFirewall.CLOUDS.iterator();
        }
    }
}
