package dev.portcullis.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Wall-clock time of one command-line process, start to exit, the way a user or a CI step runs it:
 * plain {@code java -jar}, the same with the class-data archive {@code mvn package} trains, and
 * {@code bin/portcullis} (archive and C1 only). Needs the built jar: run after
 * {@code mvn -q install -DskipTests}.
 */
final class StartUp {
    private static final int REPETITIONS = 9;
    private static final int LONG_REPETITIONS = 5;

    private StartUp() {}

    /** One way of starting the command line. */
    private record Launch(String name, List<String> prefix) {}

    private record Workload(String name, List<String> args, int repetitions) {}

    public static void main(String[] args) throws IOException, InterruptedException {
        System.out.print(section());
    }

    /** The "Start-up" section of docs/performance.md. */
    static String section() throws IOException, InterruptedException {
        Path home = projectHome();
        Path jar = home.resolve("examples/target/portcullis.jar");
        Path archive = home.resolve("examples/target/portcullis-" + System.getProperty("java.version") + ".jsa");
        if (!Files.isRegularFile(jar) || !Files.isRegularFile(archive)) {
            throw new IllegalStateException(jar + " or its archive is missing: run `mvn -q install -DskipTests` first");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Launch> launches = List.of(
                new Launch("`java -jar portcullis.jar`", List.of(java, "-jar", jar.toString())),
                new Launch("with the class-data archive", List.of(java, "-XX:SharedArchiveFile=" + archive, "-jar", jar.toString())),
                new Launch("`bin/portcullis` (archive, C1 only)", List.of(home.resolve("bin/portcullis").toString())));
        Path dir = Files.createTempDirectory("portcullis-startup-bench");
        try {
            Path rules = dir.resolve("rules.json");
            Files.writeString(rules, AuditScale.awsRules(AuditScale.RULES, new Random(13)), StandardCharsets.UTF_8);
            List<Workload> workloads = List.of(
                    new Workload("`--version`", List.of("--version"), REPETITIONS),
                    new Workload("`plan --distribution rke2`", List.of("plan", "--distribution", "rke2"), REPETITIONS),
                    new Workload("`plan --distribution openshift --format markdown`",
                            List.of("plan", "--distribution", "openshift", "--format", "markdown"), REPETITIONS),
                    new Workload("`audit groups`, " + AuditScale.RULES + " AWS rules",
                            AuditScale.groupsCommand(rules, List.of("audit")), LONG_REPETITIONS));
            StringBuilder out = new StringBuilder("\n## Start-up\n\nOne command-line process, start to exit (`dev.portcullis.bench.StartUp`), "
                    + "median of " + REPETITIONS + " runs (" + LONG_REPETITIONS + " for the audit), the launches taking turns, on "
                    + Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version() + ". The archive ("
                    + Files.size(archive) / 1_048_576 + " MiB) holds the classes one training plan loads; it is written by "
                    + "`mvn package`.\n\n| Command |");
            launches.forEach(l -> out.append(' ').append(l.name()).append(" (ms) |"));
            out.append("\n|---|").append("---|".repeat(launches.size())).append('\n');
            for (Workload workload : workloads) {
                List<List<Double>> times = new ArrayList<>();
                launches.forEach(l -> times.add(new ArrayList<>()));
                run(launches.get(0), workload); // page cache and the disk, warmed for every launch alike
                for (int i = 0; i < workload.repetitions(); i++) {
                    for (int l = 0; l < launches.size(); l++) {
                        times.get(l).add(run(launches.get(l), workload));
                    }
                }
                out.append("| ").append(workload.name()).append(" |");
                times.forEach(t -> out.append(String.format(" %.0f |", Benchmarks.median(t))));
                out.append('\n');
            }
            return out.toString();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Milliseconds from start to exit; a failing command stops the benchmark, as a wrong figure would mislead. */
    private static double run(Launch launch, Workload workload) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(launch.prefix());
        command.addAll(workload.args());
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        byte[] errors = process.getErrorStream().readAllBytes();
        int code = process.waitFor();
        double millis = (System.nanoTime() - start) / 1e6;
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + code + ": "
                    + new String(errors, StandardCharsets.UTF_8).strip());
        }
        return millis;
    }

    /** The repository's root, found from the working directory (Maven runs the bench from the root or from bench/). */
    private static Path projectHome() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("bin" + File.separator + "portcullis")) && Files.isDirectory(dir.resolve("examples"))) {
                return dir;
            }
        }
        throw new IllegalStateException("run the benchmark inside the Portcullis repository");
    }
}
