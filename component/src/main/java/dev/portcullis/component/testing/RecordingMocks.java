package dev.portcullis.component.testing;

import com.pulumi.test.Mocks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * Pulumi mocks for testing a program with Portcullis in it (and Portcullis itself): every
 * registration is recorded; ids equal logical names, so references read as names (or take the cloud's
 * forms, {@link #withCloudIds}); state echoes the inputs. {@link #unknownIds} makes chosen resources' ids unknown, as a preview of a new stack sees
 * them.
 */
public final class RecordingMocks implements Mocks {
    private final List<ResourceArgs> registered = Collections.synchronizedList(new ArrayList<>());
    private final Predicate<ResourceArgs> unknownId;
    private final java.util.function.Function<ResourceArgs, String> idOf;

    public RecordingMocks() {
        this(resource -> false, resource -> resource.name);
    }

    private RecordingMocks(Predicate<ResourceArgs> unknownId, java.util.function.Function<ResourceArgs, String> idOf) {
        this.unknownId = unknownId;
        this.idOf = idOf;
    }

    /**
     * The same mocks, but resources of the types a cloud names by id form get ids of that form, derived
     * from their names ({@code sg-…}, {@code pl-…}, {@code vpc-…} on AWS; UUIDs in Neutron), so a
     * program that binds them passes the checks a real deployment would.
     */
    public RecordingMocks withCloudIds() {
        return new RecordingMocks(unknownId, RecordingMocks::cloudId);
    }

    private static String cloudId(ResourceArgs resource) {
        String hex = String.format("%08x", resource.name.hashCode());
        return switch (resource.type) {
            case "aws:ec2/securityGroup:SecurityGroup" -> "sg-" + hex;
            case "aws:ec2/managedPrefixList:ManagedPrefixList" -> "pl-" + hex;
            case "aws:ec2/vpc:Vpc" -> "vpc-" + hex;
            case "aws:ec2/subnet:Subnet" -> "subnet-" + hex;
            default -> resource.type.startsWith("openstack:")
                    ? java.util.UUID.nameUUIDFromBytes(resource.name.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString()
                    : resource.name;
        };
    }

    /**
     * Mocks for a preview of a new stack: the resources this predicate picks have no id yet, and every
     * attribute they report is unknown, as the engine shows "(known after apply)". Run the program with
     * {@code TestOptions.builder().preview(true)}.
     */
    public static RecordingMocks unknownIds(Predicate<ResourceArgs> resource) {
        return new RecordingMocks(resource, r -> r.name);
    }

    /** Pulumi's wire sentinel for a value not known yet. */
    private static final String UNKNOWN = com.pulumi.core.internal.Constants.UnknownValue;

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        registered.add(args);
        Map<String, Object> state = new LinkedHashMap<>(args.inputs);
        if (unknownId.test(args)) {
            state.replaceAll((key, value) -> UNKNOWN);
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.empty(), state));
        }
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(idOf.apply(args)), state));
    }

    /** Logical name of every registered resource, by the id these mocks gave it (none for unknown ids). */
    public Map<String, String> namesById() {
        Map<String, String> out = new LinkedHashMap<>();
        registered().stream().filter(r -> !unknownId.test(r)).forEach(r -> out.put(idOf.apply(r), r.name));
        return out;
    }

    /** Every registration so far, in the order the engine made them. */
    public List<ResourceArgs> registered() {
        synchronized (registered) {
            return List.copyOf(registered);
        }
    }

    public List<ResourceArgs> ofType(String token) {
        return registered().stream().filter(r -> r.type.equals(token)).toList();
    }

    /** The logical names of one type's resources, sorted. */
    public List<String> names(String token) {
        return ofType(token).stream().map(r -> r.name).sorted().toList();
    }

    /** The inputs one resource was registered with, as the engine saw them (numbers as doubles). */
    public Map<String, Object> inputs(String name) {
        return registered().stream().filter(r -> r.name.equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no resource named " + name + "; have "
                        + registered().stream().map(r -> r.name).sorted().toList()))
                .inputs;
    }
}
