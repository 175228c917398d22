package dev.portcullis.audit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code portcullis audit}: holds a node's sockets ({@code sockets}) or a cloud's live security
 * groups ({@code groups}) against the policy Portcullis would compile for the cluster.
 *
 * <p>Exit codes: 0 when no finding is at or above {@code --fail-on}, 1 when one is, 2 for a usage
 * or input error (one line on stderr), 3 for an internal error (one line on stderr).
 */
@Command(name = "audit", subcommands = {SocketsCommand.class, GroupsCommand.class, CommandLine.HelpCommand.class},
        description = "Holds a running node's sockets or a live cloud's security groups against the policy.",
        footer = {"", "Exit codes: 0 nothing at or above --fail-on, 1 something is, 2 usage or input error, 3 internal error.",
                "See docs/audit.md."})
public final class AuditCommand implements Runnable {
    static final int FINDINGS = 1;
    static final int USAGE = 2;
    static final int INTERNAL = 3;

    @Spec
    CommandSpec spec;

    /** Standard input for {@code --input -}; tests replace it. */
    InputStream stdin = System.in;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "audit needs a subcommand: sockets or groups (see audit help)");
    }

    /** A command line with the one-line error handlers; {@code commandLine().execute(args)} is the exit code. */
    public static CommandLine commandLine() {
        return configure(new CommandLine(new AuditCommand()));
    }

    /** Installs the handlers: usage errors and input errors print one line and exit 2, nothing prints a stack trace. */
    public static CommandLine configure(CommandLine commandLine) {
        return commandLine
                .setParameterExceptionHandler((e, args) -> {
                    e.getCommandLine().getErr().println("error: " + firstLine(e.getMessage()));
                    return USAGE;
                })
                .setExecutionExceptionHandler((e, cl, parsed) -> {
                    boolean input = e instanceof IllegalArgumentException || e instanceof IOException
                            || e instanceof UncheckedIOException;
                    cl.getErr().println("error: " + (input ? "" : "internal error, please report: " + e.getClass().getSimpleName() + ": ")
                            + firstLine(e instanceof UncheckedIOException u ? u.getCause().toString() : String.valueOf(e.getMessage())));
                    return input ? USAGE : INTERNAL;
                });
    }

    static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
