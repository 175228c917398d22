package dev.portcullis.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SocketParserTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "'0.0.0.0', WILDCARD",
            "'::', WILDCARD",
            "'*', WILDCARD",
            "'[::]', WILDCARD",
            "'127.0.0.1', LOOPBACK",
            "'127.0.0.53%lo', LOOPBACK",
            "'127.1.2.3', LOOPBACK",
            "'::1', LOOPBACK",
            "'[::1]', LOOPBACK",
            "'[::ffff:127.0.0.1]', LOOPBACK",
            "'0.0.0.0%lo', LOOPBACK",
            "'192.168.163.11', SPECIFIC",
            "'[::ffff:10.0.1.10]', SPECIFIC",
            "'192.0.2.40%eth0', SPECIFIC",
            "'[fe80::1]%eth0', SPECIFIC",
            "'2001:db8:1234:567', SPECIFIC",
    })
    void bindAddressesAreClassifiedByWhoCanReachThem(String address, BindAddress.Scope scope) {
        assertThat(BindAddress.parse(address).scope()).isEqualTo(scope);
    }

    @Test
    void anAddressNetstatCutIsSpecificButMarkedUnparsed() {
        assertThat(BindAddress.parse("2001:db8:1234:567").parsed()).isFalse();
        assertThat(BindAddress.parse("2001:db8::1").parsed()).isTrue();
    }

    @Test
    void seed002KeepsItsEightKubeAndFourEtcdListenersAndSkipsEverythingElse() {
        SocketParser.Parsed parsed = SocketParser.parse("seed-002.txt", Fixtures.text("sockets/seed-002.txt"));
        assertThat(parsed.listeners()).extracting(Listener::line, Listener::protocol, Listener::endpoint, Listener::port,
                        l -> l.process().orElse(""), l -> l.pid().orElse(-1))
                .containsExactly(
                        tuple(23, "tcp", "127.0.0.1:10249", 10249, "kube-proxy", 4715),
                        tuple(24, "tcp", "127.0.0.1:10248", 10248, "kubelet", 4152),
                        tuple(25, "tcp", "127.0.0.1:10257", 10257, "kube-controlle", 3876),
                        tuple(26, "tcp", "127.0.0.1:10259", 10259, "kube-scheduler", 3361),
                        tuple(27, "tcp", ":::6443", 6443, "kube-apiserver", 3378),
                        tuple(28, "tcp", ":::8888", 8888, "kubectl", 4286),
                        tuple(29, "tcp", ":::10256", 10256, "kube-proxy", 4715),
                        tuple(30, "tcp", ":::10250", 10250, "kubelet", 4152),
                        tuple(36, "tcp", "127.0.0.1:2379", 2379, "etcd", 3665),
                        tuple(37, "tcp", "127.0.0.1:2381", 2381, "etcd", 3665),
                        tuple(38, "tcp", "192.168.163.11:2379", 2379, "etcd", 3665),
                        tuple(39, "tcp", "192.168.163.11:2380", 2380, "etcd", 3665));
        assertThat(parsed.unixLines()).isEqualTo(2);
        assertThat(parsed.sawTcp()).isTrue();
        assertThat(parsed.sawUdp()).isFalse();
    }

    @Test
    void ssWithHeaderReadsEveryUserFormatAndTheKernelsOwnSockets() {
        SocketParser.Parsed parsed = SocketParser.parse("n", Fixtures.text("sockets/ss-tulpn-rke2-server.txt"));
        assertThat(parsed.listeners()).extracting(Listener::protocol, Listener::endpoint, l -> l.process().orElse("-"))
                .contains(tuple("udp", "127.0.0.53%lo:53", "systemd-resolve"),
                        tuple("udp", "0.0.0.0:8472", "-"),
                        tuple("tcp", "*:6443", "kube-apiserver"),
                        tuple("tcp", "[::ffff:127.0.0.1]:10257", "kube-controller"),
                        tuple("tcp", "[::]:22", "sshd"));
        assertThat(parsed.listeners()).hasSize(15);
        assertThat(parsed.sawUdp()).isTrue();
    }

    @Test
    void ssWithoutHeaderSkipsEstablishedConnections() {
        SocketParser.Parsed parsed = SocketParser.parse("n", Fixtures.text("sockets/ss-Htulpn-kubeadm-worker.txt"));
        assertThat(parsed.listeners()).extracting(Listener::endpoint)
                .containsExactly("0.0.0.0:8472", "127.0.0.1:10250", "127.0.0.1:10248", "127.0.0.1:10249", "*:10256", "*:30080");
        assertThat(parsed.notListening()).isEqualTo(1);
    }

    @Test
    void netstatKeepsProgramNamesWithSpacesAndSkipsConnectedUdpAndUnixSockets() {
        SocketParser.Parsed parsed = SocketParser.parse("n", Fixtures.text("sockets/netstat-tulpn-kubeadm-calico.txt"));
        assertThat(parsed.listeners()).extracting(Listener::protocol, Listener::endpoint, l -> l.process().orElse("-"))
                .containsExactly(
                        tuple("tcp", "0.0.0.0:179", "bird"),
                        tuple("tcp", "127.0.0.1:10257", "kube-controlle"),
                        tuple("tcp", "127.0.0.1:10259", "kube-schedule"),
                        tuple("tcp", "10.0.1.10:2379", "etcd"),
                        tuple("tcp", "10.0.1.10:2380", "etcd"),
                        tuple("tcp", "127.0.0.1:2381", "etcd"),
                        tuple("tcp", "0.0.0.0:80", "nginx: master"),
                        tuple("tcp", ":::6443", "kube-apiserver"),
                        tuple("tcp", "2001:db8:1234:567:10250", "kubelet"),
                        tuple("tcp", "::1:631", "cupsd"),
                        tuple("udp", "0.0.0.0:68", "dhclient"),
                        tuple("udp", ":::4789", "-"));
        assertThat(parsed.notListening()).isEqualTo(1);
        assertThat(parsed.unixLines()).isEqualTo(1);
    }

    @Test
    void ssWithOneSocketKindHasNoNetidColumnAndTheStateTellsTheProtocol() {
        SocketParser.Parsed parsed = SocketParser.parse("n", """
                State  Recv-Q Send-Q Local Address:Port Peer Address:Port Process
                LISTEN 0      4096       127.0.0.1:10248     0.0.0.0:*     users:(("kubelet",pid=912,fd=20))
                UNCONN 0      0            0.0.0.0:8472      0.0.0.0:*
                """);
        assertThat(parsed.listeners()).extracting(Listener::protocol, Listener::port).containsExactly(tuple("tcp", 10248), tuple("udp", 8472));
    }

    @Test
    void olderSsPrintsUsersWithoutPidKeys() {
        SocketParser.Parsed parsed = SocketParser.parse("n",
                "tcp    LISTEN     0      128       :::22       :::*      users:((\"sshd\",1234,4))\n");
        assertThat(parsed.listeners()).extracting(l -> l.process().orElseThrow(), l -> l.pid().getAsInt(), Listener::endpoint)
                .containsExactly(tuple("sshd", 1234, ":::22"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "tcp LISTEN 0 4096 *:10250 *:* users:((\"kubelet\",pid=123456789012345678901,fd=25))",
            "tcp6 0 0 :::10250 :::* LISTEN 99999999999/kubelet",
    })
    void aPidTooLongToBeOneIsLeftOutAndTheListenerKept(String line) {
        SocketParser.Parsed parsed = SocketParser.parse("n", line + "\n");
        assertThat(parsed.listeners()).extracting(Listener::port, l -> l.process().orElseThrow(), l -> l.pid().isPresent())
                .containsExactly(tuple(10250, "kubelet", false));
    }

    @Test
    void colourEscapesLeftByGrepAreIgnored() {
        SocketParser.Parsed parsed = SocketParser.parse("n", "tcp6       0      0 :::6443                 :::*"
                + "                    LISTEN      3378/\u001B[01;31m\u001B[Kkube\u001B[m\u001B[K-apiserver \n");
        assertThat(parsed.listeners()).extracting(l -> l.process().orElseThrow()).containsExactly("kube-apiserver");
    }

    @Test
    void serviceNamesInsteadOfPortsAreCountedNotGuessed() {
        SocketParser.Parsed parsed = SocketParser.parse("n", "tcp   LISTEN 0 128 0.0.0.0:ssh 0.0.0.0:* users:((\"sshd\",pid=1,fd=3))\n");
        assertThat(parsed.listeners()).isEmpty();
        assertThat(parsed.serviceNames()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "kube-controlle, kube-controller-manager (printed as kube-controlle)",
            "kube-controller, kube-controller-manager (printed as kube-controller)",
            "kube-schedule, kube-scheduler (printed as kube-schedule)",
            "kube-apiserver, kube-apiserver",
            "etcd, etcd",
            "kubectl, kubectl",
            "kube-apiserve, kube-apiserver (printed as kube-apiserve)",
            "kube-, kube-",
    })
    void truncatedKubernetesProcessNamesAreRestored(String printed, String described) {
        assertThat(ProcessNames.describe(printed)).isEqualTo(described);
    }
}
