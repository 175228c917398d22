package dev.portcullis.audit.cli;

import com.google.common.collect.ImmutableList;
import dev.portcullis.audit.AuditReport;
import dev.portcullis.audit.Cloud;
import dev.portcullis.audit.GroupAudit;
import dev.portcullis.audit.GroupMapping;
import dev.portcullis.core.Blueprint;
import dev.portcullis.core.Cidr;
import dev.portcullis.core.ClusterSpec;
import dev.portcullis.core.EgressMode;
import dev.portcullis.core.NodeAddressing;
import dev.portcullis.core.PolicyCompiler;
import dev.portcullis.core.Profile;
import dev.portcullis.core.TextInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code audit groups}: a cloud's live security groups against the cluster's policy. */
@Command(name = "groups", sortOptions = false, description = {"Judges live security groups (aws ec2 "
        + "describe-security-group-rules or describe-security-groups JSON, openstack security group rule list --long "
        + "-f json) against the policy, and prints how to bring them under management."})
final class GroupsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    AuditCommand parent;

    @Option(names = "--cloud", required = true, paramLabel = "aws|openstack", description = "the cloud the listing is from")
    String cloud;

    @Option(names = "--input", required = true, paramLabel = "FILE|-", description = "the listing (repeatable)")
    List<String> inputs;

    @Option(names = "--group", required = true, paramLabel = "ROLE=ID",
            description = "which live group stands for a role's group, or all-nodes=ID for the one every node carries (repeatable)")
    List<String> groups;

    @Mixin
    PolicyOptions policy;

    @Option(names = "--peer", paramLabel = "name=CIDR,…",
            description = "binds a named peer (admins, load-balancers…) to its networks, as plan does; unbound peers stand "
                    + "for any outside source (repeatable)")
    List<String> peers = new ArrayList<>();

    @Option(names = "--allow-internet", paramLabel = "name",
            description = "lets --peer bind this named peer to networks that are internet-wide by address arithmetic: "
                    + "together they cover a large share of the routable space (0.0.0.0/0, but also 0.0.0.0/1 with "
                    + "128.0.0.0/1) (repeatable)")
    List<String> allowInternet = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "P", defaultValue = "least-privilege",
            description = "least-privilege or compact: the profile the groups are meant to follow (default: ${DEFAULT-VALUE})")
    String profile;

    @Option(names = "--egress", paramLabel = "E", defaultValue = "allow-all",
            description = "allow-all or restricted (default: ${DEFAULT-VALUE})")
    String egress;

    @Option(names = "--node-addressing", paramLabel = "A", defaultValue = "private",
            description = "private or public: public means nodes reach each other over public addresses, which no group "
                    + "reference matches (default: ${DEFAULT-VALUE})")
    String nodeAddressing;

    @Option(names = "--node-cidr", paramLabel = "CIDR",
            description = "a network holding nodes' addresses (repeatable); default: private-use space, with private addressing")
    List<String> nodeCidrs = new ArrayList<>();

    @Option(names = "--cluster-name", paramLabel = "N", description = "for the program printed at the end (default: the distribution)")
    String clusterName;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        output.validate();
        Cloud target = Cloud.parse(cloud);
        Blueprint blueprint = policy.blueprint();
        ClusterSpec.Builder builder = policy.spec().profile(Profile.parse(profile)).leaveExternalPeersUnbound();
        for (String binding : peers) {
            int eq = binding.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("--peer '" + binding + "' is malformed: expected name=CIDR[,CIDR…] (or name= for nothing)");
            }
            String name = binding.substring(0, eq);
            List<String> targets = PolicyOptions.commaList(binding.substring(eq + 1));
            List<dev.portcullis.core.Binding> bound = new ArrayList<>();
            for (int i = 0; i < targets.size(); i++) {
                // The audit compares addresses: peers are bound to CIDRs here, whatever the cloud.
                bound.add(dev.portcullis.core.BindingSyntax.CIDRS.parse("--peer " + name + "[" + i + "]", targets.get(i)));
            }
            builder.bind(name, bound);
        }
        allowInternet.forEach(builder::allowInternet);
        ImmutableList.Builder<Cidr> cidrs = ImmutableList.builder();
        for (String cidr : nodeCidrs) {
            cidrs.add(Cidr.parse(cidr));
        }
        GroupAudit.Settings settings = new GroupAudit.Settings(target, GroupMapping.parse(target, blueprint, groups),
                NodeAddressing.parse(nodeAddressing), cidrs.build(), EgressMode.parse(egress),
                TextInputs.clusterName(clusterName == null ? blueprint.distribution() : clusterName));
        AuditReport report = GroupAudit.audit(PolicyCompiler.compile(builder.build()), settings, Inputs.read(inputs, parent.stdin));
        spec.commandLine().getOut().print(output.reportFormat().render(report));
        spec.commandLine().getOut().flush();
        return output.exitCode(report);
    }
}
