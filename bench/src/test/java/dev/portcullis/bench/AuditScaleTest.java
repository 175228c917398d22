package dev.portcullis.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.audit.AuditInput;
import dev.portcullis.audit.AuditReport;
import dev.portcullis.audit.Cloud;
import dev.portcullis.audit.GroupAudit;
import dev.portcullis.audit.GroupMapping;
import dev.portcullis.audit.SocketAudit;
import dev.portcullis.core.ClusterSpec;
import dev.portcullis.core.EgressMode;
import dev.portcullis.core.NodeAddressing;
import dev.portcullis.core.NodeRole;
import dev.portcullis.core.PolicyCompiler;
import dev.portcullis.core.catalog.Catalog;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The benchmark's generated inputs are what the audit reads, so its figures measure real work. */
class AuditScaleTest {

    @Test
    void theGeneratedListingIsReadRuleForRuleAndJudged() {
        var kubeadm = Catalog.blueprint("kubeadm");
        var settings = new GroupAudit.Settings(Cloud.AWS, GroupMapping.parse(Cloud.AWS, kubeadm, List.of("all-nodes=sg-0a11a11a11a11a11a",
                "control-plane=sg-0c0c0c0c0c0c0c0c0", "worker=sg-0b0b0b0b0b0b0b0b0")), NodeAddressing.PRIVATE,
                com.google.common.collect.ImmutableList.of(), EgressMode.ALLOW_ALL, "bench");
        AuditReport report = GroupAudit.audit(PolicyCompiler.compile(ClusterSpec.builder(kubeadm).leaveExternalPeersUnbound().build()),
                settings, List.of(new AuditInput("rules.json", AuditScale.awsRules(400, new Random(13)))));
        assertThat(report.findings()).extracting(f -> f.check().id()).contains("internet-exposed", "excess-rule", "missing-flow");
        assertThat(report.notes()).anyMatch(n -> n.startsWith("rules of groups not given with --group were not judged: sg-0d0d0d0d0d0d0d0d0"));
    }

    @Test
    void theGeneratedNodesAreReadListenerForListener() {
        var policy = PolicyCompiler.compile(ClusterSpec.builder(Catalog.blueprint("kubeadm")).cni("calico").leaveExternalPeersUnbound().build());
        AuditReport report = SocketAudit.audit(policy, NodeRole.of("worker"), List.of(new AuditInput("node-0000.txt",
                AuditScale.node(0, new Random(13)))));
        assertThat(report.findings()).extracting(f -> f.check().id() + " " + f.protocol() + " " + f.ports())
                .contains("required-reachable tcp 179", "required-reachable tcp 10250", "required-reachable tcp 10256",
                        "unlisted-loopback tcp 9099", "unlisted-listener tcp 22", "required-not-listening tcp 5473");
    }
}
