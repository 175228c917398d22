package dev.portcullis.openstack;

import com.pulumi.test.Mocks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Records every registration; ids equal logical names, and state echoes the inputs. */
final class RecordingMocks implements Mocks {
    final List<ResourceArgs> registered = Collections.synchronizedList(new ArrayList<>());

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        registered.add(args);
        Map<String, Object> state = new LinkedHashMap<>(args.inputs);
        state.put("allTags", args.inputs.getOrDefault("tags", java.util.List.of()));
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name), state));
    }

    List<ResourceArgs> ofType(String token) {
        synchronized (registered) {
            return registered.stream().filter(r -> r.type.equals(token)).toList();
        }
    }

    List<String> names(String token) {
        return ofType(token).stream().map(r -> r.name).sorted().toList();
    }

    Map<String, Object> inputs(String name) {
        synchronized (registered) {
            return registered.stream().filter(r -> r.name.equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no resource named " + name + "; have "
                            + registered.stream().map(r -> r.name).sorted().toList()))
                    .inputs;
        }
    }
}
