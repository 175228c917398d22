package dev.portcullis.examples;

import com.google.gson.JsonParseException;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.pulumi.Config;
import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.aws.ec2.LaunchTemplate;
import com.pulumi.aws.ec2.LaunchTemplateArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import dev.portcullis.core.Blueprint;
import dev.portcullis.aws.AwsBindingSyntax;
import dev.portcullis.core.BindingSyntax;
import dev.portcullis.core.ClusterRequest;
import dev.portcullis.core.Text;
import dev.portcullis.core.TextInputs;
import dev.portcullis.openstack.NeutronBindingSyntax;
import dev.portcullis.core.catalog.Catalog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The example Pulumi program: a cluster's security groups from {@code portcullis:*} config, on AWS
 * or OpenStack. With {@code portcullis:imageId} set (AWS), it also creates one launch template per
 * role that attaches that role's groups and waits for every rule.
 *
 * <p>Config: {@code cloud} (aws|openstack, default aws), {@code distribution}, {@code cni},
 * {@code options} (comma list replacing the defaults; empty = none), {@code enableOptions},
 * {@code ipFamily} (ipv4|ipv6|dual), {@code vpcId} (AWS), {@code clusterName} (default: the stack),
 * {@code peers} (JSON object: name → list of CIDRs, prefix lists or group ids), {@code allowInternet},
 * {@code egress} (allow-all|restricted), {@code profile} (least-privilege|compact), {@code nodeAddressing} (private|public),
 * {@code publicAddresses} (JSON object: role → addresses), {@code extraRules} (JSON list of
 * {@code {"from", "to", "protocol", "ports", "description"}}: DNS or a registry under restricted
 * egress, a dashboard port…), {@code imageId}, {@code instanceType}.
 */
public final class ClusterFirewall {
    public static final String NAMESPACE = "portcullis";
    static final List<String> CLOUDS = List.of("aws", "openstack");

    private ClusterFirewall() {}

    public static void main(String[] args) {
        Pulumi.run(ClusterFirewall::stack);
    }

    /** The program with {@code portcullis:cloud} defaulting to aws. */
    public static void stack(Context ctx) {
        stack(ctx, "aws");
    }

    /**
     * Every {@code portcullis:*} key the program reads, each also a flag of {@code plan} (in kebab case),
     * so a cluster is described in the same words in a stack's config and on the command line.
     */
    static final List<String> CONFIG_KEYS = List.of("cloud", "distribution", "cni", "options", "enableOptions", "ipFamily",
            "clusterName", "peers", "allowInternet", "egress", "extraRules", "profile", "nodeAddressing", "publicAddresses",
            "vpcId", "imageId", "instanceType", "maxEntriesPerGroup", "maxGroupsPerInterface", "ownGroupsPerInterface",
            "region", "maxSecurityGroups", "maxSecurityGroupRules", "securityGroupsInUse", "securityGroupRulesInUse");

    /**
     * The cluster as config describes it, whoever holds the config: the engine (a real stack) or the
     * offline plan (its flags).
     *
     * @param raw a key of {@link #CONFIG_KEYS} to its value, if set
     */
    record Settings(java.util.function.Function<String, Optional<String>> raw, String stackName, String defaultCloud) {
        /** A value; blank counts as unset (templates prompt with empty defaults). */
        Optional<String> value(String key) {
            return raw.apply(key).filter(v -> !v.isBlank());
        }

        String cloud() {
            String cloud = value("cloud").orElse(defaultCloud);
            if (!CLOUDS.contains(cloud)) {
                throw new IllegalArgumentException("portcullis:cloud '" + Text.printable(cloud) + "' is unknown: allowed values are "
                        + String.join(", ", CLOUDS));
            }
            return cloud;
        }

        String distribution() {
            return value("distribution").orElseThrow(() -> new IllegalArgumentException("portcullis:distribution is missing: "
                    + "allowed values are " + String.join(", ", Catalog.names())));
        }

        /** Blank is refused, not replaced by the stack name: a typo must not silently rename every group. */
        String clusterName() {
            return TextInputs.clusterName(raw.apply("clusterName").orElse(stackName));
        }

        ClusterRequest request() {
            return new ClusterRequest(distribution(), value("cni"),
                    raw.apply("options").map(ClusterFirewall::commaList), // empty means no option at all
                    value("enableOptions").map(ClusterFirewall::commaList).orElse(List.of()),
                    value("ipFamily").orElse("ipv4"),
                    ClusterRequest.parsePeers(syntax(cloud()), stringLists("peers", value("peers"))),
                    value("allowInternet").map(ClusterFirewall::commaList).orElse(List.of()),
                    userRules("portcullis:extraRules", value("extraRules")),
                    value("nodeAddressing").orElse("private"),
                    stringLists("publicAddresses", value("publicAddresses")),
                    value("profile").orElse("least-privilege"));
        }

        String egress() {
            return value("egress").orElse("allow-all");
        }

        Optional<Integer> number(String key) {
            return value(key).map(text -> {
                try {
                    return Integer.parseInt(text.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("portcullis:" + key + " '" + Text.printable(text) + "' is not a whole number");
                }
            });
        }
    }

    /** The program; {@code defaultCloud} applies when {@code portcullis:cloud} is not set. */
    public static void stack(Context ctx, String defaultCloud) {
        Config config = ctx.config(NAMESPACE);
        Settings settings = new Settings(config::get, ctx.stackName(), defaultCloud);
        String cloud = settings.cloud();
        Blueprint blueprint = Catalog.blueprint(settings.distribution());
        String clusterName = settings.clusterName();
        ClusterRequest cluster = settings.request();
        String name = clusterName + "-fw";

        switch (cloud) {
            case "aws" -> {
                var args = dev.portcullis.aws.ClusterSecurityGroupsArgs.builder().vpcId(config.require("vpcId"))
                        .clusterName(clusterName).cluster(cluster).egress(settings.egress());
                settings.number("maxEntriesPerGroup").ifPresent(args::maxEntriesPerGroup);
                settings.number("maxGroupsPerInterface").ifPresent(args::maxGroupsPerInterface);
                settings.number("ownGroupsPerInterface").ifPresent(args::ownGroupsPerInterface);
                var groups = new dev.portcullis.aws.ClusterSecurityGroups(name, args.build(), null);
                ctx.export("groupIds", groups.groupIds());
                ctx.export("ruleCount", groups.ruleIds().applyValue(List::size));
                settings.value("imageId").ifPresent(image -> launchTemplates(ctx, blueprint, name, groups, image,
                        settings.value("instanceType").orElse("t3.large")));
            }
            case "openstack" -> {
                var args = dev.portcullis.openstack.ClusterSecurityGroupsArgs.builder().clusterName(clusterName)
                        .cluster(cluster).egress(settings.egress());
                settings.value("region").ifPresent(args::region);
                settings.number("maxSecurityGroups").ifPresent(args::maxSecurityGroups);
                settings.number("maxSecurityGroupRules").ifPresent(args::maxSecurityGroupRules);
                settings.number("securityGroupsInUse").ifPresent(args::securityGroupsInUse);
                settings.number("securityGroupRulesInUse").ifPresent(args::securityGroupRulesInUse);
                var groups = new dev.portcullis.openstack.ClusterSecurityGroups(name, args.build(), null);
                ctx.export("groupIds", groups.groupIds());
                ctx.export("ruleCount", groups.ruleIds().applyValue(List::size));
            }
            default -> throw new IllegalStateException("cloud " + cloud + " was checked");
        }
    }

    /** One launch template per role; its group list resolves only after every rule exists. */
    private static void launchTemplates(Context ctx, Blueprint blueprint, String name,
            dev.portcullis.aws.ClusterSecurityGroups groups, String imageId, String instanceType) {
        Map<String, Output<String>> templates = new LinkedHashMap<>();
        blueprint.roles().forEach(role -> {
            var template = new LaunchTemplate(name + "-" + role.name(), LaunchTemplateArgs.builder()
                    .namePrefix(name + "-" + role.name() + "-")
                    .imageId(imageId)
                    .instanceType(instanceType)
                    .vpcSecurityGroupIds(groups.securityGroupIdsFor(role.name()))
                    .build(), CustomResourceOptions.builder().build());
            templates.put(role.name(), template.id());
        });
        ctx.export("launchTemplateIds", Output.all(List.copyOf(templates.values())));
    }

    /** Each cloud's text forms of bindings. */
    static BindingSyntax syntax(String cloud) {
        return switch (cloud) {
            case "aws" -> AwsBindingSyntax.INSTANCE;
            case "openstack" -> NeutronBindingSyntax.INSTANCE;
            default -> throw new IllegalArgumentException("cloud '" + cloud + "' is unknown: allowed values are "
                    + String.join(", ", CLOUDS));
        };
    }

    static List<String> commaList(String text) {
        return text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(String::trim).toList();
    }

    private static final List<String> RULE_FIELDS = List.of("from", "to", "protocol", "ports", "description");
    private static final String RULES_EXAMPLE = "e.g. [{\"from\": \"all-nodes\", \"to\": \"10.0.0.2/32\", \"protocol\": "
            + "\"udp\", \"ports\": \"53\", \"description\": \"DNS\"}]";

    /**
     * {@code [{"from": "all-nodes", "to": "10.0.0.2/32", "protocol": "udp", "ports": "53", "description": "DNS"}]},
     * read strictly: a field given twice or unknown, or a value that is not a string (a number for
     * {@code ports}), is refused by name rather than kept, dropped or guessed; the core then names a
     * missing or bad field ({@code extraRules[0]: from is missing: …}).
     *
     * @param field how errors name the document: {@code portcullis:extraRules} or {@code --extra-rules}
     */
    static List<ClusterRequest.UserRule> userRules(String field, Optional<String> json) {
        if (json.isEmpty() || json.get().isBlank()) {
            return List.of();
        }
        List<ClusterRequest.UserRule> out = new ArrayList<>();
        try (JsonReader reader = new JsonReader(new java.io.StringReader(json.get()))) {
            reader.setStrictness(com.google.gson.Strictness.STRICT);
            reader.beginArray();
            while (reader.hasNext()) {
                String at = field + "[" + out.size() + "]";
                if (reader.peek() != JsonToken.BEGIN_OBJECT) {
                    throw new IllegalArgumentException(at + " is not an object with " + String.join(", ", RULE_FIELDS));
                }
                Map<String, String> rule = new LinkedHashMap<>();
                reader.beginObject();
                while (reader.hasNext()) {
                    String name = reader.nextName();
                    if (!RULE_FIELDS.contains(name)) {
                        throw new IllegalArgumentException(at + "." + Text.printable(name) + " is unknown: allowed fields are "
                                + String.join(", ", RULE_FIELDS));
                    }
                    String value = name.equals("ports") && reader.peek() == JsonToken.NUMBER ? reader.nextString()
                            : string(reader, at + "." + name);
                    if (rule.put(name, value) != null) {
                        throw new IllegalArgumentException(at + " gives " + name + " twice: give it once");
                    }
                }
                reader.endObject();
                out.add(ClusterRequest.UserRule.of(rule.get("from"), rule.get("to"), rule.get("protocol"), rule.get("ports"),
                        rule.get("description")));
            }
            reader.endArray();
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new IllegalArgumentException(field + " has text after its JSON list: " + RULES_EXAMPLE);
            }
        } catch (java.io.IOException | IllegalStateException | JsonParseException e) {
            throw new IllegalArgumentException(field + " is not a JSON list of rules, " + RULES_EXAMPLE + ": "
                    + Cli.oneLine(e.getMessage()), e);
        }
        return out;
    }

    /**
     * {@code {"admins": ["192.0.2.0/24"]}}; a bad document names the config key, and a name given
     * twice is refused (a JSON parser would silently keep the last).
     */
    static Map<String, List<String>> stringLists(String key, Optional<String> json) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (json.isEmpty() || json.get().isBlank()) {
            return out;
        }
        String example = "e.g. {\"admins\": [\"192.0.2.0/24\"]}";
        try (JsonReader reader = new JsonReader(new java.io.StringReader(json.get()))) {
            reader.beginObject();
            while (reader.hasNext()) {
                String name = reader.nextName();
                List<String> values = new ArrayList<>();
                if (reader.peek() == JsonToken.BEGIN_ARRAY) {
                    reader.beginArray();
                    while (reader.hasNext()) {
                        values.add(string(reader, "portcullis:" + key + "." + name + "[" + values.size() + "]"));
                    }
                    reader.endArray();
                } else {
                    values.add(string(reader, "portcullis:" + key + "." + name));
                }
                if (out.put(name, values) != null) {
                    throw new IllegalArgumentException("portcullis:" + key + " names '" + Text.printable(name)
                            + "' twice: list all its values under one key");
                }
            }
            reader.endObject();
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new IllegalArgumentException("portcullis:" + key + " has text after its JSON object: " + example);
            }
        } catch (java.io.IOException | IllegalStateException | JsonParseException e) {
            throw new IllegalArgumentException("portcullis:" + key + " is not a JSON object of name to list of strings, "
                    + example + ": " + Cli.oneLine(e.getMessage()), e);
        }
        return out;
    }

    /** A JSON string, never a number or a boolean taken for one. */
    private static String string(JsonReader reader, String field) throws java.io.IOException {
        if (reader.peek() != JsonToken.STRING) {
            throw new IllegalArgumentException(field + " is " + reader.peek().name().toLowerCase(java.util.Locale.ROOT)
                    + ", not a string: quote it");
        }
        return reader.nextString();
    }
}
