package dev.portcullis.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.Range;
import com.google.common.collect.RangeSet;
import com.google.common.collect.TreeRangeSet;
import dev.portcullis.component.CloudPlan;
import dev.portcullis.core.Blueprint;
import dev.portcullis.core.Direction;
import dev.portcullis.core.FirewallPolicy;
import dev.portcullis.core.NodeRole;
import dev.portcullis.core.Peer;
import dev.portcullis.core.PolicyCompiler;
import dev.portcullis.core.Requirement;
import dev.portcullis.core.catalog.Catalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays AWS's semantics on the plan: a node carries the all-nodes group and its role's group, an
 * ingress rule applies to the nodes carrying its group, a reference admits the nodes carrying the
 * referenced group, a CIDR admits its addresses. What each source may then reach on each node must
 * equal what the catalog's requirements ask for: the same expectation the namespace conformance
 * test proves on the kernel.
 */
class AwsSemanticsTest {
    private static final String OUTSIDE = "198.18.0.200/32";

    static Stream<Arguments> clusters() {
        return Stream.of(Arguments.of("rke2", "canal"), Arguments.of("rke2", "cilium"), Arguments.of("k3s", "flannel"),
                Arguments.of("kubeadm", "none"), Arguments.of("kubeadm", "calico"), Arguments.of("rke1", "canal"),
                Arguments.of("rke1", "flannel"), Arguments.of("deckhouse", "cilium"), Arguments.of("deckhouse", "flannel"),
                Arguments.of("talos", "flannel"), Arguments.of("talos", "cilium"),
                Arguments.of("k0s", "kube-router"), Arguments.of("k0s", "calico"),
                Arguments.of("openshift", "ovn-kubernetes"), Arguments.of("openshift", "openshift-sdn"));
    }

    /** A node of one role, or the outside host (role empty). */
    record Source(Optional<NodeRole> role) {}

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("clusters")
    void securityGroupsAdmitWhatTheCatalogRequiresAndNothingElse(String distribution, String cni) {
        Blueprint blueprint = Catalog.blueprint(distribution);
        var args = ClusterSecurityGroupsArgs.builder().vpcId("vpc-00000001").clusterName("c").distribution(distribution).cni(cni);
        blueprint.externalPeers().keySet().forEach(peer -> args.peer(peer, OUTSIDE));
        blueprint.externalPeers().keySet().forEach(args::allowInternet);
        ClusterSecurityGroupsArgs built = args.build();
        FirewallPolicy policy = PolicyCompiler.compile(built.cluster().request().toSpec(AwsBindingSyntax.INSTANCE));
        CloudPlan<AwsRulePlan.Fields> plan = AwsTranslator.INSTANCE.plan(policy, built);

        List<Source> sources = new ArrayList<>();
        blueprint.roles().forEach(r -> sources.add(new Source(Optional.of(r))));
        sources.add(new Source(Optional.empty()));
        for (NodeRole target : blueprint.roles()) {
            for (Source source : sources) {
                assertThat(byAws(plan, policy, target, source))
                        .as("%s %s: %s from %s", distribution, cni, target, source.role().map(Object::toString).orElse("outside"))
                        .isEqualTo(byRequirements(policy, target, source));
            }
        }
    }

    private static Map<String, RangeSet<Integer>> byAws(CloudPlan<AwsRulePlan.Fields> plan, FirewallPolicy policy, NodeRole target,
            Source source) {
        List<String> targetGroups = groupsOf(policy, Optional.of(target));
        List<String> sourceGroups = groupsOf(policy, source.role());
        Map<String, RangeSet<Integer>> out = new TreeMap<>();
        for (CloudPlan.Rule<AwsRulePlan.Fields> rule : plan.rules()) {
            Peer remote = rule.remote().orElseThrow();
            boolean admits = (remote instanceof Peer.Nodes nodes && sourceGroups.contains(nodes.key()))
                    || (remote instanceof Peer.Remote bound && bound.binding().value().map(OUTSIDE::equals).orElse(false)
                            && source.role().isEmpty());
            if (rule.direction() == Direction.INGRESS && targetGroups.contains(rule.groupKey()) && admits) {
                Range<Integer> range = rule.fields().ipProtocol().equals("tcp") || rule.fields().ipProtocol().equals("udp")
                        ? Range.closedOpen(rule.fields().fromPort().orElseThrow(), rule.fields().toPort().orElseThrow() + 1)
                        : Range.closedOpen(0, 1);
                AwsRulePlan.Fields f = rule.fields();
                String key = f.ipProtocol().equals("icmp") ? "icmp " + f.fromPort().orElseThrow() + "/" + f.toPort().orElseThrow()
                        : f.ipProtocol();
                out.computeIfAbsent(key, k -> TreeRangeSet.create()).add(range);
            }
        }
        return out;
    }

    private static Map<String, RangeSet<Integer>> byRequirements(FirewallPolicy policy, NodeRole target, Source source) {
        Map<String, RangeSet<Integer>> out = new TreeMap<>();
        for (Requirement r : PolicyCompiler.activeRequirements(policy.spec())) {
            if (r.isLocal() || r.protocol().family().map(f -> f != dev.portcullis.core.IpFamily.IPV4).orElse(false)) {
                continue;
            }
            boolean toTarget = r.destination() instanceof Peer.AllNodes
                    || r.destination().equals(Peer.role(target));
            boolean fromSource = source.role().map(role -> r.source() instanceof Peer.AllNodes || r.source().equals(Peer.role(role)))
                    .orElse(r.source() instanceof Peer.ExternalPeer);
            if (toTarget && fromSource) {
                String key = AwsRulePlan.ipProtocol(r.protocol());
                if (r.protocol() instanceof dev.portcullis.core.Protocol.Icmp icmp) {
                    key = "icmp " + icmp.type().type().orElse(-1) + "/" + icmp.type().code().orElse(-1);
                }
                out.computeIfAbsent(key, k -> TreeRangeSet.create())
                        .add(r.ports().map(p -> Range.closedOpen(p.from(), p.to() + 1)).orElse(Range.closedOpen(0, 1)));
            }
        }
        return out;
    }

    private static List<String> groupsOf(FirewallPolicy policy, Optional<NodeRole> role) {
        return role.map(r -> policy.groupsFor(List.of(r)).stream().map(Peer::key).toList()).orElse(List.of());
    }
}
