package dev.portcullis.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.core.Blueprint;
import dev.portcullis.core.SourceDeviation;
import dev.portcullis.core.render.PortDocument;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The deviations each catalog records (and its port document lists) and the tests of
 * {@link SeedDeviationsTest} name the same source rows: a departure that is tested but not
 * documented, or documented but not tested, fails here.
 */
class RecordedDeviationsTest {
    /** The catalogs built from a seed excerpt; later catalogs specify their deviations in their own tests. */
    static final Map<String, String> SEEDS = new TreeMap<>(Map.of("rke2", "seed 000", "rke1", "seed 001",
            "kubeadm", "seed 002", "deckhouse", "seed 003", "k3s", "seed 004"));

    /** One source row a test departs from: the distribution, the source table, the row, and the test. */
    record TestedRow(String distribution, String source, String row, String test) {
        String key() {
            return distribution + " / " + source + " / " + row;
        }
    }

    static List<TestedRow> testedRows() {
        List<TestedRow> rows = new ArrayList<>();
        for (Class<?> nested : SeedDeviationsTest.class.getDeclaredClasses()) {
            DepartsFrom.Table table = nested.getAnnotation(DepartsFrom.Table.class);
            if (table == null) {
                continue;
            }
            for (Method method : nested.getDeclaredMethods()) {
                for (DepartsFrom departs : method.getAnnotationsByType(DepartsFrom.class)) {
                    String source = departs.source().isEmpty() ? table.source() : departs.source();
                    rows.add(new TestedRow(table.distribution(), source, departs.value(),
                            nested.getSimpleName() + "." + method.getName()));
                }
            }
        }
        return rows;
    }

    @Test
    void everyNestedClassNamesItsSourceTableAndEveryTestTheRowsItDepartsFrom() {
        List<String> unnamed = new ArrayList<>();
        for (Class<?> nested : SeedDeviationsTest.class.getDeclaredClasses()) {
            if (nested.getAnnotation(DepartsFrom.Table.class) == null) {
                unnamed.add(nested.getSimpleName() + " has no @DepartsFrom.Table");
            }
            for (Method method : nested.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Test.class) && method.getAnnotationsByType(DepartsFrom.class).length == 0) {
                    unnamed.add(nested.getSimpleName() + "." + method.getName() + " has no @DepartsFrom");
                }
            }
        }
        assertThat(unnamed).isEmpty();
        assertThat(testedRows()).extracting(TestedRow::distribution).containsOnly("rke2", "rke1", "kubeadm", "deckhouse", "k3s");
    }

    @Test
    void everyTestedRowIsRecordedByItsBlueprint() {
        List<String> unrecorded = testedRows().stream()
                .filter(t -> Catalog.blueprint(t.distribution()).deviations().stream()
                        .noneMatch(d -> d.source().equals(t.source()) && d.row().equals(t.row())))
                .map(t -> t.test() + ": " + t.key())
                .toList();
        assertThat(unrecorded).as("rows tested in SeedDeviationsTest but recorded by no blueprint.deviation(...)").isEmpty();
    }

    @Test
    void everyRecordedDeviationIsTested() {
        List<String> tested = testedRows().stream().map(TestedRow::key).toList();
        List<String> untested = new ArrayList<>();
        for (Blueprint blueprint : Catalog.all()) {
            if (!SEEDS.containsKey(blueprint.distribution())) {
                continue;
            }
            for (SourceDeviation d : blueprint.deviations()) {
                String key = blueprint.distribution() + " / " + d.source() + " / " + d.row();
                if (!tested.contains(key)) {
                    untested.add(key);
                }
            }
        }
        assertThat(untested).as("deviations recorded in a catalog that no SeedDeviationsTest test names").isEmpty();
    }

    @Test
    void eachCatalogRecordsItsSeedAndListsEveryDeviationInItsPortDocument() {
        Map<String, String> seeds = SEEDS;
        Map<String, Long> recorded = new TreeMap<>();
        for (Blueprint blueprint : Catalog.all()) {
            String seed = seeds.get(blueprint.distribution());
            if (seed != null) {
                recorded.put(blueprint.distribution(), blueprint.deviations().stream().filter(d -> d.source().equals(seed)).count());
            }
            String document = PortDocument.render(blueprint);
            String section = document.substring(document.indexOf("## Where this catalog departs from its sources"));
            long rows = section.lines().filter(line -> line.startsWith("| ") && !line.startsWith("| Source ")).count();
            assertThat(rows).as("deviation rows in docs/ports/%s.md", blueprint.distribution())
                    .isEqualTo(blueprint.deviations().size());
        }
        assertThat(recorded).allSatisfy((distribution, count) -> assertThat(count).as(distribution).isPositive());
        List<String> tables = Arrays.stream(SeedDeviationsTest.class.getDeclaredClasses())
                .map(c -> c.getAnnotation(DepartsFrom.Table.class)).filter(t -> t != null)
                .map(t -> t.distribution() + " / " + t.source()).toList();
        assertThat(tables).as("SeedDeviationsTest has a nested class per seed")
                .containsAll(seeds.entrySet().stream().map(e -> e.getKey() + " / " + e.getValue()).toList());
    }
}
