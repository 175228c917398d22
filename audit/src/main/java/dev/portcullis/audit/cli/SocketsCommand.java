package dev.portcullis.audit.cli;

import dev.portcullis.audit.AuditReport;
import dev.portcullis.audit.SocketAudit;
import dev.portcullis.core.NodeRole;
import dev.portcullis.core.PolicyCompiler;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code audit sockets}: nodes' listening sockets against their role's part of the policy. */
@Command(name = "sockets", sortOptions = false, description = {"Judges the sockets nodes listen on (ss -tulpn, "
        + "ss -Htulpn, netstat -tulpn, netstat -npl) against the policy of their role. One input per node."})
final class SocketsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    AuditCommand parent;

    @Mixin
    PolicyOptions policy;

    @Option(names = "--role", required = true, paramLabel = "R", description = "the nodes' role (control-plane, server…)")
    String role;

    @Option(names = "--input", required = true, paramLabel = "FILE|DIR|-",
            description = "a node's ss or netstat output; repeat it, or name a directory, for several nodes")
    List<String> inputs;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        output.validate();
        var cluster = policy.spec().leaveExternalPeersUnbound().build();
        AuditReport report = SocketAudit.audit(PolicyCompiler.compile(cluster), NodeRole.of(role), Inputs.read(inputs, parent.stdin));
        spec.commandLine().getOut().print(output.reportFormat().render(report));
        spec.commandLine().getOut().flush();
        return output.exitCode(report);
    }
}
