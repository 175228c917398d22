package dev.portcullis.examples;

/**
 * Entry point of {@code portcullis.jar}. With {@code plan …} it prints the offline plan, with
 * {@code audit …} it audits sockets or live groups ({@code dev.portcullis.audit.cli}); without
 * arguments (as {@code pulumi preview}/{@code up} run it) it is the example Pulumi program.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("audit")) {
            System.exit(dev.portcullis.audit.cli.AuditCommand.commandLine().execute(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("plan")) {
            System.exit(PlanCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.print(PlanCommand.help());
            return;
        }
        if (args.length > 0) {
            System.err.println("error: command '" + args[0] + "' is unknown: allowed plan, audit (or no argument, as Pulumi runs it)");
            System.exit(2);
        }
        ClusterFirewall.main(args);
    }
}
