package dev.portcullis.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.core.Blueprint;
import dev.portcullis.core.catalog.Catalog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PortDocumentsTest {
    /** Surefire runs in the module directory; the documents live at the repository root. */
    private static final Path DOCS = Path.of("..", "docs", "ports");

    @Test
    void theCommittedPortDocumentsMatchTheCatalog() throws IOException {
        for (Blueprint blueprint : Catalog.all()) {
            Path file = DOCS.resolve(blueprint.distribution() + ".md");
            assertThat(file).as("docs/ports/%s.md is missing: run %s", blueprint.distribution(), PortDocument.REGENERATE)
                    .exists();
            assertThat(Files.readString(file, StandardCharsets.UTF_8))
                    .as("docs/ports/%s.md is stale: run %s", blueprint.distribution(), PortDocument.REGENERATE)
                    .isEqualTo(PortDocument.render(blueprint));
        }
        assertThat(Files.readString(DOCS.resolve("README.md"), StandardCharsets.UTF_8))
                .as("docs/ports/README.md is stale: run %s", PortDocument.REGENERATE)
                .isEqualTo(PortDocument.index(Catalog.all()));
    }

    @Test
    void aDocumentShowsVocabularyDiagramMatrixAndEveryCitedRequirement() {
        String rke2 = PortDocument.render(Catalog.blueprint("rke2"));
        assertThat(rke2).startsWith("# RKE2: ports\n")
                .contains("| `canal` | yes |")
                .contains("```mermaid\nflowchart LR\n")
                .contains("#### Inbound to server nodes")
                .contains("| TCP | 9345 | all nodes | RKE2 supervisor API |")
                .contains("## Every requirement in the catalog");
    }

    @Test
    void theCommandLinePrintsAMatrixAndRefusesBadFlagsWithExitCode2() throws IOException {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int ok = PortsTool.run(new String[] {"matrix", "--distribution", "k3s", "--format", "json"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(ok).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("{\n  \"distribution\": \"k3s\",\n  \"cni\": \"flannel\",");

        err.reset();
        int bad = PortsTool.run(new String[] {"matrix", "--distribution", "k8s"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(bad).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("error: distribution 'k8s' is unknown: allowed values are " + String.join(", ", dev.portcullis.core.catalog.Catalog.names()) + "\n");
    }
}
