package dev.portcullis.core.promises;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.core.Binding;
import dev.portcullis.core.Cidr;
import dev.portcullis.core.Peer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Promise: two different peers never share a name, so two different rules never share a resource
 * name (the engine would refuse the second, or worse, a refactoring would silently swap them).
 */
class RuleNamesAreInjectiveTest {
    @Test
    void theCollisionsOnceFoundAreDistinctNow() {
        assertThat(key(Binding.literal(Binding.Kind.SECURITY_GROUP, "sg-ABC")))
                .isNotEqualTo(key(Binding.literal(Binding.Kind.SECURITY_GROUP, "sg-abc")));
        assertThat(key(Binding.cidr(Cidr.parse("10.0.0.0/16"))))
                .isNotEqualTo(key(Binding.literal(Binding.Kind.SECURITY_GROUP, "10.0.0.0_16")));
        assertThat(key(Binding.literal(Binding.Kind.SECURITY_GROUP, "sg-1.a")))
                .isNotEqualTo(key(Binding.literal(Binding.Kind.SECURITY_GROUP, "sg-1:a")));
        assertThat(Peer.remote("sg", Binding.of(Binding.Kind.SECURITY_GROUP, Optional.of("x"), Optional.of("0123abcd"))).key())
                .isNotEqualTo(key(Binding.literal(Binding.Kind.SECURITY_GROUP, "sg-0123abcd")));
    }

    private static String key(Binding binding) {
        return Peer.remote("admins", binding).key();
    }

    /** A peer's labels are unique (ClusterSpec refuses two bindings of one peer under one label), so draw them so. */
    @Property(tries = 2000)
    void distinctPeersHaveDistinctKeys(@ForAll("peers") List<Peer> drawn) {
        Map<String, Peer> byOwnerAndLabel = new HashMap<>();
        List<Peer> peers = drawn.stream().filter(p -> !(p instanceof Peer.Remote r && r.owner().isPresent())
                || byOwnerAndLabel.putIfAbsent(r.owner().get() + "/" + r.binding().effectiveLabel(), p) == null).toList();
        Map<String, Peer> byKey = new HashMap<>();
        for (Peer peer : peers) {
            Peer other = byKey.putIfAbsent(peer.key(), peer);
            assertThat(other == null || other.equals(peer)).as(peer + " and " + other + " share " + peer.key()).isTrue();
        }
    }

    @Provide
    Arbitrary<List<Peer>> peers() {
        Arbitrary<String> text = Arbitraries.strings().withCharRange(' ', '~').withChars('é', '\u00ff', 'ß').ofMinLength(1)
                .ofMaxLength(12).filter(s -> s.strip().equals(s));
        Arbitrary<Binding.Kind> kinds = Arbitraries.of(Binding.Kind.SECURITY_GROUP, Binding.Kind.PREFIX_LIST,
                Binding.Kind.ADDRESS_GROUP);
        Arbitrary<Peer> literalReference = Combinators.combine(kinds, text).as((k, v) -> Peer.remote("a", Binding.literal(k, v)));
        Arbitrary<Peer> cidr = Combinators.combine(Arbitraries.integers().between(0, 255), Arbitraries.integers().between(8, 32))
                .as((octet, length) -> Peer.cidr(Cidr.parse(octet + ".0.0.0/8")));
        Arbitrary<Peer> cidr6 = Arbitraries.integers().between(0, 0xffff)
                .map(group -> Peer.cidr(Cidr.parse(Integer.toHexString(group) + "::/16")));
        Arbitrary<String> label = Arbitraries.strings().withCharRange('a', 'z').withChars('-', '0', '9').ofMinLength(1)
                .ofMaxLength(6).filter(s -> Character.isLetterOrDigit(s.charAt(0)));
        Arbitrary<String> owner = Arbitraries.strings().withCharRange('a', 'z').withChars('-').ofMinLength(1).ofMaxLength(6)
                .filter(s -> Character.isLetter(s.charAt(0)));
        Arbitrary<Peer> labelled = Combinators.combine(owner, kinds, label)
                .as((o, k, l) -> Peer.remote(o, Binding.of(k, Optional.empty(), Optional.of(l))));
        Arbitrary<Peer> roles = owner.map(Peer::role);
        return Arbitraries.oneOf(literalReference, cidr, cidr6, labelled, roles).list().ofMinSize(2).ofMaxSize(30)
                .map(list -> new ArrayList<>(list));
    }
}
