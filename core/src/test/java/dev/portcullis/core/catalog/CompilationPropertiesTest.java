package dev.portcullis.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.Range;
import com.google.common.collect.RangeSet;
import com.google.common.collect.TreeRangeSet;
import dev.portcullis.core.Blueprint;
import dev.portcullis.core.ClusterSpec;
import dev.portcullis.core.Cni;
import dev.portcullis.core.Direction;
import dev.portcullis.core.FirewallPolicy;
import dev.portcullis.core.FirewallRule;
import dev.portcullis.core.IpStack;
import dev.portcullis.core.NodeRole;
import dev.portcullis.core.Option;
import dev.portcullis.core.Peer;
import dev.portcullis.core.PolicyCompiler;
import dev.portcullis.core.Protocol;
import dev.portcullis.core.Requirement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of compilation over every distribution, every CNI and two option sets (the defaults,
 * and every option that fits the CNI): the order of the catalog does not matter, no required flow
 * is lost, and nothing is admitted that no requirement asked for.
 */
class CompilationPropertiesTest {

    static Stream<Arguments> clusters() {
        List<Arguments> out = new ArrayList<>();
        for (Blueprint blueprint : Catalog.all()) {
            for (Cni cni : blueprint.cnis()) {
                out.add(Arguments.of(blueprint.distribution(), cni.name(), blueprint.defaultOptions(cni.name())));
                Set<String> all = new TreeSet<>();
                Set<String> groups = new TreeSet<>();
                for (Option option : blueprint.options()) {
                    if (option.appliesTo(cni.name()) && option.exclusiveGroup().map(groups::add).orElse(true)) {
                        all.add(option.name());
                    }
                }
                out.add(Arguments.of(blueprint.distribution(), cni.name(), all));
            }
        }
        return out.stream();
    }

    private static FirewallPolicy compile(Blueprint blueprint, String cni, Set<String> options) {
        return PolicyCompiler.compile(ClusterSpec.builder(blueprint).cni(cni).options(options).ipStack(IpStack.DUAL)
                .leaveExternalPeersUnbound().build());
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("clusters")
    void theCatalogsOrderDoesNotMatter(String distribution, String cni, Set<String> options) {
        Blueprint blueprint = Catalog.blueprint(distribution);
        FirewallPolicy expected = compile(blueprint, cni, options);
        Random random = new Random(distribution.hashCode() * 31L + cni.hashCode());
        for (int i = 0; i < 20; i++) {
            List<Requirement> shuffled = new ArrayList<>(blueprint.requirements());
            Collections.shuffle(shuffled, random);
            Blueprint reordered = new Blueprint(blueprint.distribution(), blueprint.title(), blueprint.roles(),
                    blueprint.cnis(), blueprint.defaultCni(), blueprint.options(), blueprint.externalPeers(),
                    ImmutableList.copyOf(shuffled), blueprint.reference());
            FirewallPolicy actual = compile(reordered, cni, options);
            assertThat(actual.rules()).isEqualTo(expected.rules());
            assertThat(actual.exclusions()).isEqualTo(expected.exclusions());
        }
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("clusters")
    void everyRequiredFlowIsAdmittedAndNothingElse(String distribution, String cni, Set<String> options) {
        Blueprint blueprint = Catalog.blueprint(distribution);
        FirewallPolicy policy = compile(blueprint, cni, options);
        List<Requirement> network = PolicyCompiler.activeRequirements(policy.spec()).stream()
                .filter(r -> !r.isLocal()).toList();
        List<NodeRole> roles = blueprint.roles();

        // Completeness: each concrete (destination role, source) pair of each requirement is admitted.
        for (Requirement r : network) {
            if (r.destination() instanceof Peer.Nodes destination) {
                for (NodeRole target : members(destination, roles)) {
                    for (Peer source : concrete(r.source(), roles)) {
                        assertThat(admitted(policy, Direction.INGRESS, target, source, r.protocol()))
                                .as("%s %s from %s to %s", r.service(), r.purpose(), source, target)
                                .matches(set -> set.enclosesAll(ports(r)));
                    }
                }
            }
        }
        // Soundness: each port a rule admits for a concrete pair was asked for by some requirement.
        for (FirewallRule rule : policy.rules(Direction.INGRESS)) {
            for (NodeRole target : members(rule.target(), roles)) {
                for (Peer source : concrete(rule.peer(), roles)) {
                    RangeSet<Integer> asked = TreeRangeSet.create();
                    for (Requirement r : network) {
                        if (r.destination() instanceof Peer.Nodes d && members(d, roles).contains(target)
                                && concrete(r.source(), roles).contains(source) && covers(r.protocol(), rule.protocol())) {
                            asked.addAll(ports(r));
                        }
                    }
                    RangeSet<Integer> granted = TreeRangeSet.create();
                    granted.add(rule.ports().map(p -> Range.closedOpen(p.from(), p.to() + 1)).orElse(Range.closedOpen(0, 1)));
                    assertThat(asked.enclosesAll(granted)).as("rule %s admits unrequested traffic", rule.key()).isTrue();
                }
            }
        }
    }

    private static RangeSet<Integer> admitted(FirewallPolicy policy, Direction direction, NodeRole target, Peer source,
            Protocol protocol) {
        RangeSet<Integer> out = TreeRangeSet.create();
        for (FirewallRule rule : policy.rules(direction)) {
            if (members(rule.target(), policy.spec().blueprint().roles()).contains(target)
                    && concrete(rule.peer(), policy.spec().blueprint().roles()).contains(source)
                    && covers(rule.protocol(), protocol)) {
                out.add(rule.ports().map(p -> Range.closedOpen(p.from(), p.to() + 1)).orElse(Range.closedOpen(0, 1)));
            }
        }
        return out;
    }

    private static RangeSet<Integer> ports(Requirement r) {
        RangeSet<Integer> out = TreeRangeSet.create();
        out.add(r.ports().map(p -> Range.closedOpen(p.from(), p.to() + 1)).orElse(Range.closedOpen(0, 1)));
        return out;
    }

    private static boolean covers(Protocol broad, Protocol narrow) {
        return broad.equals(narrow) || (broad instanceof Protocol.Icmp b && narrow instanceof Protocol.Icmp n
                && b.ipFamily() == n.ipFamily() && b.type().isAny());
    }

    private static List<NodeRole> members(Peer.Nodes nodes, List<NodeRole> roles) {
        return nodes instanceof Peer.RolePeer role ? List.of(role.role()) : roles;
    }

    /** Node sets as their roles; anything else as itself. */
    private static List<Peer> concrete(Peer peer, List<NodeRole> roles) {
        if (peer instanceof Peer.Nodes nodes) {
            return members(nodes, roles).stream().<Peer>map(Peer::role).toList();
        }
        return List.of(peer);
    }
}
