package dev.portcullis.audit;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * Restores the Kubernetes process names that the tools cut: ss prints the kernel's 15-character
 * {@code comm} ({@code kube-controller}), netstat cuts {@code pid/argv0} to 19 characters, so the
 * name's length depends on the pid ({@code 3876/kube-controlle}).
 */
final class ProcessNames {
    /** Shortest cut we restore: a 7-digit pid leaves netstat 11 characters. */
    private static final int MIN_CUT = 11;
    private static final ImmutableList<String> KNOWN = ImmutableList.of("kube-apiserver", "kube-controller-manager",
            "kube-scheduler", "kube-proxy", "kubelet", "etcd", "cloud-controller-manager", "containerd",
            "containerd-shim-runc-v2", "cri-dockerd", "calico-node", "cilium-agent", "cilium-operator", "flanneld",
            "hubble-relay", "coredns", "node-cache", "kube-vip", "rke2", "k3s", "konnectivity-agent",
            "konnectivity-server", "metrics-server", "ingress-nginx-controller", "nginx-ingress-controller");

    private ProcessNames() {}

    /** {@code kube-controller-manager (printed as kube-controlle)}, or the name as printed. */
    static String describe(String printed) {
        if (printed.length() < MIN_CUT || KNOWN.contains(printed)) {
            return printed;
        }
        List<String> candidates = KNOWN.stream().filter(k -> k.startsWith(printed)).toList();
        return candidates.size() == 1 ? candidates.get(0) + " (printed as " + printed + ")" : printed;
    }
}
