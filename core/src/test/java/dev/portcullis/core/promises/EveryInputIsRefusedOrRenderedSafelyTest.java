package dev.portcullis.core.promises;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.Strictness;
import com.google.gson.internal.Streams;
import com.google.gson.stream.JsonReader;
import dev.portcullis.core.BindingSyntax;
import dev.portcullis.core.Blueprint;
import dev.portcullis.core.Cidr;
import dev.portcullis.core.ClusterRequest;
import dev.portcullis.core.ClusterSpec;
import dev.portcullis.core.Direction;
import dev.portcullis.core.FirewallPolicy;
import dev.portcullis.core.FirewallRule;
import dev.portcullis.core.InternetExposure;
import dev.portcullis.core.NodeRole;
import dev.portcullis.core.Peer;
import dev.portcullis.core.PolicyCompiler;
import dev.portcullis.core.Protocol;
import dev.portcullis.core.catalog.Catalog;
import dev.portcullis.core.render.MermaidDiagram;
import dev.portcullis.core.render.NftablesRuleset;
import dev.portcullis.core.render.PolicyJson;
import dev.portcullis.core.render.PortMatrix;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Arbitrary text and address sets through every input path of a cluster (peer bindings, user rules'
 * ends, protocols, ports and descriptions, allowInternet, IP family) into every renderer. For each
 * try, three things hold:
 * <ol>
 *   <li>the input is refused with a one-line message naming the field, or every output parses: the
 *       nftables ruleset by {@code nft -c}, the JSON by a strict parser, the Markdown with no raw HTML;</li>
 *   <li>the description never changes what is admitted;</li>
 *   <li>no internet-wide set of sources reaches a port that is not public by design, checked port by
 *       port with a brute-force oracle independent of the gate's own segment arithmetic.</li>
 * </ol>
 */
class EveryInputIsRefusedOrRenderedSafelyTest {
    private static final List<String> FIELDS = List.of("peers.", "extraRules[", "description", "ipFamily", "allowInternet",
            "external peer", "internet exposure refused", "cni", "option");
    private static boolean nftAvailable;
    private static Path scratch;

    @BeforeContainer
    static void tools() throws IOException {
        nftAvailable = Files.isExecutable(Path.of("/usr/sbin/nft")) && "root".equals(System.getProperty("user.name"));
        scratch = Files.createTempDirectory("portcullis-fuzz");
        scratch.toFile().deleteOnExit();
    }

    record Input(String distribution, String ipFamily, List<String> adminBindings, List<String> allowInternet,
            String ruleFrom, String ruleTo, String ruleProtocol, String rulePorts, String description) {}

    @Property(tries = 500)
    void refusedWithANamedFieldOrRenderedSafely(@ForAll("inputs") Input input) throws Exception {
        FirewallPolicy policy;
        try {
            policy = PolicyCompiler.compile(request(input, input.description()).toSpec(BindingSyntax.CIDRS));
        } catch (IllegalArgumentException refused) {
            Statistics.collect(refused.getMessage().startsWith("internet exposure refused") ? "refused by the gate"
                    : "refused at input: " + refused.getMessage().split("[ :'\\[]")[0]);
            String message = refused.getMessage();
            assertThat(message).as("refusal message").isNotBlank().doesNotContain("\n").doesNotContain("\r");
            assertThat(FIELDS).as("a field named in: " + message).anyMatch(message::contains);
            return;
        }
        Statistics.collect(policy.allowedExposures().isEmpty() ? "rendered" : "rendered with an allowed exposure");
        // 1. Every renderer's output parses.
        assertStrictJson(PolicyJson.render(policy));
        String markdown = PortMatrix.render(policy) + MermaidDiagram.render(policy).replace("<br/>", "");
        assertThat(markdown).doesNotContain("<").doesNotContain("\r");
        for (NodeRole role : policy.spec().blueprint().roles()) {
            String ruleset = NftablesRuleset.render(policy, role);
            assertThat(ruleset.lines()).allSatisfy(line -> assertThat(line.chars().allMatch(c -> c >= 0x20 && c < 0x7f))
                    .as(line).isTrue());
            if (nftAvailable) {
                assertNftAccepts(ruleset);
            }
        }
        // 2. The words never change what is admitted.
        FirewallPolicy plain = PolicyCompiler.compile(request(input, "plain words").toSpec(BindingSyntax.CIDRS));
        assertThat(policy.rules().stream().map(FirewallRule::identity).toList())
                .isEqualTo(plain.rules().stream().map(FirewallRule::identity).toList());
        // 3. The internet reaches no private port.
        assertNoUnconsentedInternetExposure(policy);
    }

    private static ClusterRequest request(Input input, String description) {
        Blueprint blueprint = Catalog.blueprint(input.distribution());
        Map<String, List<String>> peers = new java.util.LinkedHashMap<>();
        blueprint.externalPeers().keySet().forEach(p -> peers.put(p, List.of()));
        peers.put("admins", input.adminBindings());
        return new ClusterRequest(input.distribution(), Optional.empty(), Optional.empty(), List.of(), input.ipFamily(), ClusterRequest.parsePeers(BindingSyntax.CIDRS, peers),
                input.allowInternet(), List.of(ClusterRequest.UserRule.of(input.ruleFrom(), input.ruleTo(), input.ruleProtocol(),
                        input.rulePorts(), description)), "private", Map.of(), "least-privilege");
    }

    private static void assertStrictJson(String json) throws IOException {
        JsonReader reader = new JsonReader(new StringReader(json));
        reader.setStrictness(Strictness.STRICT);
        JsonElement parsed = Streams.parse(reader);
        assertThat(parsed.isJsonObject()).isTrue();
    }

    private static void assertNftAccepts(String ruleset) throws Exception {
        Path file = Files.createTempFile(scratch, "ruleset", ".nft");
        try {
            Files.writeString(file, ruleset, StandardCharsets.UTF_8);
            Process nft = new ProcessBuilder("/usr/sbin/nft", "-c", "-f", file.toString()).redirectErrorStream(true).start();
            String output = new String(nft.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(nft.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(nft.exitValue()).as("nft -c: " + output + "\n" + ruleset).isZero();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Port by port, with no segment arithmetic: every rule edge is a port worth asking about. */
    static void assertNoUnconsentedInternetExposure(FirewallPolicy policy) {
        ClusterSpec spec = policy.spec();
        for (NodeRole role : spec.blueprint().roles()) {
            List<FirewallRule> inbound = policy.rules().stream()
                    .filter(r -> r.direction() == Direction.INGRESS)
                    .filter(r -> r.target() instanceof Peer.AllNodes || r.target().equals(Peer.role(role)))
                    .filter(r -> r.peer() instanceof Peer.Remote remote && remote.cidr().isPresent())
                    .filter(r -> r.origins().isEmpty() || !spec.internetAllowed().containsAll(r.origins()))
                    .toList();
            for (Protocol protocol : List.of(Protocol.TCP, Protocol.UDP)) {
                TreeSet<Integer> ports = new TreeSet<>(List.of(0, 65535));
                inbound.forEach(r -> r.ports().ifPresent(p -> { ports.add(p.from()); ports.add(p.to()); }));
                for (int port : ports) {
                    List<Cidr> sources = new ArrayList<>();
                    for (FirewallRule rule : inbound) {
                        boolean all = rule.protocol().equals(Protocol.ALL);
                        if (all || (rule.protocol().equals(protocol) && covers(rule.ports().orElseThrow(), port))) {
                            sources.add(((Peer.Remote) rule.peer()).cidr().orElseThrow());
                        }
                    }
                    if (InternetExposure.isInternetWide(sources)) {
                        assertThat(publicByDesign(spec, role, protocol, port))
                                .as(role + " " + protocol.displayName() + " " + port + " from " + sources).isTrue();
                    }
                }
            }
        }
    }

    private static boolean publicByDesign(ClusterSpec spec, NodeRole role, Protocol protocol, int port) {
        return PolicyCompiler.activeRequirements(spec).stream().anyMatch(r -> r.publicClients() && !r.isLocal()
                && r.protocol().equals(protocol) && r.ports().map(p -> covers(p, port)).orElse(false)
                && (r.destination() instanceof Peer.AllNodes || r.destination().equals(Peer.role(role))));
    }

    @Provide
    Arbitrary<Input> inputs() {
        Arbitrary<String> hostile = Arbitraries.strings().all().ofMaxLength(40);
        Arbitrary<String> words = Arbitraries.of("ssh", "dashboard", "<!-- x -->", "`a`|b", "a\"b\\c;", "ok\nip saddr 0.0.0.0/0 accept",
                "#", "é ü ß", "x".repeat(300), "\u202eevil");
        Arbitrary<String> description = Arbitraries.frequencyOf(Tuple.of(1, hostile), Tuple.of(3, words));
        Arbitrary<String> cidrs = Arbitraries.of("0.0.0.0/0", "0.0.0.0/1", "128.0.0.0/1", "64.0.0.0/2", "8.0.0.0/7",
                "17.0.0.0/10", "17.64.0.0/10", "10.0.0.0/8", "192.0.2.0/24", "203.0.113.7/32");
        Arbitrary<String> cidrs6 = Arbitraries.of("::/0", "::/1", "8000::/1", "2000::/3", "2001:db8::/32", "2600::/20");
        Arbitrary<String> malformed = Arbitraries.of("10.0.0.1", "fe80::%eth0/64", "10.0.0.1/16", "sg-0123abcd", "", " ",
                "0.0.0.0/33", "::ffff:1.2.3.4/128");
        Arbitrary<String> binding = Arbitraries.frequencyOf(Tuple.of(12, cidrs), Tuple.of(4, cidrs6), Tuple.of(1, malformed),
                Tuple.of(1, hostile));
        Arbitrary<String> end = Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.just("all-nodes")),
                Tuple.of(12, Arbitraries.of("admins", "0.0.0.0/0", "128.0.0.0/1", "17.0.0.0/10", "2001:db8::/32")),
                Tuple.of(1, Arbitraries.of("bogus", "sg-1", "")), Tuple.of(1, hostile));
        Arbitrary<String> protocol = Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.of("tcp", "udp")),
                Tuple.of(2, Arbitraries.of("icmp", "all", "4", "esp", "TCP", "-1")), Tuple.of(1, hostile));
        Arbitrary<String> ports = Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.of("22", "6443", "6444", "1-65535",
                "30000-32767", "80")), Tuple.of(2, Arbitraries.of("0", "65536", "10-1")), Tuple.of(1, hostile));
        Arbitrary<List<String>> allow = Arbitraries.of("admins", "nobody", "pod-network").list().ofMaxSize(2);
        Arbitrary<String> distribution = Arbitraries.of(Catalog.names());
        Arbitrary<String> family = Arbitraries.frequency(Tuple.of(4, "ipv4"), Tuple.of(4, "dual"), Tuple.of(1, "ipv6"),
                Tuple.of(1, "both"));
        return Combinators.combine(distribution, family, binding.list().ofMaxSize(3), allow, end, end, protocol, ports)
                // One end must be the cluster's nodes: half the draws put all-nodes at the far end.
                .as((d, f, b, a, from, to, p, r) -> new Object[] {d, f, b, a, from, from.equals("all-nodes") ? to : "all-nodes", p, r})
                .flatMap(parts -> description.map(text -> new Input((String) parts[0], (String) parts[1],
                        castList(parts[2]), castList(parts[3]), (String) parts[4], (String) parts[5], (String) parts[6],
                        (String) parts[7], text)));
    }

    private static boolean covers(dev.portcullis.core.PortRange range, int port) {
        return range.from() <= port && port <= range.to();
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object list) {
        return (List<String>) list;
    }


}
