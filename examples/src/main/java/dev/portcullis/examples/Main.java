package dev.portcullis.examples;

/**
 * Entry point of {@code portcullis.jar}. With arguments it is the {@code portcullis} command line
 * ({@link Cli}); without arguments, as {@code pulumi preview}/{@code up} run it, it is the example
 * Pulumi program. Without arguments and without a Pulumi engine to talk to, it prints the usage.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (args.length == 0 && System.getenv("PULUMI_MONITOR") != null) {
            ClusterFirewall.main(args);
            return;
        }
        if (args.length == 0) {
            Cli.commandLine(System.out, System.err).usage(System.err);
            System.err.println("error: no command given; `pulumi preview` and `pulumi up` run this jar as a Pulumi program");
            System.exit(Cli.USAGE);
        }
        System.exit(Cli.run(args, System.out, System.err));
    }
}
