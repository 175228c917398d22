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
 * registration is recorded; ids equal logical names, so references read as names; state echoes the
 * inputs. {@link #unknownIds} makes chosen resources' ids unknown, as a preview of a new stack sees
 * them.
 */
public final class RecordingMocks implements Mocks {
    private final List<ResourceArgs> registered = Collections.synchronizedList(new ArrayList<>());
    private final Predicate<ResourceArgs> unknownId;

    public RecordingMocks() {
        this(resource -> false);
    }

    private RecordingMocks(Predicate<ResourceArgs> unknownId) {
        this.unknownId = unknownId;
    }

    /**
     * Mocks for a preview of a new stack: the resources this predicate picks have no id yet, and every
     * attribute they report is unknown, as the engine shows "(known after apply)". Run the program with
     * {@code TestOptions.builder().preview(true)}.
     */
    public static RecordingMocks unknownIds(Predicate<ResourceArgs> resource) {
        return new RecordingMocks(resource);
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
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name), state));
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
