package dev.portcullis.examples;

import com.pulumi.Context;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;
import dev.portcullis.component.testing.RecordingMocks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a Pulumi program under Pulumi's own mock engine, with no cloud and no CLI, and returns what
 * it would register. Call it from your unit tests to snapshot a program's firewall:
 * {@code Plans.run(App::stack, Map.of("portcullis:distribution", "rke2", …))}.
 */
public final class Plans {
    private Plans() {}

    /**
     * @param config fully qualified keys ({@code portcullis:distribution}) to string values
     * @throws IllegalArgumentException carrying the program's own error, if it failed with one
     * @throws IllegalStateException if it failed otherwise, or logged errors
     */
    public static Plan run(Consumer<Context> program, Map<String, String> config) {
        // Ids in the cloud's forms, so a program that binds a group, VPC or prefix list to the component
        // passes the checks a deployment would; the plan then names every reference by its resource.
        RecordingMocks recorder = new RecordingMocks().withCloudIds();
        try {
            // A preview, as `pulumi preview` runs it: what the cloud computes stays unknown, and plans say so.
            TestResult result = new PulumiTestInternal.Builder().options(TestOptions.builder().preview(true).build())
                    .mocks(recorder).config(config).build().runTest(program);
            if (!result.exceptions().isEmpty()) {
                Throwable error = result.exceptions().get(0);
                while (error.getCause() != null && !(error instanceof IllegalArgumentException)) {
                    error = error.getCause();
                }
                throw error instanceof IllegalArgumentException iae ? iae
                        : new IllegalStateException("the program failed: " + error, error);
            }
            if (!result.errors().isEmpty()) {
                throw new IllegalStateException("the program logged errors: " + result.errors());
            }
        } finally {
            PulumiTest.cleanup();
        }
        Map<String, String> names = recorder.namesById();
        List<Plan.Resource> resources = new ArrayList<>(recorder.registered().stream()
                .map(r -> new Plan.Resource(r.type, r.name, withNames(r.inputs, names))).toList());
        // Components first, then by type and name: registration order depends on threads.
        resources.sort(Comparator.comparing((Plan.Resource r) -> r.type().startsWith("portcullis:") ? 0 : 1)
                .thenComparing(Plan.Resource::type).thenComparing(Plan.Resource::name));
        return new Plan(resources);
    }

    /** The inputs with every id the mocks gave a resource replaced by that resource's logical name. */
    @SuppressWarnings("unchecked")
    private static <T> T withNames(T value, Map<String, String> names) {
        if (value instanceof String s) {
            return (T) names.getOrDefault(s, s);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, withNames(v, names)));
            return (T) out;
        }
        if (value instanceof List<?> list) {
            return (T) list.stream().map(v -> withNames(v, names)).toList();
        }
        return value;
    }
}
