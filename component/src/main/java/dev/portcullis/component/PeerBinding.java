package dev.portcullis.component;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import dev.portcullis.core.Binding;
import dev.portcullis.core.Text;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a named peer is bound to, as a Pulumi program supplies it: the kind is fixed when the program
 * is written ({@link #securityGroup}, {@link #ipv4Cidr}…); the value may be a plain string or an
 * {@link Output} of another resource, known only at deployment.
 *
 * <p>A plain value with no label is named by its value; anything else is named by its peer and its
 * label ({@code ingress-clients.alb}), which defaults to the kind ({@code ingress-clients.group}), so a
 * preview with unknown ids registers every rule under the name the deployment keeps. Give a label when
 * a peer has two bindings of one kind.
 */
public class PeerBinding extends ResourceArgs {
    /** {@code ipv4-cidr}, {@code ipv6-cidr}, {@code security-group}, {@code prefix-list} or {@code address-group}. */
    @Import(name = "kind", required = true)
    private String kind;
    @Import(name = "value", required = true)
    private Output<String> value;
    @Import(name = "label")
    private String label;
    /** For a prefix list: the entries the cloud reserves for it, which count against quotas. */
    @Import(name = "maxEntries")
    private Integer maxEntries;

    PeerBinding() {}

    /**
     * A binding whose value the program gave as a plain string. A subclass rather than a field, because
     * Pulumi's component provider would describe a field to other languages; theirs arrive as outputs.
     */
    private static final class Literal extends PeerBinding {
        private final String knownValue;

        private Literal(String knownValue) {
            this.knownValue = knownValue;
        }
    }

    private static PeerBinding of(Binding.Kind kind, Output<String> value, String known) {
        PeerBinding binding = known == null ? new PeerBinding() : new Literal(known);
        binding.kind = kindName(kind);
        binding.value = Objects.requireNonNull(value, kindName(kind) + " value");
        return binding;
    }

    /** The value when the program gave a plain string; an output's value is never read here. */
    private String knownValue() {
        return this instanceof Literal literal ? literal.knownValue : null;
    }

    private static PeerBinding known(Binding.Kind kind, String value) {
        Objects.requireNonNull(value, kindName(kind) + " value");
        Binding.literal(kind, value); // checks the value now: a typo fails before anything is registered
        return of(kind, Output.of(value), value);
    }

    /** An IPv4 network, such as an admin range another resource reports. */
    public static PeerBinding ipv4Cidr(Output<String> cidr) {
        return of(Binding.Kind.IPV4_CIDR, cidr, null);
    }

    public static PeerBinding ipv4Cidr(String cidr) {
        return known(Binding.Kind.IPV4_CIDR, cidr);
    }

    public static PeerBinding ipv6Cidr(Output<String> cidr) {
        return of(Binding.Kind.IPV6_CIDR, cidr, null);
    }

    public static PeerBinding ipv6Cidr(String cidr) {
        return known(Binding.Kind.IPV6_CIDR, cidr);
    }

    /** An existing security group, such as a load balancer's (AWS {@code sg-…}, a Neutron group's UUID). */
    public static PeerBinding securityGroup(Output<String> id) {
        return of(Binding.Kind.SECURITY_GROUP, id, null);
    }

    public static PeerBinding securityGroup(String id) {
        return known(Binding.Kind.SECURITY_GROUP, id);
    }

    /** OpenStack's name for {@link #securityGroup}: a rule whose remote is another group. */
    public static PeerBinding remoteGroup(Output<String> id) {
        return securityGroup(id);
    }

    public static PeerBinding remoteGroup(String id) {
        return securityGroup(id);
    }

    /**
     * An AWS managed prefix list; AWS counts its {@code maxEntries} against the group's quota.
     *
     * @throws IllegalArgumentException if maxEntries is below 1
     */
    public static PeerBinding prefixList(Output<String> id, int maxEntries) {
        PeerBinding binding = of(Binding.Kind.PREFIX_LIST, id, null);
        binding.maxEntries = requireEntries(maxEntries);
        return binding;
    }

    public static PeerBinding prefixList(String id, int maxEntries) {
        PeerBinding binding = known(Binding.Kind.PREFIX_LIST, id);
        binding.maxEntries = requireEntries(maxEntries);
        return binding;
    }

    /** A Neutron address group. */
    public static PeerBinding addressGroup(Output<String> id) {
        return of(Binding.Kind.ADDRESS_GROUP, id, null);
    }

    public static PeerBinding addressGroup(String id) {
        return known(Binding.Kind.ADDRESS_GROUP, id);
    }

    /** A binding a cloud's text syntax parsed (config, the command line): its value is known. */
    public static PeerBinding of(Binding binding) {
        String value = binding.value().orElseThrow(() -> new IllegalArgumentException("binding " + binding + " has no value"));
        PeerBinding out = of(binding.kind(), Output.of(value), value);
        binding.label().ifPresent(l -> out.label = l);
        binding.maxEntries().ifPresent(n -> out.maxEntries = n);
        return out;
    }

    /**
     * The same binding under a stable label: rules are then named {@code <peer>.<label>}, whatever the value.
     *
     * @throws IllegalArgumentException if the label is not lower-case letters, digits and '-'
     */
    public PeerBinding label(String label) {
        PeerBinding copy = knownValue() == null ? new PeerBinding() : new Literal(knownValue());
        copy.kind = kind;
        copy.value = value;
        copy.maxEntries = maxEntries;
        copy.label = Text.requirePrintable("label", Objects.requireNonNull(label, "label"));
        copy.binding(); // validates the label
        return copy;
    }

    /** The value as the rule takes it. */
    public Output<String> value() {
        return value;
    }

    public Optional<String> label() {
        return Optional.ofNullable(label);
    }

    /**
     * The cloud-neutral binding the policy compiles: the value when the program gave a string, none
     * when it comes from an output.
     *
     * @throws IllegalArgumentException naming the kind when it is not one of the five
     */
    public Binding binding() {
        Binding.Kind parsed = kind(kind);
        OptionalInt entries = maxEntries == null ? OptionalInt.empty() : OptionalInt.of(maxEntries);
        return new Binding(parsed, Optional.ofNullable(label), Optional.ofNullable(knownValue()), entries);
    }

    /** The kind as other languages write it: {@code ipv4-cidr}, {@code security-group}… */
    static String kindName(Binding.Kind kind) {
        return switch (kind) {
            case IPV4_CIDR -> "ipv4-cidr";
            case IPV6_CIDR -> "ipv6-cidr";
            case SECURITY_GROUP -> "security-group";
            case PREFIX_LIST -> "prefix-list";
            case ADDRESS_GROUP -> "address-group";
        };
    }

    private static Binding.Kind kind(String name) {
        return Arrays.stream(Binding.Kind.values()).filter(k -> kindName(k).equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("binding kind '" + Text.printable(String.valueOf(name))
                        + "' is unknown: allowed values are " + String.join(", ",
                                Arrays.stream(Binding.Kind.values()).map(PeerBinding::kindName).toList())));
    }

    private static int requireEntries(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries " + maxEntries + " is out of range: a prefix list has at least 1 entry");
        }
        return maxEntries;
    }

    @Override
    public String toString() {
        return kind + (label == null ? "" : "[" + label + "]") + "=" + (knownValue() == null ? "(output)" : knownValue())
                + (maxEntries == null ? "" : " max " + maxEntries);
    }

}
