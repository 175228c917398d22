package dev.portcullis.audit.cli;

import dev.portcullis.audit.AuditInput;
import dev.portcullis.core.TextFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads {@code --input} values: files, directories (each regular file in it, by name), or {@code -}.
 * Each file is read once: one given twice, directly or through its directory, would be one node
 * (one listing) counted twice.
 */
final class Inputs {
    private Inputs() {}

    /** @throws IllegalArgumentException if an input does not exist, a directory is empty, or a file (or -) is given twice */
    static List<AuditInput> read(List<String> names, InputStream stdin) {
        List<AuditInput> inputs = new ArrayList<>();
        Map<Path, String> seen = new HashMap<>(); // real path → the --input that read it
        boolean stdinRead = false;
        try {
            for (String name : names) {
                if (name.equals("-")) {
                    if (stdinRead) {
                        throw new IllegalArgumentException("--input - is given twice: standard input can be read once");
                    }
                    stdinRead = true;
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
                            once(seen, file, name);
                            inputs.add(new AuditInput(file.toString(), text(file, name)));
                        }
                    }
                } else if (Files.isRegularFile(path)) {
                    once(seen, path, name);
                    inputs.add(new AuditInput(name, text(path, name)));
                } else {
                    throw new IllegalArgumentException("--input '" + name + "' " + (Files.exists(path) ? "is not a regular file"
                            : "does not exist") + ": give a file, a directory or - for standard input");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return inputs;
    }

    /** A listing's text; one larger than any listing would only exhaust the heap. */
    private static String text(Path file, String name) throws IOException {
        if (Files.size(file) > TextFiles.DEFAULT_LIMIT) {
            throw new IllegalArgumentException("--input '" + name + "': " + file + " is larger than "
                    + (TextFiles.DEFAULT_LIMIT >> 20) + " MiB: that is not a listing");
        }
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    private static void once(Map<Path, String> seen, Path file, String name) throws IOException {
        String first = seen.putIfAbsent(file.toRealPath(), name);
        if (first != null) {
            throw new IllegalArgumentException("--input '" + name + "' reads " + file + " again (--input '" + first
                    + "' read it already): give each file once");
        }
    }
}
