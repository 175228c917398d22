package dev.portcullis.examples;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.logging.LogManager;
import dev.portcullis.audit.cli.AuditCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code portcullis} command line. Every error ends in one line on stderr: a mistake in the
 * input exits with 2, a defect of Portcullis itself with 1 and says so; never a stack trace.
 */
@Command(name = "portcullis", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Cloud security groups from Kubernetes distributions' port tables.",
        subcommands = {PlanCommand.class, AuditCommand.class, CommandLine.HelpCommand.class})
public final class Cli implements Runnable {
    static final int USAGE = 2;
    static final int DEFECT = 1;
    static final int AUDIT_DEFECT = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: plan or audit");
    }

    /** Runs the command line; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        // The mock engine reports a program's failure through java.util.logging with a stack trace;
        // the command line reports it once, in one line.
        LogManager.getLogManager().reset();
        CommandLine line = commandLine(out, err);
        try {
            return line.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("error: out of memory: an input is too large for this JVM's heap (raise it with -Xmx)");
            return args.length > 0 && args[0].equals("audit") ? AUDIT_DEFECT : DEFECT;
        } catch (Error e) { // picocli hands only Exceptions to the handler above; one line all the same
            err.println("error: a defect in Portcullis (please report it): " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + oneLine(e.getMessage())));
            return args.length > 0 && args[0].equals("audit") ? AUDIT_DEFECT : DEFECT;
        } finally {
            try { // the JVM's logging as it was, for whoever calls this in-process (tests, Plans users)
                LogManager.getLogManager().readConfiguration();
            } catch (java.io.IOException e) {
                err.println("warning: java.util.logging could not be restored: " + oneLine(e.getMessage()));
            }
        }
    }

    static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine line = new CommandLine(new Cli());
        // The catalog summary is preformatted: a help section of its own, not a footer picocli would reflow.
        String catalog = "\n" + dev.portcullis.core.render.PortsTool.catalogSummary();
        for (CommandLine command : java.util.List.of(line, line.getSubcommands().get("plan"))) {
            command.getHelpSectionMap().put("catalog", help -> catalog);
            java.util.List<String> keys = new java.util.ArrayList<>(command.getHelpSectionKeys());
            keys.add(keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER_HEADING), "catalog");
            command.setHelpSectionKeys(keys);
        }
        line.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        line.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        line.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println("error: " + oneLine(message(e)));
            return USAGE;
        });
        line.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof IllegalArgumentException) {
                commandLine.getErr().println("error: " + oneLine(e.getMessage()));
                return USAGE;
            }
            if (e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException) {
                commandLine.getErr().println("error: " + oneLine(e instanceof java.io.UncheckedIOException u
                        ? u.getCause().toString() : String.valueOf(e.getMessage())));
                return USAGE;
            }
            commandLine.getErr().println("error: a defect in Portcullis (please report it): " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + oneLine(e.getMessage())));
            // audit's exit code 1 means "findings at or above --fail-on", so its defects exit 3
            return commandLine.getCommandSpec().qualifiedName().contains(" audit") ? AUDIT_DEFECT : DEFECT;
        });
        return line;
    }

    /** The usage block of {@code plan} as the README shows it: the synopsis and every flag. */
    static String planUsage() {
        CommandLine plan = commandLine(System.out, System.err).getSubcommands().get("plan");
        CommandLine.Help help = plan.getHelp();
        return plan.getHelpSectionMap().get(CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS).render(help)
                + plan.getHelpSectionMap().get(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST).render(help);
    }

    /** Unknown flags are named with what is allowed, and the closest match when there is one. */
    private static String message(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String first = unmatched.getUnmatched().get(0);
            CommandLine.Model.CommandSpec spec = e.getCommandLine().getCommandSpec();
            java.util.List<String> allowed = spec.options().stream().map(CommandLine.Model.OptionSpec::longestName)
                    .filter(n -> !n.equals("--help") && !n.equals("--version")).toList();
            java.util.Optional<String> closest = allowed.stream().filter(n -> distance(n, first) <= 2).findFirst();
            String what = first.startsWith("-") ? "flag '" + first + "' is unknown" : "argument '" + first + "' is unexpected";
            return what + closest.map(c -> " (did you mean " + c + "?)").orElse("") + ": see `portcullis "
                    + spec.qualifiedName().replaceFirst("^portcullis ?", "") + (spec.qualifiedName().equals("portcullis") ? "" : " ")
                    + "--help` for " + String.join(" and ", java.util.stream.Stream.of(
                            allowed.isEmpty() ? "" : "the " + allowed.size() + " flags",
                            spec.subcommands().isEmpty() ? "" : "the commands " + String.join(", ", spec.subcommands().keySet()))
                            .filter(part -> !part.isEmpty()).toList());
        }
        return e.getMessage();
    }

    /** Levenshtein distance, for "did you mean". */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] current = new int[b.length() + 1];
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            previous = current;
        }
        return previous[b.length()];
    }

    /** The first line only, without control characters: one error, one line. */
    static String oneLine(String message) {
        String first = message == null ? "" : message.lines().findFirst().orElse("");
        return dev.portcullis.core.Text.printable(first);
    }

    /** The version printed by {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Cli.class.getPackage().getImplementationVersion();
            return new String[] {"portcullis " + (version == null ? "(development build)" : version)};
        }
    }
}
