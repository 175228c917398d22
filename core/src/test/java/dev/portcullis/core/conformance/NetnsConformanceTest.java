package dev.portcullis.core.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.core.Blueprint;
import dev.portcullis.core.ClusterSpec;
import dev.portcullis.core.Direction;
import dev.portcullis.core.FirewallPolicy;
import dev.portcullis.core.FirewallRule;
import dev.portcullis.core.NodeRole;
import dev.portcullis.core.Peer;
import dev.portcullis.core.PolicyCompiler;
import dev.portcullis.core.Protocol;
import dev.portcullis.core.catalog.Catalog;
import dev.portcullis.core.render.NftablesRuleset;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves the host rulesets on the kernel's own packet filter: one network namespace per role plus
 * an outside host, joined by a bridge in a namespace of its own (198.18.0.0/24, the benchmarking
 * range), each node's nftables ruleset loaded, real listeners started, then probed. Every required
 * flow must pass; the ports just outside each allowed range and a sample of unrequired ports must
 * not. Probes are bounded (one second each, run in parallel) and every namespace is deleted.
 */
class NetnsConformanceTest {
    private static final String OUTSIDE = "198.18.0.200";
    private static final List<Integer> UNREQUIRED_SAMPLE = List.of(22, 2222, 8080, 12345, 40000);
    private static final Pattern SET = Pattern.compile("^  set (\\w+)_v4 \\{$", Pattern.MULTILINE);
    private static final RunNamespaces NAMESPACES = RunNamespaces.create();
    private static String skipReason;

    @BeforeAll
    static void namespacesAvailable() {
        try {
            RunNamespaces.removeStale().forEach(n -> System.out.println("[conformance] removed " + n + " of an interrupted run"));
            Process p = new ProcessBuilder("ip", "netns", "add", NAMESPACES.name("probe")).redirectErrorStream(true).start();
            boolean ok = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
            run("ip", "netns", "del", NAMESPACES.name("probe"));
            boolean nft = Files.isExecutable(Path.of("/usr/sbin/nft"));
            skipReason = !ok ? "cannot create network namespaces here (needs root and iproute2)"
                    : !nft ? "nftables is not installed (apt-get install nftables)" : null;
        } catch (IOException | InterruptedException e) {
            skipReason = "cannot run ip: " + e.getMessage();
        }
        if (skipReason != null) {
            System.out.println("[conformance] SKIPPED: " + skipReason);
        }
    }

    /** Every distribution's default, one other CNI each, and some non-default options. */
    static Stream<Arguments> clusters() {
        return Stream.of(
                Arguments.of("rke2", "canal", null), Arguments.of("rke2", "cilium", null),
                Arguments.of("k3s", "flannel", null), Arguments.of("k3s", "none", null),
                Arguments.of("k3s", "flannel", "wireguard-native,ha-embedded-etcd"),
                Arguments.of("kubeadm", "none", null), Arguments.of("kubeadm", "calico", null),
                Arguments.of("rke1", "canal", null), Arguments.of("rke1", "flannel", "node-driver,remote-access"),
                Arguments.of("deckhouse", "cilium", null), Arguments.of("deckhouse", "flannel", "metallb,openvpn"),
                Arguments.of("talos", "flannel", null),
                Arguments.of("talos", "cilium", "cilium-vxlan,hubble,kubespan,maintenance-mode,etcd-metrics,discovery"),
                Arguments.of("k0s", "kube-router", null), Arguments.of("k0s", "calico", null),
                Arguments.of("microk8s", "calico", null), Arguments.of("microk8s", "flannel", "ingress,nodeports,observability"),
                Arguments.of("openshift", "ovn-kubernetes", null),
                Arguments.of("openshift", "openshift-sdn", "ssh,bootstrap-journal,nodeports,service-load-balancers"),
                Arguments.of("openshift", "ovn-kubernetes", "ipsec"));
    }

    record Host(String name, String address, NodeRole role) {}

    record Probe(String source, String protocol, String address, int port, boolean expected, String why) {
        String line() {
            return protocol + " " + address + " " + port;
        }
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("clusters")
    void theKernelCarriesExactlyTheRequiredFlows(String distribution, String cni, String options, @TempDir Path dir)
            throws Exception {
        Assumptions.assumeTrue(skipReason == null, skipReason);
        Blueprint blueprint = Catalog.blueprint(distribution);
        ClusterSpec.Builder spec = ClusterSpec.builder(blueprint).cni(cni);
        if (options != null) {
            spec.options(List.of(options.split(",")));
        }
        blueprint.externalPeers().keySet().forEach(peer -> spec.bind(peer, Peer.cidr(OUTSIDE + "/32")));
        blueprint.externalPeers().keySet().forEach(spec::allowInternet);
        FirewallPolicy policy = PolicyCompiler.compile(spec.build());

        List<Host> nodes = new ArrayList<>();
        for (int i = 0; i < blueprint.roles().size(); i++) {
            nodes.add(new Host(NAMESPACES.name("n" + i), "198.18.0." + (10 + i), blueprint.roles().get(i)));
        }
        Host outside = new Host(NAMESPACES.name("out"), OUTSIDE, null);
        List<Host> hosts = new ArrayList<>(nodes);
        hosts.add(outside);

        List<Probe> probes = probes(policy, nodes, outside);
        List<Process> agents = new ArrayList<>();
        try {
            network(hosts);
            for (Host node : nodes) {
                Path file = dir.resolve(node.role() + ".nft");
                String ruleset = NftablesRuleset.render(policy, node.role());
                Files.writeString(file, ruleset, StandardCharsets.UTF_8);
                run("ip", "netns", "exec", node.name(), "nft", "-f", file.toString());
                Matcher sets = SET.matcher(ruleset);
                while (sets.find()) {
                    String set = sets.group(1);
                    String members = nodes.stream()
                            .filter(n -> set.equals("all_nodes") || set.equals(n.role().name().replace('-', '_')))
                            .map(Host::address).collect(Collectors.joining(", "));
                    run("ip", "netns", "exec", node.name(), "nft", "add", "element", "inet", "portcullis", set + "_v4",
                            "{ " + members + " }");
                }
                agents.add(listen(node, probes));
            }
            Map<Probe, Boolean> results = runProbes(hosts, probes);
            long allowed = probes.stream().filter(p -> p.expected() && results.get(p)).count();
            long denied = probes.stream().filter(p -> !p.expected() && !results.get(p)).count();
            List<String> failures = probes.stream().filter(p -> results.get(p) != p.expected())
                    .map(p -> p.source() + " -> " + p.line() + ": expected " + (p.expected() ? "open" : "closed") + " (" + p.why() + ")")
                    .toList();
            System.out.printf("[conformance] %s %s %s: %d flows probed, %d allowed as required, %d denied as required, %d failures%n",
                    distribution, cni, options == null ? "(default options)" : options, probes.size(), allowed, denied,
                    failures.size());
            assertThat(failures).isEmpty();
            assertThat(allowed).isPositive();
            assertThat(denied).isPositive();
        } finally {
            agents.forEach(Process::destroyForcibly);
            for (Host host : hosts) {
                quietly("ip", "netns", "del", host.name());
            }
            quietly("ip", "netns", "del", BRIDGE);
        }
    }

    /** Expectations from the policy: what each source may reach on each node, and what it may not. */
    private static List<Probe> probes(FirewallPolicy policy, List<Host> nodes, Host outside) {
        List<Probe> probes = new ArrayList<>();
        List<Host> sources = new ArrayList<>(nodes);
        sources.add(outside);
        for (Host target : nodes) {
            List<Peer.Nodes> groups = policy.groupsFor(List.of(target.role()));
            List<FirewallRule> rules = policy.rules(Direction.INGRESS).stream().filter(r -> groups.contains(r.target())).toList();
            for (Host source : sources) {
                if (source == target) {
                    continue;
                }
                List<FirewallRule> applicable = rules.stream().filter(r -> admits(r.peer(), source)).toList();
                // A routed pod network (bound here to the outside host) is admitted for every protocol and port.
                boolean everything = applicable.stream().anyMatch(r -> r.protocol() instanceof Protocol.AllTraffic);
                for (Protocol protocol : List.of(Protocol.TCP, Protocol.UDP)) {
                    TreeSet<Integer> open = new TreeSet<>();
                    applicable.stream().filter(r -> r.protocol().equals(protocol))
                            .forEach(r -> { for (int p = r.ports().get().from(); p <= r.ports().get().to(); p++) { open.add(p); } });
                    TreeSet<Integer> sample = new TreeSet<>(UNREQUIRED_SAMPLE);
                    for (FirewallRule rule : applicable) {
                        if (rule.protocol().equals(protocol)) {
                            sample.add(rule.ports().get().from());
                            sample.add(rule.ports().get().to());
                        }
                    }
                    for (FirewallRule rule : rules) { // edges of every range on the node, for every source
                        if (rule.protocol().equals(protocol)) {
                            sample.add(rule.ports().get().from() - 1);
                            sample.add(rule.ports().get().to() + 1);
                            sample.add(rule.ports().get().from());
                        }
                    }
                    for (int port : sample) {
                        if (port >= 1 && port <= 65535) {
                            boolean required = everything || open.contains(port);
                            probes.add(new Probe(source.name(), protocol.key(), target.address(), port, required,
                                    required ? "required" : "not required from " + source.name()));
                        }
                    }
                }
                boolean ping = everything || applicable.stream().anyMatch(r -> r.protocol() instanceof Protocol.Icmp icmp
                        && icmp.ipFamily() == dev.portcullis.core.IpFamily.IPV4);
                probes.add(new Probe(source.name(), "icmp", target.address(), 0, ping, ping ? "required" : "no ICMP rule"));
            }
        }
        return probes;
    }

    private static boolean admits(Peer peer, Host source) {
        if (peer instanceof Peer.AllNodes) {
            return source.role() != null;
        }
        if (peer instanceof Peer.RolePeer role) {
            return role.role().equals(source.role());
        }
        return peer instanceof Peer.Remote remote && source.role() == null
                && remote.cidr().map(c -> c.toString().equals(source.address() + "/32")).orElse(false);
    }

    private static final String BRIDGE = NAMESPACES.name("bridge");

    private static void network(List<Host> hosts) throws Exception {
        run("ip", "netns", "add", BRIDGE);
        run("ip", "-n", BRIDGE, "link", "add", "br0", "type", "bridge");
        run("ip", "-n", BRIDGE, "link", "set", "br0", "up");
        for (Host host : hosts) {
            String peer = "v-" + host.name().substring(host.name().lastIndexOf('-') + 1); // veth names: 15 characters at most
            run("ip", "netns", "add", host.name());
            run("ip", "-n", host.name(), "link", "add", "eth0", "type", "veth", "peer", "name", peer, "netns", BRIDGE);
            run("ip", "-n", BRIDGE, "link", "set", peer, "master", "br0", "up");
            run("ip", "-n", host.name(), "addr", "add", host.address() + "/24", "dev", "eth0");
            run("ip", "-n", host.name(), "link", "set", "eth0", "up");
            run("ip", "-n", host.name(), "link", "set", "lo", "up");
        }
    }

    private static Process listen(Host node, List<Probe> probes) throws Exception {
        String tcp = ports(probes, node, "tcp");
        String udp = ports(probes, node, "udp");
        Process agent = new ProcessBuilder("ip", "netns", "exec", node.name(), java(), "-cp", testClasses(),
                NetnsAgent.class.getName(), "listen", tcp, udp, "120").redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(agent.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("listener in " + node.name()).isEqualTo("READY");
        return agent;
    }

    private static String ports(List<Probe> probes, Host node, String protocol) {
        String list = probes.stream().filter(p -> p.address().equals(node.address()) && p.protocol().equals(protocol))
                .map(Probe::port).distinct().sorted().map(String::valueOf).collect(Collectors.joining(","));
        return list.isEmpty() ? "-" : list;
    }

    private static Map<Probe, Boolean> runProbes(List<Host> hosts, List<Probe> probes) throws Exception {
        Map<Probe, Boolean> results = new LinkedHashMap<>();
        for (Host source : hosts) {
            List<Probe> mine = probes.stream().filter(p -> p.source().equals(source.name())).toList();
            if (mine.isEmpty()) {
                continue;
            }
            Process prober = new ProcessBuilder("ip", "netns", "exec", source.name(), java(), "-cp", testClasses(),
                    NetnsAgent.class.getName(), "probe").redirectErrorStream(true).start();
            prober.getOutputStream().write(mine.stream().map(Probe::line).distinct()
                    .collect(Collectors.joining("\n", "", "\n")).getBytes(StandardCharsets.UTF_8));
            prober.getOutputStream().close();
            Map<String, Boolean> answers = new LinkedHashMap<>();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(prober.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    int space = line.lastIndexOf(' ');
                    answers.put(line.substring(0, space), line.endsWith(" ok"));
                }
            }
            assertThat(prober.waitFor(60, TimeUnit.SECONDS)).isTrue();
            for (Probe probe : mine) {
                results.put(probe, answers.getOrDefault(probe.line(), false));
            }
        }
        return results;
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static String testClasses() {
        return Path.of(NetnsAgent.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static void quietly(String... command) {
        try {
            new ProcessBuilder(command).redirectErrorStream(true).start().waitFor(20, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            // best effort: the namespace may not exist
        }
    }
}
