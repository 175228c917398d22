package dev.portcullis.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.portcullis.core.ClusterSpec;
import dev.portcullis.core.FirewallPolicy;
import dev.portcullis.core.NodeRole;
import dev.portcullis.core.PolicyCompiler;
import dev.portcullis.core.catalog.Catalog;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SocketAuditTest {

    static FirewallPolicy policy(String distribution, String cni, List<String> options) {
        ClusterSpec.Builder spec = ClusterSpec.builder(Catalog.blueprint(distribution)).leaveExternalPeersUnbound();
        if (cni != null) {
            spec.cni(cni);
        }
        if (options != null) {
            spec.options(options);
        }
        return PolicyCompiler.compile(spec.build());
    }

    static AuditReport audit(FirewallPolicy policy, String role, String fixture) {
        return SocketAudit.audit(policy, NodeRole.of(role), List.of(Fixtures.input(fixture)));
    }

    static Finding finding(AuditReport report, String id) {
        return report.findings().stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding " + id + " in " + report.findings().stream().map(Finding::id).toList()));
    }

    /** Seed 002: netstat -npl on a kubeadm control plane, cut by grep, pasted into notes. */
    @Nested
    class Seed002OnAKubeadmControlPlane {
        final AuditReport report = audit(policy("kubeadm", null, null), "control-plane", "sockets/seed-002.txt");

        @Test
        void everyKubeAndEtcdListenerHasExactlyOneVerdict() {
            Map<String, String> verdicts = report.findings().stream()
                    .collect(Collectors.toMap(f -> f.protocol() + " " + f.ports(), f -> f.check().id()));
            assertThat(verdicts).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                    Map.entry("tcp 10249", "unlisted-loopback"),
                    Map.entry("tcp 10248", "unlisted-loopback"),
                    Map.entry("tcp 10257", "local-only-loopback"),
                    Map.entry("tcp 10259", "local-only-loopback"),
                    Map.entry("tcp 6443", "required-reachable"),
                    Map.entry("tcp 8888", "unlisted-listener"),
                    Map.entry("tcp 10256", "other-role-port"),
                    Map.entry("tcp 10250", "required-reachable"),
                    Map.entry("tcp 2379", "required-reachable"),
                    Map.entry("tcp 2380", "required-reachable"),
                    Map.entry("tcp 2381", "local-only-loopback")));
        }

        @Test
        void theKubectlProxyOnAllAddressesIsReportedWithItsProcessAndBlockedByThePolicy() {
            Finding proxy = finding(report, "unlisted-listener:seed-002.txt:tcp-8888");
            assertThat(proxy.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(proxy.subject()).isEqualTo("seed-002.txt: :::8888 (kubectl, pid 4286)");
            assertThat(proxy.message()).isEqualTo("TCP 8888 (kubectl, pid 4286) listens on :::8888, a port no policy entry "
                    + "opens for control-plane nodes: the policy blocks it");
            assertThat(proxy.fix()).isEqualTo("stop it or bind it to 127.0.0.1; if others must reach it, add an extra rule for it");
            assertThat(proxy.policy().entry()).isEqualTo("(none)");
            assertThat(proxy.policy().references()).extracting(Object::toString)
                    .containsExactly("https://kubernetes.io/docs/reference/networking/ports-and-protocols/");
            assertThat(proxy.locations()).containsExactly(new Location("seed-002.txt", 28));
        }

        @Test
        void theApiServerOnAllAddressesIsRequiredAndReachableCitingBothRules() {
            Finding api = finding(report, "required-reachable:seed-002.txt:tcp-6443");
            assertThat(api.severity()).isEqualTo(Severity.INFO);
            assertThat(api.message()).isEqualTo("TCP 6443 (kube-apiserver, pid 3378) listens on :::6443; the policy opens it on "
                    + "control-plane nodes (TCP 6443 from all nodes: Kubernetes API server; TCP 6443 from admins: Kubernetes API server)");
            assertThat(api.policy().entry()).isEqualTo("control-plane-in-tcp-6443-all-nodes, control-plane-in-tcp-6443-admins");
        }

        @Test
        void etcdOnLoopbackAndTheNodeAddressIsReachableAndBothLinesAreItsLocations() {
            Finding etcd = finding(report, "required-reachable:seed-002.txt:tcp-2379");
            assertThat(etcd.subject()).isEqualTo("seed-002.txt: 127.0.0.1:2379, 192.168.163.11:2379 (etcd, pid 3665)");
            assertThat(etcd.policy().entry()).isEqualTo("control-plane-in-tcp-2379-2380-control-plane");
            assertThat(etcd.locations()).containsExactly(new Location("seed-002.txt", 36), new Location("seed-002.txt", 38));
            assertThat(finding(report, "required-reachable:seed-002.txt:tcp-2380").policy().entry())
                    .isEqualTo("control-plane-in-tcp-2379-2380-control-plane");
        }

        @Test
        void theKubeletApiIsRequiredFromTheControlPlane() {
            assertThat(finding(report, "required-reachable:seed-002.txt:tcp-10250").policy().entry())
                    .isEqualTo("all-nodes-in-tcp-10250-control-plane");
        }

        @Test
        void schedulerControllerManagerAndEtcdMetricsOnLoopbackAreLocalOnlyAsTheCatalogSays() {
            Finding manager = finding(report, "local-only-loopback:seed-002.txt:tcp-10257");
            assertThat(manager.message()).isEqualTo("TCP 10257 (kube-controller-manager (printed as kube-controlle), pid 3876) "
                    + "listens on 127.0.0.1:10257 only, as the catalog expects (kubeadm binds kube-controller-manager to 127.0.0.1)");
            assertThat(manager.policy().entry()).isEqualTo("requirement: TCP 10257 kube-controller-manager");
            assertThat(finding(report, "local-only-loopback:seed-002.txt:tcp-10259").policy().entry())
                    .isEqualTo("requirement: TCP 10259 kube-scheduler");
            Finding metrics = finding(report, "local-only-loopback:seed-002.txt:tcp-2381");
            assertThat(metrics.policy().entry()).isEqualTo("requirement: TCP 2381 etcd metrics and health");
            assertThat(metrics.policy().references()).extracting(Object::toString)
                    .containsExactly("https://github.com/kubernetes/kubernetes/blob/master/cmd/kubeadm/app/phases/etcd/local.go");
        }

        @Test
        void kubeProxyHealthIsOpenedOnWorkersOnlySoThePolicyBlocksItHere() {
            Finding health = finding(report, "other-role-port:seed-002.txt:tcp-10256");
            assertThat(health.severity()).isEqualTo(Severity.LOW);
            assertThat(health.message()).isEqualTo("TCP 10256 (kube-proxy, pid 4715) listens on :::10256; the catalog opens it on "
                    + "worker nodes only (kube-proxy health check), so the policy blocks it on control-plane nodes");
            assertThat(health.policy().entry()).isEqualTo("requirement: TCP 10256 kube-proxy health check");
        }

        @Test
        void kubeletAndKubeProxyHealthOnLoopbackAreOutsideTheCatalogButUnreachable() {
            assertThat(finding(report, "unlisted-loopback:seed-002.txt:tcp-10248").message()).isEqualTo("TCP 10248 (kubelet, "
                    + "pid 4152) listens on 127.0.0.1:10248 only; the catalog lists no such port for control-plane nodes, and "
                    + "loopback is unreachable from other hosts");
            assertThat(finding(report, "unlisted-loopback:seed-002.txt:tcp-10249").severity()).isEqualTo(Severity.INFO);
        }

        @Test
        void noUdpInTheInputIsSaidRatherThanReportedAsMissing() {
            assertThat(report.notes()).containsExactly("seed-002.txt: no UDP socket in the input, so required UDP ports were "
                    + "not checked (list them with ss -tulpn)");
            assertThat(report.hasAtLeast(Severity.HIGH)).isFalse();
            assertThat(report.hasAtLeast(Severity.MEDIUM)).isTrue();
        }
    }

    @Test
    void anRke2ServerWithEtcdMetricsOnItsAddressIsExposedAndHintsTheOption() {
        AuditReport report = audit(policy("rke2", null, null), "server", "sockets/ss-tulpn-rke2-server.txt");
        Finding exposed = finding(report, "local-only-exposed:ss-tulpn-rke2-server.txt:tcp-2381");
        assertThat(exposed.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(exposed.message()).isEqualTo("TCP 2381 (etcd, pid 1402) listens on 10.0.1.10:2381, but the catalog marks it "
                + "local-only (etcd serves metrics on 127.0.0.1 unless etcd-expose-metrics is set): only the firewall holds it back");
        assertThat(exposed.fix()).isEqualTo("bind it to 127.0.0.1 as the catalog expects, and keep the policy closing it; "
                + "or enable option etcd-metrics if it is meant to serve others");
        Finding hint = finding(report, "option-hint:ss-tulpn-rke2-server.txt:tcp-2381:etcd-metrics");
        assertThat(hint.policy().entry()).isEqualTo("option: etcd-metrics");
        assertThat(hint.policy().references()).extracting(Object::toString)
                .containsExactly("https://docs.rke2.io/install/requirements#inbound-network-rules",
                        "https://docs.rke2.io/reference/server_config");
        assertThat(report.findings()).extracting(f -> f.check().id() + " " + f.protocol() + " " + f.ports()).contains(
                "required-reachable udp 8472", "local-only-loopback tcp 9099", "unlisted-loopback udp 53",
                "unlisted-loopback tcp 10257", "unlisted-listener tcp 22", "unlisted-listener tcp 10256",
                "required-reachable tcp 9345");
        assertThat(finding(report, "unlisted-loopback:ss-tulpn-rke2-server.txt:tcp-10257").subject())
                .isEqualTo("ss-tulpn-rke2-server.txt: [::ffff:127.0.0.1]:10257 (kube-controller-manager (printed as "
                        + "kube-controller), pid 1612)");
    }

    @Test
    void aKubeletBoundToLoopbackOnAWorkerBreaksTheCluster() {
        AuditReport report = audit(policy("kubeadm", "flannel", null), "worker", "sockets/ss-Htulpn-kubeadm-worker.txt");
        Finding kubelet = finding(report, "required-loopback-only:ss-Htulpn-kubeadm-worker.txt:tcp-10250");
        assertThat(kubelet.severity()).isEqualTo(Severity.HIGH);
        assertThat(kubelet.message()).isEqualTo("TCP 10250 (kubelet, pid 912) listens on 127.0.0.1:10250 only, but the policy "
                + "opens it to other hosts (TCP 10250 from control-plane nodes: Kubelet API): they cannot connect, and the "
                + "cluster will break");
        assertThat(report.findings()).extracting(f -> f.check().id() + " " + f.protocol() + " " + f.ports()).contains(
                "required-reachable udp 8472", "required-reachable tcp 10256", "required-reachable tcp 30080");
    }

    @Test
    void aLoopbackListenerInsideTheNodePortRangeIsNoBrokenNodePort() {
        AuditReport report = SocketAudit.audit(policy("kubeadm", null, null), NodeRole.of("worker"), List.of(new AuditInput("w",
                "tcp LISTEN 0 4096 127.0.0.1:30514 0.0.0.0:* users:((\"app\",pid=7,fd=3))\n")));
        Finding app = finding(report, "unlisted-loopback:w:tcp-30514");
        assertThat(app.message()).isEqualTo("TCP 30514 (app, pid 7) listens on 127.0.0.1:30514 only; the policy opens TCP "
                + "30000-32767 from all nodes: NodePort Services; TCP 30000-32767 from nodeport-clients: NodePort Services, which "
                + "packet rules serve (kube-proxy), not a socket: this loopback listener is unreachable from other hosts");
    }

    @Test
    void aRequiredPortNothingListensOnNamesTheOptionThatAddsItAndSuggestsDroppingIt() {
        AuditReport report = audit(policy("kubeadm", "calico", null), "control-plane", "sockets/netstat-tulpn-kubeadm-calico.txt");
        Finding typha = finding(report, "required-not-listening:netstat-tulpn-kubeadm-calico.txt:tcp-5473");
        assertThat(typha.severity()).isEqualTo(Severity.LOW);
        assertThat(typha.message()).isEqualTo("nothing listens on TCP 5473 (Calico networking with Typha), which the policy "
                + "opens because option calico-typha is enabled (TCP 5473 from all nodes: Calico networking with Typha)");
        assertThat(typha.fix()).isEqualTo("if this cluster does not use calico-typha, drop it from --options (audit, plan and "
                + "stack) so the policy stops opening TCP 5473");
        assertThat(typha.locations()).containsExactly(new Location("netstat-tulpn-kubeadm-calico.txt", 0));
        assertThat(report.findings()).extracting(Finding::id).doesNotContain(
                "required-not-listening:netstat-tulpn-kubeadm-calico.txt:tcp-179",
                "required-not-listening:netstat-tulpn-kubeadm-calico.txt:tcp-10250");
    }

    @Test
    void aVxlanSocketUnderIpInIpHintsThatCalicoVxlanIsOn() {
        AuditReport report = audit(policy("kubeadm", "calico", null), "control-plane", "sockets/netstat-tulpn-kubeadm-calico.txt");
        assertThat(finding(report, "unlisted-listener:netstat-tulpn-kubeadm-calico.txt:udp-4789").fix())
                .isEqualTo("stop it or bind it to 127.0.0.1; if others must reach it, add an extra rule for it; "
                        + "or enable option calico-vxlan if it is meant to serve others");
        assertThat(finding(report, "option-hint:netstat-tulpn-kubeadm-calico.txt:udp-4789:calico-vxlan").message())
                .isEqualTo("UDP 4789 listens on :::4789; option calico-vxlan of kubeadm opens it (Calico networking with VXLAN): "
                        + "the option seems to be on");
        assertThat(finding(report, "unlisted-listener:netstat-tulpn-kubeadm-calico.txt:tcp-80").subject())
                .isEqualTo("netstat-tulpn-kubeadm-calico.txt: 0.0.0.0:80 (nginx: master, pid 2210)");
        assertThat(report.notes()).contains("netstat-tulpn-kubeadm-calico.txt: some addresses are cut (netstat fits them to its "
                + "column; use netstat -W): they are judged as specific node addresses");
        assertThat(finding(report, "required-reachable:netstat-tulpn-kubeadm-calico.txt:tcp-10250").subject())
                .isEqualTo("netstat-tulpn-kubeadm-calico.txt: 2001:db8:1234:567:10250 (kubelet, pid 4152)");
    }

    @Test
    void oneInputPerNodeGivesEachNodeItsOwnFindingIds() {
        FirewallPolicy policy = policy("kubeadm", null, null);
        AuditReport report = SocketAudit.audit(policy, NodeRole.of("control-plane"), List.of(
                new AuditInput("cp-1.txt", Fixtures.text("sockets/seed-002.txt")),
                new AuditInput("cp-2.txt", Fixtures.text("sockets/seed-002.txt"))));
        assertThat(report.findings()).extracting(Finding::id)
                .contains("unlisted-listener:cp-1.txt:tcp-8888", "unlisted-listener:cp-2.txt:tcp-8888");
        assertThat(report.findings()).hasSize(22);
        assertThat(report.context()).containsEntry("nodes", "2");
    }

    @Test
    void findingIdsDoNotDependOnTheOrderOfLines() {
        String seed = Fixtures.text("sockets/seed-002.txt");
        List<String> reversed = new java.util.ArrayList<>(seed.lines().toList());
        java.util.Collections.reverse(reversed);
        FirewallPolicy policy = policy("kubeadm", null, null);
        AuditReport forward = SocketAudit.audit(policy, NodeRole.of("control-plane"), List.of(new AuditInput("n", seed)));
        AuditReport backward = SocketAudit.audit(policy, NodeRole.of("control-plane"), List.of(new AuditInput("n", String.join("\n", reversed))));
        assertThat(backward.findings()).extracting(Finding::id, Finding::check)
                .containsExactlyElementsOf(forward.findings().stream().map(f -> tuple(f.id(), f.check())).toList());
    }

    @Test
    void anInputWithoutSocketLinesIsRefusedByName() {
        assertThatThrownBy(() -> SocketAudit.audit(policy("kubeadm", null, null), NodeRole.of("worker"),
                List.of(new AuditInput("notes.md", "# nothing here\n"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("input 'notes.md' holds no listening socket: expected the output of ss -tulpn, ss -Htulpn, "
                        + "netstat -tulpn or netstat -npl (0 socket lines, none listening)");
    }

    @Test
    void aRoleTheDistributionLacksIsRefused() {
        assertThatThrownBy(() -> audit(policy("kubeadm", null, null), "server", "sockets/seed-002.txt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("role of kubeadm 'server' is unknown: allowed values are control-plane, worker");
    }

    @Test
    void twoInputsWithOneNameInFindingIdsAreRefusedRatherThanMerged() {
        String seed = Fixtures.text("sockets/seed-002.txt");
        assertThatThrownBy(() -> SocketAudit.audit(policy("kubeadm", null, null), NodeRole.of("control-plane"),
                List.of(new AuditInput("-", seed), new AuditInput("stdin", seed))))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("inputs '-' and 'stdin' are both named stdin in finding ids: give each node's input once, "
                        + "under a name of its own");
    }
}
