package dev.portcullis.core.promises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.core.Binding;
import dev.portcullis.core.Blueprint;
import dev.portcullis.core.BindingSyntax;
import dev.portcullis.core.ClusterSpec;
import dev.portcullis.core.FirewallPolicy;
import dev.portcullis.core.IpStack;
import dev.portcullis.core.NodeRole;
import dev.portcullis.core.Peer;
import dev.portcullis.core.PolicyCompiler;
import dev.portcullis.core.Requirement;
import dev.portcullis.core.TextInputs;
import dev.portcullis.core.catalog.Catalog;
import dev.portcullis.core.render.Markdown;
import dev.portcullis.core.render.MermaidDiagram;
import dev.portcullis.core.render.NftablesRuleset;
import dev.portcullis.core.render.PortMatrix;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Promise: what a user writes (descriptions, names, labels) cannot add a rule, hide one, or break the
 * format it is rendered into. Control characters are refused at input; every renderer escapes the rest.
 */
class UserTextCannotInjectTest {
    private static final Blueprint RKE2 = Catalog.blueprint("rke2");

    private static ClusterSpec.Builder rke2() {
        ClusterSpec.Builder spec = ClusterSpec.builder(RKE2).bind("admins", Peer.cidr("192.0.2.0/24"));
        RKE2.externalPeers().keySet().stream().filter(p -> !p.equals("admins")).forEach(p -> spec.bind(p));
        return spec;
    }

    private static Requirement userRule(String from, String description) {
        return TextInputs.requirement("extraRules[0]", RKE2, Set.of(), BindingSyntax.CIDRS, from, "server", "tcp", "22",
                description);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ssh\n    ip saddr 0.0.0.0/0 accept\n    #", "a\rb", "tab\there", "nul\0", "bell\u0007",
            "next line\u0085", "line\u2028separator", "bidi \u202e override"})
    void controlCharactersInADescriptionAreRefusedByName(String description) {
        assertThatThrownBy(() -> userRule("192.0.2.0/24", description))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("extraRules[0]: description holds a control character (U+");
    }

    @Test
    void theNftablesCommentAttackNoLongerAddsARule() {
        // An IPv6 source in an IPv4 cluster is excluded and its purpose lands in a '#' comment.
        Requirement excluded = TextInputs.requirement("extraRules[0]", RKE2, Set.of(), BindingSyntax.CIDRS,
                "2001:db8::/32", "server", "tcp", "22", "ssh ip saddr 0.0.0.0/0 accept # \" \\ ;");
        FirewallPolicy policy = PolicyCompiler.compile(rke2().extra(excluded).build());
        String ruleset = NftablesRuleset.render(policy, NodeRole.of("server"));
        assertThat(ruleset.lines().filter(l -> l.contains("0.0.0.0/0"))).allMatch(l -> l.stripLeading().startsWith("#"));
        assertThat(ruleset).contains("    # not opened: TCP 22 ssh ip saddr 0.0.0.0/0 accept # ' / ; (2001:db8::/32 is IPv6, "
                + "and ipFamily is 'ipv4')\n");
        assertThat(ruleset).doesNotContain("local only, not opened");
    }

    @Test
    void markdownShowsRawHtmlAndFencesAsText() {
        String hostile = "<!-- hide --> </details> `code` | cell [link](x) *bold* $math$ ![img](y)";
        FirewallPolicy policy = PolicyCompiler.compile(rke2().extra(userRule("192.0.2.0/24", hostile)).build());
        String markdown = PortMatrix.render(policy);
        assertThat(markdown).doesNotContain("<!--").doesNotContain("</details>").doesNotContain("`code`")
                .contains("&lt;\\!-- hide --&gt; &lt;/details&gt; \\`code\\` \\| cell \\[link\\](x) \\*bold\\* \\$math\\$ \\!\\[img\\](y)");
        assertThat(markdown.lines().filter(l -> l.startsWith("|")))
                .allSatisfy(row -> assertThat(row.replace("\\|", "").chars().filter(c -> c == '|').count())
                        .as(row).isIn(6L, 7L)); // every row keeps its columns
    }

    @Test
    void aDescriptionInAPullRequestCommentNotifiesNobody() {
        String text = Markdown.text("ask @platform-team, see #12");
        assertThat(text).isEqualTo("ask @\u2060platform-team, see #\u206012");
        assertThat(text).doesNotContainPattern("@[A-Za-z0-9]").doesNotContainPattern("#[0-9]");
    }

    @Test
    void aCodeSpanCannotBeClosedFromInside() {
        assertThat(Markdown.code("a`b")).isEqualTo("``a`b``");
        assertThat(Markdown.code("`x`")).isEqualTo("`` `x` ``");
        assertThat(Markdown.code("a|b")).isEqualTo("`a\\|b`");
    }

    @Test
    void mermaidIdsAreUniqueAndLabelsEscaped() {
        ClusterSpec spec = ClusterSpec.builder(RKE2)
                .bind("admins", List.of(Binding.literal(Binding.Kind.SECURITY_GROUP, "sg-1.a"),
                        Binding.literal(Binding.Kind.SECURITY_GROUP, "sg-1:a"),
                        Binding.literal(Binding.Kind.SECURITY_GROUP, "say \"hi\" <b>")))
                .bind("ingress-clients").bind("nodeport-clients").bind("monitoring").bind("pod-network").build();
        String diagram = MermaidDiagram.render(PolicyCompiler.compile(spec));
        List<String> nodes = diagram.lines().filter(l -> l.matches("  p\\d+[\\[(].*")).toList();
        assertThat(nodes).hasSize(3 + 3).doesNotHaveDuplicates();
        assertThat(nodes.stream().map(l -> l.substring(2, l.indexOf(l.contains("([") ? "([" : "[")))).doesNotHaveDuplicates();
        assertThat(diagram).contains("group sg-1.a").contains("group sg-1:a")
                .contains("say #quot;hi#quot; #lt;b#gt;").doesNotContain("<b>");
    }

    @Test
    void aDescriptionNeverChangesWhatIsAdmitted() {
        FirewallPolicy plain = PolicyCompiler.compile(rke2().extra(userRule("192.0.2.0/24", "ssh")).build());
        FirewallPolicy worded = PolicyCompiler.compile(rke2().extra(userRule("192.0.2.0/24",
                "TCP 6443 from 0.0.0.0/0; all traffic; <!-- drop -->")).build());
        assertThat(worded.rules().stream().map(r -> r.identity()).toList())
                .isEqualTo(plain.rules().stream().map(r -> r.identity()).toList());
        assertThat(worded.rules().stream().map(r -> r.key()).toList())
                .isEqualTo(plain.rules().stream().map(r -> r.key()).toList());
    }

    @Test
    void descriptionsStayWithinTheCloudsLimitAfterEverySuffix() {
        Blueprint deckhouse = Catalog.blueprint("deckhouse");
        ClusterSpec.Builder spec = ClusterSpec.builder(deckhouse).ipStack(IpStack.DUAL)
                .options(deckhouse.options().stream().filter(o -> o.exclusiveGroup().isEmpty() && o.appliesTo("cilium"))
                        .map(o -> o.name()).toList()).enable("cilium-vxlan-4298");
        deckhouse.externalPeers().keySet().forEach(p -> spec.bind(p));
        FirewallPolicy policy = PolicyCompiler.compile(spec.nodeAddressing(dev.portcullis.core.NodeAddressing.PUBLIC)
                .publicAddresses(NodeRole.of("master"), List.of(dev.portcullis.core.Cidr.parse("203.0.113.10/32")))
                .publicAddresses(NodeRole.of("node"), List.of(dev.portcullis.core.Cidr.parse("203.0.113.11/32")))
                .publicAddresses(NodeRole.of("frontend"), List.of(dev.portcullis.core.Cidr.parse("203.0.113.12/32"))).build());
        assertThat(policy.rules()).allSatisfy(r -> {
            assertThat(r.description().length()).as(r.key()).isLessThanOrEqualTo(255);
            assertThat(r.summary().length()).as(r.key()).isLessThanOrEqualTo(255);
        });
        assertThat(policy.rules()).anyMatch(r -> r.description().length() == 255 && r.description().endsWith("..."));
    }
}
