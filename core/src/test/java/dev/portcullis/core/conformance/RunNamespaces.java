package dev.portcullis.core.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Host-wide network namespace names owned by one test run: {@code pcc<pid>x<random>-<host>}. Two runs
 * at once never share a name, and namespaces left by a run that died (its JVM's pid is gone) are
 * recognised by the same pattern and removed, and nothing else is.
 */
final class RunNamespaces {
    private static final Pattern OWNED = Pattern.compile("pcc(\\d+)x[0-9a-f]{8}-[a-z0-9-]+");
    private static final Path NETNS_DIR = Path.of("/run/netns");

    private final String prefix;

    private RunNamespaces(String prefix) {
        this.prefix = prefix;
    }

    /** A fresh prefix for this JVM and this run. */
    static RunNamespaces create() {
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        return new RunNamespaces("pcc" + ProcessHandle.current().pid() + "x" + HexFormat.of().formatHex(random) + "-");
    }

    /** The namespace name of one host of this run, such as {@code pcc4242x1a2b3c4d-n0}. */
    String name(String host) {
        return prefix + host;
    }

    /** Whether a namespace name follows this test's pattern and its owning JVM is no longer running. */
    static boolean isStale(String namespace) {
        Matcher m = OWNED.matcher(namespace);
        return m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).map(p -> !p.isAlive()).orElse(true);
    }

    /** Deletes the namespaces earlier, interrupted runs of this test left behind; returns their names. */
    static List<String> removeStale() throws IOException, InterruptedException {
        if (!Files.isDirectory(NETNS_DIR)) {
            return List.of();
        }
        List<String> stale;
        try (Stream<Path> entries = Files.list(NETNS_DIR)) {
            stale = entries.map(p -> p.getFileName().toString()).filter(RunNamespaces::isStale).sorted().toList();
        }
        for (String namespace : stale) {
            new ProcessBuilder("ip", "netns", "del", namespace).redirectErrorStream(true).start().waitFor(20, TimeUnit.SECONDS);
        }
        return stale;
    }
}
