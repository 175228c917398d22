package dev.portcullis.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.core.ClusterSpec;
import dev.portcullis.core.Direction;
import dev.portcullis.core.Exclusion;
import dev.portcullis.core.FirewallPolicy;
import dev.portcullis.core.FirewallRule;
import dev.portcullis.core.Peer;
import dev.portcullis.core.PolicyCompiler;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each distribution's default policy, row by row: the group a rule sits on, its direction,
 * protocol, ports and peer. Node-to-node egress mirrors ingress and is left out; egress to the
 * outside world is listed. Named peers stay symbolic. "kept-out" rows become no network rule
 * (local-only traffic, or a protocol of a family the cluster does not use).
 */
class DefaultPoliciesTest {

    @Test
    void rke2WithCanal() {
        assertDefaultPolicy("rke2", """
                all-nodes     in   tcp     10250        all-nodes
                all-nodes     in   tcp     30000-32767  all-nodes
                all-nodes     in   udp     8472         all-nodes
                server        in   tcp     2379-2380    server
                server        in   tcp     6443         all-nodes
                server        in   tcp     6443         admins
                server        in   tcp     9345         all-nodes
                kept-out           tcp     2381         etcd metrics port
                kept-out           tcp     9099         Canal CNI health checks
                """);
    }

    @Test
    void k3sWithFlannelVxlan() {
        assertDefaultPolicy("k3s", """
                all-nodes     in   tcp     10250        all-nodes
                all-nodes     in   udp     8472         all-nodes
                server        in   tcp     6443         all-nodes
                server        in   tcp     6443         admins
                kept-out           tcp     2381         etcd metrics
                kept-out           tcp     2382         etcd legacy HTTP API
                kept-out           tcp     6444         kube-apiserver local access
                kept-out           tcp     10010        containerd and cri-dockerd CRI service exec/logs streaming
                kept-out           tcp     10248        kubelet health
                kept-out           tcp     10249        kube-proxy metrics
                kept-out           tcp     10256        kube-proxy health
                kept-out           tcp     10257        kube-controller-manager metrics
                kept-out           tcp     10258        cloud-controller-manager metrics
                kept-out           tcp     10259        kube-scheduler metrics
                """);
    }

    @Test
    void kubeadmWithoutCni() {
        assertDefaultPolicy("kubeadm", """
                all-nodes     in   tcp     10250        control-plane
                control-plane in   tcp     2379-2380    control-plane
                control-plane in   tcp     6443         all-nodes
                control-plane in   tcp     6443         admins
                worker        in   tcp     10256        load-balancers
                worker        in   tcp     30000-32767  all-nodes
                worker        in   tcp     30000-32767  nodeport-clients
                worker        in   udp     30000-32767  all-nodes
                worker        in   udp     30000-32767  nodeport-clients
                kept-out           tcp     2381         etcd metrics and health
                kept-out           tcp     10257        kube-controller-manager
                kept-out           tcp     10259        kube-scheduler
                """);
    }

    @Test
    void rke1WithCanalManagedByRancher() {
        assertDefaultPolicy("rke1", """
                all-nodes     in   tcp     10250        all-nodes
                all-nodes     in   udp     8472         all-nodes
                all-nodes     out  tcp     443          rancher
                controlplane  in   tcp     80           ingress-clients
                controlplane  in   tcp     443          ingress-clients
                controlplane  in   tcp     6443         all-nodes
                controlplane  in   tcp     6443         admins
                controlplane  in   tcp     30000-32767  nodeport-clients
                controlplane  in   udp     30000-32767  nodeport-clients
                etcd          in   tcp     2379-2380    controlplane
                etcd          in   tcp     2379-2380    etcd
                worker        in   tcp     80           ingress-clients
                worker        in   tcp     443          ingress-clients
                worker        in   tcp     30000-32767  nodeport-clients
                worker        in   udp     30000-32767  nodeport-clients
                kept-out           tcp     9099         Canal/Flannel livenessProbe/readinessProbe
                kept-out           tcp     10254        Ingress controller livenessProbe/readinessProbe
                kept-out           tcp     10254        Ingress controller livenessProbe/readinessProbe
                """);
    }

    @Test
    void deckhouseWithCilium() {
        assertDefaultPolicy("deckhouse", """
                all-nodes     in   icmp    -            all-nodes
                all-nodes     in   tcp     4204-4206    all-nodes
                all-nodes     in   tcp     4209         all-nodes
                all-nodes     in   tcp     4221         master
                all-nodes     in   tcp     4224         all-nodes
                all-nodes     in   tcp     4240-4242    all-nodes
                all-nodes     in   tcp     4245         all-nodes
                all-nodes     in   tcp     4289         all-nodes
                all-nodes     in   tcp     10250        master
                all-nodes     in   udp     4298         all-nodes
                all-nodes     out  tcp     53           dns
                all-nodes     out  tcp     443          registry
                all-nodes     out  udp     53           dns
                all-nodes     out  udp     123          ntp
                frontend      in   tcp     80           ingress-clients
                frontend      in   tcp     443          ingress-clients
                frontend      in   tcp     10256        load-balancers
                master        in   tcp     22           admins
                master        in   tcp     2379-2380    master
                master        in   tcp     4219         all-nodes
                master        in   tcp     4222         all-nodes
                master        in   tcp     4223         master
                master        in   tcp     6443         all-nodes
                master        in   tcp     6443         admins
                master        in   udp     4234         all-nodes
                kept-out           tcp     4288         monitoring-ping metrics
                kept-out           icmpv6  -            ICMPv6 for node-to-node connectivity monitoring
                """);
    }

    /** Only with cni-flannel do kube-proxy (4210) and kube-router (4213) run, so only here are they scraped. */
    @Test
    void deckhouseWithFlannel() {
        assertDefaultPolicy("deckhouse", "flannel", """
                all-nodes     in   icmp    -            all-nodes
                all-nodes     in   tcp     4204-4206    all-nodes
                all-nodes     in   tcp     4209-4210    all-nodes
                all-nodes     in   tcp     4213         all-nodes
                all-nodes     in   tcp     4221         master
                all-nodes     in   tcp     4224         all-nodes
                all-nodes     in   tcp     4245         all-nodes
                all-nodes     in   tcp     4289         all-nodes
                all-nodes     in   tcp     10250        master
                all-nodes     in   udp     8472         all-nodes
                all-nodes     out  tcp     53           dns
                all-nodes     out  tcp     443          registry
                all-nodes     out  udp     53           dns
                all-nodes     out  udp     123          ntp
                frontend      in   tcp     80           ingress-clients
                frontend      in   tcp     443          ingress-clients
                frontend      in   tcp     10256        load-balancers
                master        in   tcp     22           admins
                master        in   tcp     2379-2380    master
                master        in   tcp     4219         all-nodes
                master        in   tcp     4222         all-nodes
                master        in   tcp     4223         master
                master        in   tcp     6443         all-nodes
                master        in   tcp     6443         admins
                master        in   udp     4234         all-nodes
                kept-out           tcp     4288         monitoring-ping metrics
                kept-out           icmpv6  -            ICMPv6 for node-to-node connectivity monitoring
                """);
    }

    static void assertDefaultPolicy(String distribution, String table) {
        assertDefaultPolicy(distribution, Catalog.blueprint(distribution).defaultCni(), table);
    }

    /** The policy of a CNI with its default options. */
    static void assertDefaultPolicy(String distribution, String cni, String table) {
        var blueprint = Catalog.blueprint(distribution);
        FirewallPolicy policy = PolicyCompiler.compile(ClusterSpec.documentation(blueprint, cni, blueprint.defaultOptions(cni)));
        List<String> actual = new ArrayList<>();
        for (FirewallRule rule : policy.rules()) {
            if (rule.direction() == Direction.EGRESS && rule.peer() instanceof Peer.Nodes) {
                continue;
            }
            actual.add(String.join(" ", rule.target().key(), rule.direction() == Direction.INGRESS ? "in" : "out",
                    rule.protocol().key(), rule.ports().map(Object::toString).orElse("-"), rule.peer().key()));
        }
        for (Exclusion exclusion : policy.exclusions()) {
            actual.add(String.join(" ", "kept-out", exclusion.requirement().protocol().key(),
                    exclusion.requirement().ports().map(Object::toString).orElse("-"), exclusion.requirement().purpose()));
        }
        List<String> expected = table.lines().map(line -> line.trim().replaceAll(" {2,}", " ")).toList();
        assertThat(actual).containsExactlyElementsOf(expected);
    }
}
