package dev.portcullis.core.catalog;

import com.google.common.base.Suppliers;
import com.google.common.collect.ImmutableList;
import dev.portcullis.core.Blueprint;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The six distributions Portcullis knows, each a cited {@link Blueprint}. */
public final class Catalog {
    private static final Supplier<ImmutableList<Blueprint>> ALL = Suppliers.memoize(() -> ImmutableList.of(
            Rke2.blueprint(), K3s.blueprint(), Kubeadm.blueprint(), Rke1.blueprint(), Deckhouse.blueprint(),
            OpenShift.blueprint()));

    private Catalog() {}

    /** rke2, k3s, kubeadm, rke1, deckhouse, openshift. */
    public static ImmutableList<Blueprint> all() {
        return ALL.get();
    }

    /**
     * The blueprint of a distribution by its name.
     *
     * @throws IllegalArgumentException naming the allowed distributions
     */
    public static Blueprint blueprint(String distribution) {
        return all().stream().filter(b -> b.distribution().equals(distribution)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("distribution '" + distribution
                        + "' is unknown: allowed values are "
                        + all().stream().map(Blueprint::distribution).collect(Collectors.joining(", "))));
    }
}
