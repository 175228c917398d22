package dev.portcullis.bench;

import dev.portcullis.core.ClusterSpec;
import dev.portcullis.core.Direction;
import dev.portcullis.core.FirewallPolicy;
import dev.portcullis.core.FirewallRule;
import dev.portcullis.core.Peer;
import dev.portcullis.core.PolicyCompiler;
import dev.portcullis.core.Profile;
import dev.portcullis.core.catalog.Catalog;

/** Rule counts of the two profiles, and how many node-to-node ports least-privilege opens. */
final class Compact {
    private Compact() {}

    /** {least-privilege AWS rules, compact AWS rules, node-to-node TCP/UDP ports required}. */
    static int[] counts(String distribution) {
        var blueprint = Catalog.blueprint(distribution);
        FirewallPolicy strict = compile(distribution, Profile.LEAST_PRIVILEGE);
        FirewallPolicy compact = compile(distribution, Profile.COMPACT);
        int ports = strict.rules(Direction.INGRESS).stream().filter(r -> r.peer() instanceof Peer.Nodes)
                .mapToInt(r -> r.ports().map(p -> p.size()).orElse(0)).sum();
        return new int[] {awsRules(strict), awsRules(compact), ports};
    }

    private static FirewallPolicy compile(String distribution, Profile profile) {
        var blueprint = Catalog.blueprint(distribution);
        var spec = ClusterSpec.builder(blueprint).profile(profile);
        blueprint.externalPeers().keySet().forEach(peer -> spec.bind(peer, Peer.cidr("198.51.100.0/24")));
        return PolicyCompiler.compile(spec.build());
    }

    /** Ingress rules plus the one allow-all egress rule of an IPv4 cluster. */
    private static int awsRules(FirewallPolicy policy) {
        return (int) policy.rules(Direction.INGRESS).stream().map(FirewallRule::key).count() + 1;
    }
}
