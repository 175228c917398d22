package dev.portcullis.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/** The sample pull-request workflow parses, and every Portcullis command it runs is one the command line takes. */
class WorkflowSampleTest {
    private static final Path WORKFLOW = Path.of("github-actions", "portcullis-preview.yml");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> workflow() throws Exception {
        return new Yaml().load(Files.readString(WORKFLOW, StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> steps() throws Exception {
        Map<String, Object> jobs = (Map<String, Object>) workflow().get("jobs");
        return (List<Map<String, Object>>) ((Map<String, Object>) jobs.get("plan")).get("steps");
    }

    @Test
    void itIsAPullRequestWorkflowThatPlansBaseAndHeadAndCommentsOnce() throws Exception {
        Map<String, Object> workflow = workflow();
        assertThat(workflow).containsKeys("jobs", "env");
        // YAML 1.1 reads the key `on` as true; GitHub reads it as "on".
        Object on = workflow.containsKey("on") ? workflow.get("on") : workflow.get(Boolean.TRUE);
        assertThat(String.valueOf(on)).contains("pull_request");
        List<String> names = steps().stream().map(s -> String.valueOf(s.get("name"))).toList();
        assertThat(names).contains("Plan the head", "Plan the base branch", "Diff",
                "Comment on the pull request (one comment, updated)", "Real pulumi preview (with Pulumi Cloud or a self-managed backend)");
        Map<String, Object> preview = steps().stream().filter(s -> String.valueOf(s.get("name")).startsWith("Real pulumi preview"))
                .findFirst().orElseThrow();
        assertThat(preview.get("if").toString()).isEqualTo("steps.backend.outputs.present == 'yes'");
        assertThat(preview.get("env").toString()).contains("secrets.PULUMI_ACCESS_TOKEN").contains("PULUMI_BACKEND_URL");
        // The secret reaches the preview step only: the pull request's own code is built in the other steps.
        assertThat(workflow.get("env").toString()).doesNotContain("secrets.");
        steps().stream().filter(s -> !preview.get("name").equals(s.get("name")) && s.containsKey("env"))
                .forEach(s -> assertThat(s.get("env").toString()).as(String.valueOf(s.get("name")))
                        .doesNotContain("${{ secrets.PULUMI_ACCESS_TOKEN }}"));
        steps().stream().filter(s -> s.containsKey("uses"))
                .forEach(s -> assertThat(s.get("uses").toString()).as("actions are pinned to a version").matches(".+@v\\d+"));
    }

    @Test
    void everyPortcullisCommandItRunsParses() throws Exception {
        List<String> commands = new ArrayList<>();
        for (Map<String, Object> step : steps()) {
            Object run = step.get("run");
            if (run != null) {
                String script = run.toString().replace("\\\n", " ");
                Matcher m = Pattern.compile("\"[^\"]*PORTCULLIS\" (plan[^\n>]*)").matcher(script);
                while (m.find()) {
                    commands.add(m.group(1));
                }
            }
        }
        assertThat(commands).hasSize(4);
        for (String command : commands) {
            List<String> args = words(command);
            CommandLine cli = Cli.commandLine(System.out, System.err);
            CommandLine.ParseResult parsed = cli.parseArgs(args.toArray(String[]::new));
            assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("plan");
            assertThat(args).contains("--program", "--classpath", "--config");
        }
    }

    /** Splits a shell command line into words, variables and command substitutions replaced by samples. */
    private static List<String> words(String command) {
        String text = command.replaceAll("\\$\\(cat cp.txt\\)", "cp").replaceAll("\"\\$[A-Z_]+/?[a-z.]*\"", "\"sample\"")
                .replaceAll("\\$[A-Z_]+", "sample");
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(text);
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return out;
    }
}
