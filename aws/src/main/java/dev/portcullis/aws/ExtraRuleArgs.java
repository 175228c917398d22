package dev.portcullis.aws;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.Objects;
import java.util.Optional;

/**
 * A rule of the user's own, in plain fields so other Pulumi languages can pass it. {@code from} and
 * {@code to} each name a role, {@code all-nodes}, a named external peer, a CIDR, a prefix list id
 * ({@code pl-…}) or a security group id ({@code sg-…}); one end must be the cluster's nodes.
 */
public final class ExtraRuleArgs extends ResourceArgs {
    @Import(name = "from", required = true)
    private String from;
    @Import(name = "to", required = true)
    private String to;
    @Import(name = "protocol", required = true)
    private String protocol;
    @Import(name = "ports")
    private String ports;
    @Import(name = "description", required = true)
    private String description;

    private ExtraRuleArgs() {}

    public String from() { return from; }
    public String to() { return to; }
    /** {@code tcp}, {@code udp}, {@code icmp}, {@code icmpv6} or an IP protocol number. */
    public String protocol() { return protocol; }
    /** {@code 443} or {@code 8000-8100}; only for tcp and udp. */
    public Optional<String> ports() { return Optional.ofNullable(ports); }
    public String description() { return description; }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final ExtraRuleArgs args = new ExtraRuleArgs();

        public Builder from(String from) { args.from = from; return this; }
        public Builder to(String to) { args.to = to; return this; }
        public Builder protocol(String protocol) { args.protocol = protocol; return this; }
        public Builder ports(String ports) { args.ports = ports; return this; }
        public Builder description(String description) { args.description = description; return this; }

        /** @throws IllegalArgumentException naming the first missing field */
        public ExtraRuleArgs build() {
            require(args.from, "from");
            require(args.to, "to");
            require(args.protocol, "protocol");
            require(args.description, "description");
            return args;
        }

        private static void require(Object value, String field) {
            if (value == null) {
                throw new IllegalArgumentException("extra rule field '" + field + "' is missing");
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExtraRuleArgs other && from.equals(other.from) && to.equals(other.to)
                && protocol.equals(other.protocol) && Objects.equals(ports, other.ports)
                && description.equals(other.description);
    }

    @Override
    public int hashCode() {
        return Objects.hash(from, to, protocol, ports, description);
    }
}
