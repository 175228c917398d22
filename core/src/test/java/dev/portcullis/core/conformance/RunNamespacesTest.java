package dev.portcullis.core.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunNamespacesTest {
    @Test
    void twoRunsInOneJvmNeverShareANamespaceName() {
        assertThat(RunNamespaces.create().name("n0")).isNotEqualTo(RunNamespaces.create().name("n0"));
    }

    @Test
    void aNamespaceOfThisRunningJvmIsNotStale() {
        assertThat(RunNamespaces.isStale(RunNamespaces.create().name("bridge"))).isFalse();
    }

    @Test
    void aNamespaceWhoseJvmIsGoneIsStale() {
        long gone = Long.MAX_VALUE / 2; // no process has this pid
        assertThat(RunNamespaces.isStale("pcc" + gone + "x0123abcd-n1")).isTrue();
    }

    @Test
    void namespacesOfOtherToolsAreNeverStale() {
        assertThat(RunNamespaces.isStale("pc-bridge")).isFalse();
        assertThat(RunNamespaces.isStale("cni-1234")).isFalse();
        assertThat(RunNamespaces.isStale("pcc99999999xzz-n0")).isFalse();
    }
}
