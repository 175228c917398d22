package dev.portcullis.bench;

import com.pulumi.test.Mocks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Mock engine callbacks: ids equal logical names, state echoes inputs, every registration kept. */
final class Recorder implements Mocks {
    final List<ResourceArgs> registered = Collections.synchronizedList(new ArrayList<>());

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        registered.add(args);
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name), args.inputs));
    }
}
