package dev.portcullis.audit;

import java.util.Locale;

/**
 * What a finding checked: one SARIF rule each. Socket checks judge a node's listeners against its
 * role's part of the policy; group checks judge a cloud's live rules against the whole policy.
 */
public enum Check {
    REQUIRED_REACHABLE(Severity.INFO, "Required port, listening where other nodes reach it",
            "The policy opens this port to the node's role and a process listens on a non-loopback address."),
    LOCAL_ONLY_LOOPBACK(Severity.INFO, "Local-only port bound to loopback",
            "The catalog marks this port local-only and it listens on loopback only: nothing to open or to hold back."),
    LOCAL_ONLY_EXPOSED(Severity.MEDIUM, "Local-only port listening on the network",
            "The catalog marks this port local-only, but it listens on a wildcard or node address: only the firewall "
                    + "holds it back."),
    UNLISTED_LISTENER(Severity.MEDIUM, "Listener outside the policy",
            "A process listens on a non-loopback address on a port no policy entry opens: the policy blocks it, and "
                    + "anything that lets it through exposes it."),
    UNLISTED_LOOPBACK(Severity.INFO, "Loopback listener outside the policy",
            "A process listens on loopback only on a port the catalog does not list: unreachable from the network."),
    OTHER_ROLE_PORT(Severity.LOW, "Port the catalog opens on another role",
            "The catalog opens this port on nodes of another role only; on this role the policy blocks it."),
    REQUIRED_LOOPBACK_ONLY(Severity.HIGH, "Required port bound to loopback only",
            "The policy opens this port because other nodes or clients must reach it, but it listens on loopback "
                    + "only: the cluster will break."),
    REQUIRED_NOT_LISTENING(Severity.LOW, "Required port with nothing listening",
            "The policy opens this port on the node's role, but nothing listens on it: an option may be off, or the "
                    + "input was filtered."),
    OPTION_HINT(Severity.INFO, "Listener that suggests an option",
            "A listener matches a catalog entry whose option is not enabled: the option seems to be on."),

    MISSING_FLOW(Severity.HIGH, "Flow the cluster needs that no live rule admits",
            "The policy requires this flow and the live groups do not admit all of it."),
    CLOSED_TO_OUTSIDE(Severity.INFO, "Port no outside party can reach",
            "The policy opens this port to a named peer that is not bound, and no live rule admits anyone outside "
                    + "the cluster: closed, which is fine if nobody outside needs it."),
    INTERNET_EXPOSED(Severity.CRITICAL, "Private port open to the internet",
            "Live rules admit the whole internet on a port the catalog does not mark public by design."),
    PUBLIC_BY_DESIGN(Severity.INFO, "Public port open to the internet",
            "Live rules admit the whole internet on a port the catalog marks public by design (Ingress, NodePorts)."),
    COMPACT_PROFILE(Severity.MEDIUM, "All traffic between cluster groups",
            "A rule admits every protocol and port between cluster nodes, where the policy needs a few ports."),
    EXCESS_RULE(Severity.MEDIUM, "Rule beyond the policy",
            "A live rule admits ports, protocols or sources that no policy entry requires."),
    CIDR_FOR_NODES(Severity.LOW, "CIDR where a group reference would do",
            "A rule admits cluster nodes by address range; a reference to the nodes' group admits exactly them."),
    REFERENCE_PUBLIC_ADDRESSING(Severity.HIGH, "Group reference that public addressing defeats",
            "Nodes reach each other over public addresses, which no group reference matches: the flow is cut.");

    private final Severity defaultSeverity;
    private final String title;
    private final String description;

    Check(Severity defaultSeverity, String title, String description) {
        this.defaultSeverity = defaultSeverity;
        this.title = title;
        this.description = description;
    }

    /** The SARIF rule id and the first part of every finding id: {@code unlisted-listener}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }
}
