package dev.portcullis.core.catalog;

import com.google.common.base.Suppliers;
import com.google.common.collect.ImmutableList;
import dev.portcullis.core.Blueprint;
import java.util.function.Supplier;

/** The distributions Portcullis knows, each a cited {@link Blueprint}: the one list of them. */
public final class Catalog {
    private static final Supplier<ImmutableList<Blueprint>> ALL = Suppliers.memoize(() -> ImmutableList.of(
            Rke2.blueprint(), K3s.blueprint(), Kubeadm.blueprint(), Rke1.blueprint(), Deckhouse.blueprint(),
            Talos.blueprint(), K0s.blueprint(), MicroK8s.blueprint(), OpenShift.blueprint()));

    private Catalog() {}

    /** Every distribution, in the order documents and messages list them. */
    public static ImmutableList<Blueprint> all() {
        return ALL.get();
    }

    /** The distributions' names, in catalog order: what every "allowed values" list shows. */
    public static ImmutableList<String> names() {
        return all().stream().map(Blueprint::distribution).collect(ImmutableList.toImmutableList());
    }

    /** {@link #names()} as a class a command line's help and completion can name: never a list written out. */
    public static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return names().iterator();
        }
    }

    /**
     * The blueprint of a distribution by its name.
     *
     * @throws IllegalArgumentException naming the allowed distributions
     */
    public static Blueprint blueprint(String distribution) {
        return all().stream().filter(b -> b.distribution().equals(distribution)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("distribution '" + distribution
                        + "' is unknown: allowed values are " + String.join(", ", names())));
    }
}
