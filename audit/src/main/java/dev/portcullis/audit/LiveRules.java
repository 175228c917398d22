package dev.portcullis.audit;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedSet;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.portcullis.core.CloudIdForms;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** Ids from a listing: a shell-safe alphabet, since they end up in {@code pulumi import} commands. */
    private static final Pattern CLOUD_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,254}");
    private static final Pattern NEUTRON_NUMBER = Pattern.compile("[0-9]{1,3}");
    private static final Pattern NEUTRON_PORTS = Pattern.compile("([0-9]{1,5})(?::([0-9]{1,5}))?");
    private static final Pattern NEUTRON_ICMP = Pattern.compile("(?:type=([0-9]{1,3}))?(?::code=([0-9]{1,3}))?");

    private LiveRules() {}

    /**
     * @param format {@code describe-security-group-rules}, {@code describe-security-groups} or {@code openstack}
     * @param groupNames group id → name, where the listing has names
     * @param vpcIds the VPCs the groups are in, where the listing says
     */
    record Listing(String format, ImmutableList<LiveRule> rules, ImmutableMap<String, String> groupNames,
            ImmutableSortedSet<String> vpcIds) {}

    /**
     * @throws IllegalArgumentException naming the input, the rule and the field (its path, for a
     *     member of the wrong type), if the listing is not one of the formats
     */
    static Listing read(Cloud cloud, AuditInput input) {
        JsonInput json = JsonInput.parse(input.name(), input.text());
        JsonElement root = json.root();
        if (root.isJsonObject() && root.getAsJsonObject().has("SecurityGroupRules")) {
            requireCloud(cloud, Cloud.AWS, input, "aws ec2 describe-security-group-rules");
            return awsRules(json, input, required(root.getAsJsonObject(), "SecurityGroupRules", input));
        }
        if (root.isJsonObject() && root.getAsJsonObject().has("SecurityGroups")) {
            requireCloud(cloud, Cloud.AWS, input, "aws ec2 describe-security-groups");
            return awsGroups(json, input, required(root.getAsJsonObject(), "SecurityGroups", input));
        }
        if (root.isJsonArray()) {
            requireCloud(cloud, Cloud.OPENSTACK, input, "openstack security group rule list");
            return openstack(json, input);
        }
        throw new IllegalArgumentException("input '" + input.name() + "' is no security group listing: expected the JSON of "
                + "aws ec2 describe-security-group-rules, aws ec2 describe-security-groups, or "
                + "openstack security group rule list --long -f json");
    }

    /**
     * The rules of all listings, each id once. A rule listed again with the same content (one
     * listing given twice, two listings that share a group, a repeated entry) is kept once, where it
     * was first listed.
     *
     * @throws IllegalArgumentException naming the id and both places, if one id is listed with two contents
     */
    static ImmutableList<LiveRule> merge(List<Listing> listings) {
        Map<String, LiveRule> byId = new LinkedHashMap<>();
        for (Listing listing : listings) {
            for (LiveRule rule : listing.rules()) {
                LiveRule first = byId.putIfAbsent(rule.id(), rule);
                if (first != null && !first.differences(rule).isEmpty()) {
                    throw new IllegalArgumentException("rule " + rule.id() + " is listed twice with different "
                            + String.join(", ", first.differences(rule)) + ": in " + place(first.location()) + " and in "
                            + place(rule.location()) + "; give listings taken at one time, each rule once");
                }
            }
        }
        return ImmutableList.copyOf(byId.values());
    }

    private static String place(Location location) {
        return "input '" + Text.oneLine(location.input()) + "'" + (location.line() > 0 ? " line " + location.line() : "");
    }

    private static void requireCloud(Cloud given, Cloud format, AuditInput input, String command) {
        if (given != format) {
            throw new IllegalArgumentException("input '" + input.name() + "' is the output of " + command + ", but --cloud is "
                    + given.label() + ": use --cloud " + format.label());
        }
    }

    private static Listing awsRules(JsonInput json, AuditInput input, JsonArray array) {
        List<LiveRule> rules = new ArrayList<>();
        for (JsonFields rule : JsonFields.elements(input.name(), "SecurityGroupRules", array)) {
            String id = id(rule, "SecurityGroupRuleId", "a rule");
            String where = "rule " + id;
            String group = id(rule, "GroupId", where);
            Direction direction = rule.bool("IsEgress").orElse(false) ? Direction.EGRESS : Direction.INGRESS;
            List<LivePeer> peers = new ArrayList<>();
            rule.string("CidrIpv4").ifPresent(c -> peers.add(network(input, where, "CidrIpv4", c)));
            rule.string("CidrIpv6").ifPresent(c -> peers.add(network(input, where, "CidrIpv6", c)));
            rule.string("PrefixListId").ifPresent(p -> peers.add(new LivePeer.PrefixList(checkedId(p, "PrefixListId", input, where))));
            rule.object("ReferencedGroupInfo").flatMap(r -> r.string("GroupId"))
                    .ifPresent(g -> peers.add(new LivePeer.Group(checkedId(g, "ReferencedGroupInfo.GroupId", input, where))));
            if (peers.size() != 1) {
                throw new IllegalArgumentException("input '" + input.name() + "' " + where + " has " + peers.size()
                        + " sources: expected exactly one of CidrIpv4, CidrIpv6, PrefixListId, ReferencedGroupInfo.GroupId");
            }
            AwsProtocol p = awsProtocol(rule, where);
            rules.add(new LiveRule(id, true, group, direction, p.protocol(), p.ports(), peers.get(0),
                    rule.string("Description").orElse(""), new Location(input.name(), json.line(rule.object()))));
        }
        return new Listing("describe-security-group-rules", ImmutableList.copyOf(rules), ImmutableMap.of(), ImmutableSortedSet.of());
    }

    private static Listing awsGroups(JsonInput json, AuditInput input, JsonArray array) {
        List<LiveRule> rules = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        Set<String> vpcs = new HashSet<>();
        for (JsonFields group : JsonFields.elements(input.name(), "SecurityGroups", array)) {
            String groupId = id(group, "GroupId", "a group");
            group.string("GroupName").ifPresent(n -> names.put(groupId, n));
            group.string("VpcId").ifPresent(v -> vpcs.add(vpcId(group, v)));
            for (Direction direction : Direction.values()) {
                String member = direction == Direction.INGRESS ? "IpPermissions" : "IpPermissionsEgress";
                for (JsonFields permission : group.objects(member)) {
                    String where = "group " + groupId + " " + member;
                    AwsProtocol p = awsProtocol(permission, where);
                    List<JsonFields> entries = new ArrayList<>();
                    List<LivePeer> peers = new ArrayList<>();
                    for (JsonFields entry : permission.objects("IpRanges")) {
                        entries.add(entry);
                        peers.add(network(input, where, "CidrIp", required(entry, "CidrIp", where)));
                    }
                    for (JsonFields entry : permission.objects("Ipv6Ranges")) {
                        entries.add(entry);
                        peers.add(network(input, where, "CidrIpv6", required(entry, "CidrIpv6", where)));
                    }
                    for (JsonFields entry : permission.objects("PrefixListIds")) {
                        entries.add(entry);
                        peers.add(new LivePeer.PrefixList(id(entry, "PrefixListId", where)));
                    }
                    for (JsonFields entry : permission.objects("UserIdGroupPairs")) {
                        entries.add(entry);
                        peers.add(new LivePeer.Group(entry.has("GroupId") ? id(entry, "GroupId", where) : id(entry, "GroupName", where)));
                    }
                    for (int i = 0; i < peers.size(); i++) {
                        LivePeer peer = peers.get(i);
                        // The listing has no rule ids: the content names the rule, so the same rule in two
                        // listings is one rule (merge).
                        String id = groupId + "/" + (direction == Direction.INGRESS ? "in" : "out") + "/" + p.protocol().key()
                                + p.ports().map(r -> "-" + r).orElse("") + "/" + peerKey(peer);
                        rules.add(new LiveRule(id, false, groupId, direction, p.protocol(), p.ports(), peer,
                                entries.get(i).string("Description").orElse(""),
                                new Location(input.name(), json.line(entries.get(i).object()))));
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
        }
        for (JsonFields row : JsonFields.elements(input.name(), "", json.root().getAsJsonArray())) {
            String id = id(row, "ID", "a rule");
            String where = "rule " + id;
            if (!row.has("Security Group")) {
                throw new IllegalArgumentException("input '" + input.name() + "' " + where + " has no 'Security Group' column: "
                        + "list the rules of all groups at once (openstack security group rule list --long -f json, "
                        + "without a group argument)");
            }
            String group = id(row, "Security Group", where);
            String directionText = row.string("Direction").orElseThrow(() -> new IllegalArgumentException("input '"
                    + input.name() + "' " + where + " has no 'Direction': list with --long (python-openstackclient "
                    + "before 6.0 shows the direction only then)"));
            Direction direction = switch (directionText.toLowerCase(Locale.ROOT)) {
                case "ingress" -> Direction.INGRESS;
                case "egress" -> Direction.EGRESS;
                default -> throw new IllegalArgumentException("input '" + input.name() + "' " + where + " has Direction '"
                        + Text.oneLine(directionText) + "': allowed values are ingress, egress");
            };
            IpFamily family = "IPv6".equalsIgnoreCase(row.string("Ethertype").orElse("IPv4")) ? IpFamily.IPV6 : IpFamily.IPV4;
            Optional<String> remoteGroup = row.string("Remote Security Group")
                    .map(g -> checkedId(g, "Remote Security Group", input, where));
            Optional<String> addressGroup = row.string("Remote Address Group")
                    .map(g -> checkedId(g, "Remote Address Group", input, where));
            Optional<String> ipRange = row.string("IP Range");
            // The client fills "IP Range" with 0.0.0.0/0 or ::/0 when the rule has no prefix, even
            // when a remote group is set: the remote group wins.
            LivePeer peer = remoteGroup.<LivePeer>map(LivePeer.Group::new)
                    .or(() -> addressGroup.map(LivePeer.AddressGroup::new))
                    .orElseGet(() -> network(input, where, "IP Range", ipRange.orElse(family == IpFamily.IPV4 ? "0.0.0.0/0" : "::/0")));
            Protocol protocol = neutronProtocol(row.string("IP Protocol"), family, input, where);
            String range = row.string("Port Range").orElse("");
            Optional<PortRange> ports = Optional.empty();
            if (protocol instanceof Protocol.Icmp icmp) {
                protocol = new Protocol.Icmp(icmp.ipFamily(), neutronIcmp(range, input, where));
            } else if (protocol.usesPorts()) {
                ports = Optional.of(range.isEmpty() ? PortRange.of(1, 65535) : neutronPorts(range, input, where));
            }
            rules.add(new LiveRule(id, true, group, direction, protocol, ports, peer, row.string("Description").orElse(""),
                    new Location(input.name(), json.line(row.object()))));
        }
        return new Listing("openstack", ImmutableList.copyOf(rules), ImmutableMap.of(), ImmutableSortedSet.of());
    }

    private record AwsProtocol(Protocol protocol, Optional<PortRange> ports) {}

    /**
     * AWS: -1 is all traffic; ICMP types and codes sit in FromPort and ToPort (-1 = any, else
     * 0..255); TCP and UDP ports are -1..65535; other protocol numbers have no ports.
     */
    private static AwsProtocol awsProtocol(JsonFields rule, String where) {
        String text = required(rule, "IpProtocol", where);
        if (text.equals("-1")) {
            return new AwsProtocol(Protocol.ALL, Optional.empty());
        }
        Protocol protocol;
        try {
            protocol = Protocol.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("input '" + rule.input() + "' " + where + " has IpProtocol '" + Text.oneLine(text)
                    + "': allowed -1, tcp, udp, icmp, icmpv6 or a protocol number");
        }
        if (protocol instanceof Protocol.Icmp icmp) {
            int type = rule.integer("FromPort", -1, 255).orElse(-1);
            int code = rule.integer("ToPort", -1, 255).orElse(-1);
            IcmpType icmpType = type < 0 ? IcmpType.ANY : code < 0 ? IcmpType.of(type) : IcmpType.of(type, code);
            return new AwsProtocol(new Protocol.Icmp(icmp.ipFamily(), icmpType), Optional.empty());
        }
        OptionalInt from = rule.integer("FromPort", -1, 65535);
        OptionalInt to = rule.integer("ToPort", -1, 65535);
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
            if (!NEUTRON_NUMBER.matcher(name).matches() || Integer.parseInt(name) > 255) {
                throw new IllegalArgumentException("input '" + input.name() + "' " + where + " has IP Protocol '"
                        + Text.oneLine(text.get()) + "': allowed a Neutron protocol name ("
                        + String.join(", ", NEUTRON_PROTOCOLS.keySet()) + "), a number 0..255, or null for any");
            }
            number = Integer.parseInt(name);
        }
        if (number == 1 && family == IpFamily.IPV6) {
            number = 58; // Neutron takes "icmp" on an IPv6 rule as ICMPv6
        }
        return Protocol.parse(Integer.toString(number));
    }

    /** {@code 22:22}, {@code 30000:32767}. */
    private static PortRange neutronPorts(String range, AuditInput input, String where) {
        Matcher m = NEUTRON_PORTS.matcher(range);
        try {
            if (m.matches()) {
                return m.group(2) == null ? PortRange.single(Integer.parseInt(m.group(1)))
                        : PortRange.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
        } catch (IllegalArgumentException e) {
            // out of range or inverted: the message below
        }
        throw new IllegalArgumentException("input '" + input.name() + "' " + where + " has Port Range '" + Text.oneLine(range)
                + "': expected MIN:MAX such as 22:22 or 30000:32767");
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
        Matcher m = NEUTRON_ICMP.matcher(range);
        try {
            if (m.matches()) {
                int type = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
                return m.group(2) == null ? IcmpType.of(type) : IcmpType.of(type, Integer.parseInt(m.group(2)));
            }
        } catch (IllegalArgumentException e) {
            // a type or code beyond 255: the message below
        }
        throw new IllegalArgumentException("input '" + input.name() + "' " + where + " has ICMP Port Range '" + Text.oneLine(range)
                + "': expected type=T, type=T:code=C or :code=C, each 0..255");
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

    /** The listing's top-level array. */
    private static JsonArray required(JsonObject root, String member, AuditInput input) {
        JsonElement value = root.get(member);
        if (value == null || !value.isJsonArray()) {
            throw new IllegalArgumentException("input '" + input.name() + "' has no array '" + member + "'");
        }
        return value.getAsJsonArray();
    }

    private static String required(JsonFields object, String member, String where) {
        return object.string(member).orElseThrow(() -> new IllegalArgumentException("input '" + object.input()
                + "': " + where + " has no '" + member + "'"));
    }

    /** Ids end up in commands and names: letters, digits and . _ : / - only, as the clouds make them. */
    private static String id(JsonFields object, String member, String where) {
        return checkedId(required(object, member, where), member, object.input(), where);
    }

    private static String checkedId(String id, String member, AuditInput input, String where) {
        return checkedId(id, member, input.name(), where);
    }

    private static String checkedId(String id, String member, String input, String where) {
        if (!CLOUD_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("input '" + input + "': " + where + " has " + member + " '"
                    + Text.oneLine(id) + "', which is no cloud id: expected letters, digits and . _ : / - (sg-0123abcd, a UUID)");
        }
        return id;
    }

    /** A VPC id goes into the program printed at the end: {@code vpc-} and 8 or 17 hex digits, or the listing is refused. */
    private static String vpcId(JsonFields group, String id) {
        return CloudIdForms.awsVpcId("input '" + group.input() + "': " + group.path("VpcId"), id);
    }
}
