package dev.portcullis.audit;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedSet;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.portcullis.core.Direction;
import dev.portcullis.core.IcmpType;
import dev.portcullis.core.IpFamily;
import dev.portcullis.core.PortRange;
import dev.portcullis.core.Protocol;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads a cloud's security group listing into {@link LiveRule}s. The format is recognised by its
 * shape: {@code {"SecurityGroupRules": […]}} (aws ec2 describe-security-group-rules),
 * {@code {"SecurityGroups": […]}} (aws ec2 describe-security-groups), or a JSON array of rows with
 * {@code "ID"} and {@code "IP Protocol"} (openstack security group rule list --long -f json).
 * docs/audit.md documents each format and where its fields are defined.
 */
final class LiveRules {
    /** neutron-lib's IP_PROTOCOL_MAP, the names Neutron accepts for a rule's protocol. */
    private static final ImmutableMap<String, Integer> NEUTRON_PROTOCOLS = ImmutableMap.<String, Integer>builder()
            .put("ah", 51).put("dccp", 33).put("egp", 8).put("esp", 50).put("gre", 47).put("hopopt", 0).put("icmp", 1)
            .put("igmp", 2).put("ip", 0).put("ipip", 4).put("ipv6-encap", 41).put("ipv6-frag", 44).put("ipv6-icmp", 58)
            .put("icmpv6", 58).put("ipv6-nonxt", 59).put("ipv6-opts", 60).put("ipv6-route", 43).put("ospf", 89)
            .put("pgm", 113).put("rsvp", 46).put("sctp", 132).put("tcp", 6).put("udp", 17).put("udplite", 136)
            .put("vrrp", 112).build();

    private static final java.util.regex.Pattern CLOUD_ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,254}");

    private LiveRules() {}

    /**
     * @param format {@code describe-security-group-rules}, {@code describe-security-groups} or {@code openstack}
     * @param groupNames group id → name, where the listing has names
     * @param vpcIds the VPCs the groups are in, where the listing says
     */
    record Listing(String format, ImmutableList<LiveRule> rules, ImmutableMap<String, String> groupNames,
            ImmutableSortedSet<String> vpcIds) {}

    /** @throws IllegalArgumentException naming the input, the rule and the field, if the listing is not one of the formats */
    static Listing read(Cloud cloud, AuditInput input) {
        JsonInput json = JsonInput.parse(input.name(), input.text());
        JsonElement root = json.root();
        if (root.isJsonObject() && root.getAsJsonObject().has("SecurityGroupRules")) {
            requireCloud(cloud, Cloud.AWS, input, "aws ec2 describe-security-group-rules");
            return awsRules(json, input);
        }
        if (root.isJsonObject() && root.getAsJsonObject().has("SecurityGroups")) {
            requireCloud(cloud, Cloud.AWS, input, "aws ec2 describe-security-groups");
            return awsGroups(json, input);
        }
        if (root.isJsonArray()) {
            requireCloud(cloud, Cloud.OPENSTACK, input, "openstack security group rule list");
            return openstack(json, input);
        }
        throw new IllegalArgumentException("input '" + input.name() + "' is no security group listing: expected the JSON of "
                + "aws ec2 describe-security-group-rules, aws ec2 describe-security-groups, or "
                + "openstack security group rule list --long -f json");
    }

    private static void requireCloud(Cloud given, Cloud format, AuditInput input, String command) {
        if (given != format) {
            throw new IllegalArgumentException("input '" + input.name() + "' is the output of " + command + ", but --cloud is "
                    + given.label() + ": use --cloud " + format.label());
        }
    }

    private static Listing awsRules(JsonInput json, AuditInput input) {
        List<LiveRule> rules = new ArrayList<>();
        for (JsonElement element : array(json.root().getAsJsonObject(), "SecurityGroupRules", input.name())) {
            JsonObject rule = element.getAsJsonObject();
            String id = id(rule, "SecurityGroupRuleId", input, "a rule");
            String where = "rule " + id;
            String group = id(rule, "GroupId", input, where);
            boolean egress = rule.has("IsEgress") && rule.get("IsEgress").getAsBoolean();
            Direction direction = egress ? Direction.EGRESS : Direction.INGRESS;
            List<LivePeer> peers = new ArrayList<>();
            JsonInput.string(rule, "CidrIpv4").ifPresent(c -> peers.add(network(input, where, "CidrIpv4", c)));
            JsonInput.string(rule, "CidrIpv6").ifPresent(c -> peers.add(network(input, where, "CidrIpv6", c)));
            JsonInput.string(rule, "PrefixListId")
                    .ifPresent(p -> peers.add(new LivePeer.PrefixList(checkedId(p, "PrefixListId", input, where))));
            if (rule.has("ReferencedGroupInfo") && rule.get("ReferencedGroupInfo").isJsonObject()) {
                JsonInput.string(rule.getAsJsonObject("ReferencedGroupInfo"), "GroupId")
                        .ifPresent(g -> peers.add(new LivePeer.Group(checkedId(g, "ReferencedGroupInfo.GroupId", input, where))));
            }
            if (peers.size() != 1) {
                throw new IllegalArgumentException("input '" + input.name() + "' " + where + " has " + peers.size()
                        + " sources: expected exactly one of CidrIpv4, CidrIpv6, PrefixListId, ReferencedGroupInfo.GroupId");
            }
            AwsProtocol p = awsProtocol(rule, input, where);
            rules.add(new LiveRule(id, true, group, direction, p.protocol(), p.ports(), peers.get(0),
                    JsonInput.string(rule, "Description").orElse(""), new Location(input.name(), json.line(rule))));
        }
        return new Listing("describe-security-group-rules", ImmutableList.copyOf(rules), ImmutableMap.of(), ImmutableSortedSet.of());
    }

    private static Listing awsGroups(JsonInput json, AuditInput input) {
        List<LiveRule> rules = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        Set<String> vpcs = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (JsonElement element : array(json.root().getAsJsonObject(), "SecurityGroups", input.name())) {
            JsonObject group = element.getAsJsonObject();
            String groupId = id(group, "GroupId", input, "a group");
            JsonInput.string(group, "GroupName").ifPresent(n -> names.put(groupId, n));
            JsonInput.string(group, "VpcId").ifPresent(vpcs::add);
            for (Direction direction : Direction.values()) {
                String member = direction == Direction.INGRESS ? "IpPermissions" : "IpPermissionsEgress";
                if (!group.has(member)) {
                    continue;
                }
                for (JsonElement permissionElement : array(group, member, input.name())) {
                    JsonObject permission = permissionElement.getAsJsonObject();
                    String where = "group " + groupId + " " + member;
                    AwsProtocol p = awsProtocol(permission, input, where);
                    List<JsonObject> entries = new ArrayList<>();
                    List<LivePeer> peers = new ArrayList<>();
                    each(permission, "IpRanges", input, entry -> {
                        entries.add(entry);
                        peers.add(network(input, where, "CidrIp", required(entry, "CidrIp", input, where)));
                    });
                    each(permission, "Ipv6Ranges", input, entry -> {
                        entries.add(entry);
                        peers.add(network(input, where, "CidrIpv6", required(entry, "CidrIpv6", input, where)));
                    });
                    each(permission, "PrefixListIds", input, entry -> {
                        entries.add(entry);
                        peers.add(new LivePeer.PrefixList(id(entry, "PrefixListId", input, where)));
                    });
                    each(permission, "UserIdGroupPairs", input, entry -> {
                        entries.add(entry);
                        peers.add(new LivePeer.Group(entry.has("GroupId") ? id(entry, "GroupId", input, where)
                                : id(entry, "GroupName", input, where)));
                    });
                    for (int i = 0; i < peers.size(); i++) {
                        LivePeer peer = peers.get(i);
                        String id = groupId + "/" + (direction == Direction.INGRESS ? "in" : "out") + "/" + p.protocol().key()
                                + p.ports().map(r -> "-" + r).orElse("") + "/" + peerKey(peer);
                        String unique = id;
                        for (int n = 2; !ids.add(unique); n++) {
                            unique = id + "#" + n;
                        }
                        rules.add(new LiveRule(unique, false, groupId, direction, p.protocol(), p.ports(), peer,
                                JsonInput.string(entries.get(i), "Description").orElse(""),
                                new Location(input.name(), json.line(entries.get(i)))));
                    }
                }
            }
        }
        return new Listing("describe-security-groups", ImmutableList.copyOf(rules), ImmutableMap.copyOf(names),
                ImmutableSortedSet.copyOf(vpcs));
    }

    private static Listing openstack(JsonInput json, AuditInput input) {
        List<LiveRule> rules = new ArrayList<>();
        for (JsonElement element : json.root().getAsJsonArray()) {
            if (!element.isJsonObject()) {
                throw new IllegalArgumentException("input '" + input.name() + "' is a JSON array of something other than "
                        + "rule rows: expected openstack security group rule list --long -f json");
            }
            JsonObject row = element.getAsJsonObject();
            String id = id(row, "ID", input, "a rule");
            String where = "rule " + id;
            if (!row.has("Security Group")) {
                throw new IllegalArgumentException("input '" + input.name() + "' " + where + " has no 'Security Group' column: "
                        + "list the rules of all groups at once (openstack security group rule list --long -f json, "
                        + "without a group argument)");
            }
            String group = id(row, "Security Group", input, where);
            String directionText = JsonInput.string(row, "Direction").orElseThrow(() -> new IllegalArgumentException("input '"
                    + input.name() + "' " + where + " has no 'Direction': list with --long (python-openstackclient "
                    + "before 6.0 shows the direction only then)"));
            Direction direction = switch (directionText.toLowerCase(Locale.ROOT)) {
                case "ingress" -> Direction.INGRESS;
                case "egress" -> Direction.EGRESS;
                default -> throw new IllegalArgumentException("input '" + input.name() + "' " + where + " has Direction '"
                        + directionText + "': allowed values are ingress, egress");
            };
            IpFamily family = "IPv6".equalsIgnoreCase(JsonInput.string(row, "Ethertype").orElse("IPv4")) ? IpFamily.IPV6 : IpFamily.IPV4;
            Optional<String> remoteGroup = JsonInput.string(row, "Remote Security Group")
                    .map(g -> checkedId(g, "Remote Security Group", input, where));
            Optional<String> addressGroup = JsonInput.string(row, "Remote Address Group")
                    .map(g -> checkedId(g, "Remote Address Group", input, where));
            // The client fills "IP Range" with 0.0.0.0/0 or ::/0 when the rule has no prefix, even
            // when a remote group is set: the remote group wins.
            LivePeer peer = remoteGroup.<LivePeer>map(LivePeer.Group::new)
                    .or(() -> addressGroup.map(LivePeer.AddressGroup::new))
                    .orElseGet(() -> network(input, where, "IP Range",
                            JsonInput.string(row, "IP Range").orElse(family == IpFamily.IPV4 ? "0.0.0.0/0" : "::/0")));
            Protocol protocol = neutronProtocol(JsonInput.string(row, "IP Protocol"), family, input, where);
            String range = JsonInput.string(row, "Port Range").orElse("");
            Optional<PortRange> ports = Optional.empty();
            if (protocol instanceof Protocol.Icmp icmp) {
                protocol = new Protocol.Icmp(icmp.ipFamily(), neutronIcmp(range, input, where));
            } else if (protocol.usesPorts()) {
                ports = Optional.of(range.isEmpty() ? PortRange.of(1, 65535) : neutronPorts(range, input, where));
            }
            rules.add(new LiveRule(id, true, group, direction, protocol, ports, peer, JsonInput.string(row, "Description").orElse(""),
                    new Location(input.name(), json.line(row))));
        }
        return new Listing("openstack", ImmutableList.copyOf(rules), ImmutableMap.of(), ImmutableSortedSet.of());
    }

    private record AwsProtocol(Protocol protocol, Optional<PortRange> ports) {}

    /** AWS: -1 is all traffic; ICMP types and codes sit in FromPort and ToPort (-1 = any); other numbers have no ports. */
    private static AwsProtocol awsProtocol(JsonObject rule, AuditInput input, String where) {
        String text = required(rule, "IpProtocol", input, where);
        if (text.equals("-1")) {
            return new AwsProtocol(Protocol.ALL, Optional.empty());
        }
        Protocol protocol;
        try {
            protocol = Protocol.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("input '" + input.name() + "' " + where + " has IpProtocol '" + text
                    + "': allowed -1, tcp, udp, icmp, icmpv6 or a protocol number");
        }
        OptionalInt from = integer(rule, "FromPort");
        OptionalInt to = integer(rule, "ToPort");
        if (protocol instanceof Protocol.Icmp icmp) {
            int type = from.orElse(-1);
            int code = to.orElse(-1);
            IcmpType icmpType = type < 0 ? IcmpType.ANY : code < 0 ? IcmpType.of(type) : IcmpType.of(type, code);
            return new AwsProtocol(new Protocol.Icmp(icmp.ipFamily(), icmpType), Optional.empty());
        }
        if (!protocol.usesPorts()) {
            return new AwsProtocol(protocol, Optional.empty());
        }
        int low = Math.max(1, from.orElse(1)); // port 0 in a range means "from the first port"
        int high = to.isPresent() && to.getAsInt() >= 0 ? to.getAsInt() : 65535;
        return new AwsProtocol(protocol, Optional.of(PortRange.of(Math.min(low, high), Math.max(1, high))));
    }

    private static Protocol neutronProtocol(Optional<String> text, IpFamily family, AuditInput input, String where) {
        if (text.isEmpty() || text.get().equalsIgnoreCase("any")) {
            return Protocol.ALL;
        }
        String name = text.get().toLowerCase(Locale.ROOT);
        Integer number = NEUTRON_PROTOCOLS.get(name);
        if (number == null) {
            try {
                number = Integer.parseInt(name);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("input '" + input.name() + "' " + where + " has IP Protocol '" + text.get()
                        + "': allowed a Neutron protocol name (" + String.join(", ", NEUTRON_PROTOCOLS.keySet())
                        + "), a number 0..255, or null for any");
            }
        }
        if (number == 1 && family == IpFamily.IPV6) {
            number = 58; // Neutron takes "icmp" on an IPv6 rule as ICMPv6
        }
        return Protocol.parse(Integer.toString(number));
    }

    /** {@code 22:22}, {@code 30000:32767}. */
    private static PortRange neutronPorts(String range, AuditInput input, String where) {
        String[] ends = range.split(":", -1);
        try {
            return ends.length == 2 ? PortRange.of(Integer.parseInt(ends[0]), Integer.parseInt(ends[1]))
                    : PortRange.single(Integer.parseInt(range));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("input '" + input.name() + "' " + where + " has Port Range '" + range
                    + "': expected MIN:MAX such as 22:22 or 30000:32767");
        }
    }

    /**
     * {@code type=8:code=0}, {@code type=8}, or empty for any. The client prints a part only when it
     * is non-zero, so {@code :code=3} is type 0 code 3, and an empty range may also be type 0: it is
     * taken as any type, the broader reading.
     */
    private static IcmpType neutronIcmp(String range, AuditInput input, String where) {
        if (range.isEmpty()) {
            return IcmpType.ANY;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:type=(\\d+))?(?::code=(\\d+))?").matcher(range);
        if (!m.matches()) {
            throw new IllegalArgumentException("input '" + input.name() + "' " + where + " has ICMP Port Range '" + range
                    + "': expected type=T, type=T:code=C or :code=C");
        }
        int type = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
        return m.group(2) == null ? IcmpType.of(type) : IcmpType.of(type, Integer.parseInt(m.group(2)));
    }

    private static LivePeer network(AuditInput input, String where, String field, String text) {
        return new LivePeer.Network(Cidrs.lenient("input '" + input.name() + "' " + where + " " + field, text));
    }

    private static String peerKey(LivePeer peer) {
        if (peer instanceof LivePeer.Network network) {
            return network.cidr().toString();
        }
        if (peer instanceof LivePeer.Group group) {
            return group.id();
        }
        if (peer instanceof LivePeer.PrefixList list) {
            return list.id();
        }
        return ((LivePeer.AddressGroup) peer).id();
    }

    private static JsonArray array(JsonObject object, String member, String input) {
        JsonElement value = object.get(member);
        if (value == null || !value.isJsonArray()) {
            throw new IllegalArgumentException("input '" + input + "' has no array '" + member + "'");
        }
        return value.getAsJsonArray();
    }

    private static void each(JsonObject object, String member, AuditInput input, java.util.function.Consumer<JsonObject> action) {
        if (object.has(member) && object.get(member).isJsonArray()) {
            for (JsonElement entry : object.getAsJsonArray(member)) {
                action.accept(entry.getAsJsonObject());
            }
        }
    }

    private static String required(JsonObject object, String member, AuditInput input, String where) {
        return JsonInput.string(object, member).orElseThrow(() -> new IllegalArgumentException("input '" + input.name()
                + "': " + where + " has no '" + member + "'"));
    }

    /** Ids end up in commands and names: letters, digits and . _ : / - only, as the clouds make them. */
    private static String id(JsonObject object, String member, AuditInput input, String where) {
        return checkedId(required(object, member, input, where), member, input, where);
    }

    private static String checkedId(String id, String member, AuditInput input, String where) {
        if (!CLOUD_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("input '" + input.name() + "': " + where + " has " + member + " '"
                    + Text.oneLine(id) + "', which is no cloud id: expected letters, digits and . _ : / - (sg-0123abcd, a UUID)");
        }
        return id;
    }

    private static OptionalInt integer(JsonObject object, String member) {
        JsonElement value = object.get(member);
        return value == null || value.isJsonNull() ? OptionalInt.empty() : OptionalInt.of(value.getAsInt());
    }
}
