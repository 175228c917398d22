package dev.portcullis.openstack.networking;

import com.pulumi.core.Output;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** Null checks that name the input, shared by the builders; plain values become known outputs. */
final class Inputs {
    private Inputs() {}

    static <T> Output<T> plain(String input, T value) {
        return Output.of(Objects.requireNonNull(value, input));
    }

    static <T> Output<T> output(String input, Output<T> value) {
        return Objects.requireNonNull(value, input);
    }

    /** A copy in the caller's order; the provider keeps list order (Neutron reports ids in it). */
    static <T> Output<List<T>> list(String input, List<T> values) {
        Objects.requireNonNull(values, input);
        List<T> copy = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            copy.add(Objects.requireNonNull(values.get(i), input + "[" + i + "]"));
        }
        return Output.of(Collections.unmodifiableList(copy));
    }

    static <T> Output<List<T>> list(String input, T[] values) {
        return list(input, Arrays.asList(Objects.requireNonNull(values, input)));
    }
}
