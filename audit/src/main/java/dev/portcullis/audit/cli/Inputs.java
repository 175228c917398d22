package dev.portcullis.audit.cli;

import dev.portcullis.audit.AuditInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads {@code --input} values: files, directories (each regular file in it, by name), or {@code -}. */
final class Inputs {
    private Inputs() {}

    static List<AuditInput> read(List<String> names, InputStream stdin) {
        List<AuditInput> inputs = new ArrayList<>();
        try {
            for (String name : names) {
                if (name.equals("-")) {
                    inputs.add(new AuditInput("-", new String(stdin.readAllBytes(), StandardCharsets.UTF_8)));
                    continue;
                }
                Path path = Path.of(name);
                if (Files.isDirectory(path)) {
                    try (Stream<Path> files = Files.list(path)) {
                        List<Path> sorted = files.filter(Files::isRegularFile)
                                .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
                        if (sorted.isEmpty()) {
                            throw new IllegalArgumentException("--input directory '" + name + "' holds no file");
                        }
                        for (Path file : sorted) {
                            inputs.add(new AuditInput(file.toString(), new String(Files.readAllBytes(file), StandardCharsets.UTF_8)));
                        }
                    }
                } else if (Files.isRegularFile(path)) {
                    inputs.add(new AuditInput(name, new String(Files.readAllBytes(path), StandardCharsets.UTF_8)));
                } else {
                    throw new IllegalArgumentException("--input '" + name + "' does not exist: give a file, a directory or - for "
                            + "standard input");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return inputs;
    }
}
