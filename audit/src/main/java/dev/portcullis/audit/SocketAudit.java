package dev.portcullis.audit;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.portcullis.core.Exclusion;
import dev.portcullis.core.FirewallPolicy;
import dev.portcullis.core.FirewallRule;
import dev.portcullis.core.NodeRole;
import dev.portcullis.core.Requirement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Holds the sockets nodes listen on against their role's part of the compiled policy.
 *
 * <p>Each node's listeners are grouped by protocol and port, since the verdict depends on all the
 * addresses one port is bound to: etcd on 127.0.0.1:2379 and on the node address is reachable.
 * Every verdict names the compiled rule ({@link FirewallRule#key()}) or the catalog requirement
 * behind it. One input is one node; its name is part of every finding id.
 */
public final class SocketAudit {
    /** Longer ranges (NodePorts) are served by packet rules, not by a socket per port. */
    static final int MAX_LISTENED_RANGE = 16;

    private SocketAudit() {}

    /**
     * @param policy compiled for the cluster; named peers may stay unbound
     * @throws IllegalArgumentException if the role is not the blueprint's, an input holds no socket line,
     *     or two inputs have one name in finding ids (each node's findings must stay its own)
     */
    public static AuditReport audit(FirewallPolicy policy, NodeRole role, List<AuditInput> inputs) {
        Map<String, String> names = new LinkedHashMap<>();
        for (AuditInput input : inputs) {
            String first = names.putIfAbsent(input.idName(), input.name());
            if (first != null) {
                throw new IllegalArgumentException("inputs '" + Text.oneLine(first) + "' and '" + Text.oneLine(input.name())
                        + "' are both named " + Text.oneLine(input.idName()) + " in finding ids: give each node's input once, "
                        + "under a name of its own");
            }
        }
        RolePorts ports = new RolePorts(policy, role);
        List<Finding> findings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (AuditInput input : inputs) {
            SocketParser.Parsed parsed = SocketParser.parse(input.name(), input.text());
            if (parsed.listeners().isEmpty()) {
                throw new IllegalArgumentException("input '" + input.name() + "' holds no listening socket: expected the "
                        + "output of ss -tulpn, ss -Htulpn, netstat -tulpn or netstat -npl (" + parsed.socketLines()
                        + " socket lines, none listening)");
            }
            findings.addAll(new NodeVerdicts(ports, input).judge(parsed, notes));
        }
        if (!ports.allTraffic.isEmpty()) {
            notes.add("the policy also admits all traffic to " + role + " nodes from "
                    + ports.allTraffic.stream().map(r -> r.peer().displayName()).distinct().collect(Collectors.joining(", "))
                    + " (" + ports.allTraffic.stream().map(FirewallRule::key).collect(Collectors.joining(", "))
                    + "): every listener is reachable from there");
        }
        Map<String, String> context = new LinkedHashMap<>();
        context.put("distribution", policy.spec().distribution());
        context.put("cni", policy.spec().cni());
        context.put("options", policy.spec().options().isEmpty() ? "(none)" : String.join(",", policy.spec().options()));
        context.put("ipFamily", policy.spec().ipStack().configName());
        context.put("role", role.name());
        context.put("nodes", Integer.toString(inputs.size()));
        return new AuditReport("sockets", ImmutableMap.copyOf(context), inputs.stream().map(AuditInput::name)
                .collect(ImmutableList.toImmutableList()), ImmutableList.copyOf(findings), ImmutableList.copyOf(notes),
                Optional.empty());
    }

    /** The verdicts of one node. */
    private static final class NodeVerdicts {
        private final RolePorts ports;
        private final AuditInput input;
        private final List<Finding> out = new ArrayList<>();

        NodeVerdicts(RolePorts ports, AuditInput input) {
            this.ports = ports;
            this.input = input;
        }

        List<Finding> judge(SocketParser.Parsed parsed, List<String> notes) {
            Map<String, List<Listener>> byPort = new TreeMap<>();
            for (Listener listener : parsed.listeners()) {
                byPort.computeIfAbsent(listener.protocol() + "-" + String.format("%05d", listener.port()),
                        k -> new ArrayList<>()).add(listener);
            }
            byPort.values().forEach(this::judgePort);
            for (String protocol : List.of("tcp", "udp")) {
                boolean seen = protocol.equals("tcp") ? parsed.sawTcp() : parsed.sawUdp();
                if (seen) {
                    notListening(protocol, byPort);
                } else {
                    notes.add(input.name() + ": no " + protocol.toUpperCase(java.util.Locale.ROOT)
                            + " socket in the input, so required " + protocol.toUpperCase(java.util.Locale.ROOT)
                            + " ports were not checked (list them with ss -tulpn)");
                }
            }
            if (parsed.serviceNames() > 0) {
                notes.add(input.name() + ": " + parsed.serviceNames() + " listeners print a service name instead of a "
                        + "port and were skipped: run ss or netstat with -n");
            }
            if (parsed.listeners().stream().anyMatch(l -> !l.address().parsed())) {
                notes.add(input.name() + ": some addresses are cut (netstat fits them to its column; use netstat -W): "
                        + "they are judged as specific node addresses");
            }
            return out;
        }

        private void judgePort(List<Listener> listeners) {
            Listener first = listeners.get(0);
            String protocol = first.protocol();
            int port = first.port();
            boolean reachable = listeners.stream().anyMatch(l -> l.address().reachable());
            ImmutableList<FirewallRule> rules = ports.rulesAdmitting(protocol, port);
            ImmutableList<Exclusion> local = ports.localOnly(protocol, port);
            String service = service(protocol, port, listeners);
            String where = "listens on " + endpoints(listeners);
            String role = ports.role.name();
            boolean servedBySockets = rules.stream().anyMatch(r -> r.ports().orElseThrow().size() <= MAX_LISTENED_RANGE);
            if (!rules.isEmpty() && !reachable && !servedBySockets) {
                add(Check.UNLISTED_LOOPBACK, listeners, service + " " + where + " only; the policy opens " + admitted(rules)
                        + ", which packet rules serve (kube-proxy), not a socket: this loopback listener is unreachable from "
                        + "other hosts", Citation.of(rules), "none");
                return;
            }
            if (!rules.isEmpty()) {
                if (reachable) {
                    add(Check.REQUIRED_REACHABLE, listeners, service + " " + where + "; the policy opens it on " + role
                            + " nodes (" + admitted(rules) + ")", Citation.of(rules), "none");
                } else {
                    add(Check.REQUIRED_LOOPBACK_ONLY, listeners, service + " " + where + " only, but the policy opens it"
                            + " to other hosts (" + admitted(rules) + "): they cannot connect, and the cluster will break",
                            Citation.of(rules), "bind it to the node address or to all addresses (its bind-address or "
                                    + "listen flag), so the peers the policy admits can connect");
                }
                return;
            }
            if (!local.isEmpty()) {
                Exclusion exclusion = local.get(0);
                String reason = exclusion.requirement().localOnly().orElse(exclusion.reason());
                if (reachable) {
                    add(Check.LOCAL_ONLY_EXPOSED, listeners, service + " " + where + ", but the catalog marks it local-only"
                            + " (" + reason + "): only the firewall holds it back", Citation.of(exclusion),
                            "bind it to 127.0.0.1 as the catalog expects, and keep the policy closing it"
                                    + optionAdvice(protocol, port));
                } else {
                    add(Check.LOCAL_ONLY_LOOPBACK, listeners, service + " " + where + " only, as the catalog expects ("
                            + reason + ")", Citation.of(exclusion), "none");
                }
                hints(listeners, reachable);
                return;
            }
            Citation none = new Citation("(none)", "no rule of the " + role + " nodes' groups admits "
                    + protocol.toUpperCase(java.util.Locale.ROOT) + " " + port, ImmutableList.of(
                            ports.policy.spec().blueprint().reference()));
            if (!reachable) {
                add(Check.UNLISTED_LOOPBACK, listeners, service + " " + where + " only; the catalog lists no such port for "
                        + role + " nodes, and loopback is unreachable from other hosts", none, "none");
                return;
            }
            ImmutableList<Requirement> elsewhere = ports.onOtherRoles(protocol, port);
            if (!elsewhere.isEmpty()) {
                Requirement other = elsewhere.get(0);
                add(Check.OTHER_ROLE_PORT, listeners, service + " " + where + "; the catalog opens it on "
                        + other.destination().displayName() + " only (" + other.purpose() + "), so the policy blocks it on "
                        + role + " nodes", Citation.of(other), "none if only " + other.destination().displayName()
                        + " serve it; otherwise bind it to 127.0.0.1 here, or add an extra rule if clients need it");
            } else {
                add(Check.UNLISTED_LISTENER, listeners, service + " " + where + ", a port no policy entry opens for "
                        + role + " nodes: the policy blocks it", none, "stop it or bind it to 127.0.0.1; if others "
                        + "must reach it, add an extra rule for it" + optionAdvice(protocol, port));
            }
            hints(listeners, true);
        }

        /** An option that is off but would open this port suggests the option is on. */
        private void hints(List<Listener> listeners, boolean reachable) {
            if (!reachable) {
                return;
            }
            Listener first = listeners.get(0);
            for (Requirement requirement : ports.inactiveAt(first.protocol(), first.port())) {
                var missing = ports.missingOptions(requirement);
                if (missing.isEmpty()) {
                    continue;
                }
                String options = String.join(",", missing);
                String id = Check.OPTION_HINT.id() + ":" + input.idName() + ":" + first.protocol() + "-" + first.port() + ":" + options;
                if (out.stream().anyMatch(f -> f.id().equals(id))) {
                    continue;
                }
                Citation citation = ports.option(missing.first()).map(o -> Citation.of(o, requirement))
                        .orElse(Citation.of(requirement));
                out.add(new Finding(id, Check.OPTION_HINT, Check.OPTION_HINT.defaultSeverity(), first.protocol(),
                        Integer.toString(first.port()), subject(listeners), service(first.protocol(), first.port(), listeners)
                        + " listens on " + endpoints(listeners) + "; option " + options + " of "
                        + ports.policy.spec().distribution() + " opens it (" + requirement.purpose() + "): the option seems to be on",
                        citation, "add " + options + " to --options (in the audit, the plan and the stack) so the policy "
                                + "admits it, or bind the listener to 127.0.0.1", locations(listeners)));
            }
        }

        private String optionAdvice(String protocol, int port) {
            List<String> options = ports.inactiveAt(protocol, port).stream()
                    .flatMap(r -> ports.missingOptions(r).stream()).distinct().sorted().toList();
            return options.isEmpty() ? "" : "; or enable option " + String.join(" or ", options) + " if it is meant to serve others";
        }

        private void notListening(String protocol, Map<String, List<Listener>> byPort) {
            Map<Integer, List<Requirement>> needed = new TreeMap<>();
            for (Requirement requirement : ports.active) {
                var range = requirement.ports().orElseThrow();
                if (!requirement.protocol().key().equals(protocol) || range.size() > MAX_LISTENED_RANGE) {
                    continue;
                }
                for (int port = range.from(); port <= range.to(); port++) {
                    needed.computeIfAbsent(port, p -> new ArrayList<>()).add(requirement);
                }
            }
            needed.forEach((port, requirements) -> {
                ImmutableList<FirewallRule> rules = ports.rulesAdmitting(protocol, port);
                if (byPort.containsKey(protocol + "-" + String.format("%05d", port)) || rules.isEmpty()) {
                    return;
                }
                String what = protocol.toUpperCase(java.util.Locale.ROOT) + " " + port + " ("
                        + requirements.stream().map(Requirement::purpose).distinct().collect(Collectors.joining("; ")) + ")";
                List<String> options = requirements.stream().flatMap(r -> r.condition().options().stream()).distinct().sorted().toList();
                List<String> cnis = requirements.stream().flatMap(r -> r.condition().cni().stream()).distinct().toList();
                String fix;
                String because;
                if (!options.isEmpty()) {
                    because = "because option " + String.join(", ", options) + " is enabled";
                    fix = "if this cluster does not use " + String.join(", ", options) + ", drop it from --options (audit, "
                            + "plan and stack) so the policy stops opening " + what.substring(0, what.indexOf(" ("));
                } else if (!cnis.isEmpty()) {
                    because = "because the CNI is " + String.join(", ", cnis);
                    fix = "if the cluster runs another CNI, pass it with --cni; otherwise check that the CNI runs on this node";
                } else {
                    because = "on every " + ports.role + " node";
                    fix = "check that the component runs on this node, and that the input was not filtered (grep)";
                }
                out.add(new Finding(Check.REQUIRED_NOT_LISTENING.id() + ":" + input.idName() + ":" + protocol + "-" + port,
                        Check.REQUIRED_NOT_LISTENING, Check.REQUIRED_NOT_LISTENING.defaultSeverity(), protocol,
                        Integer.toString(port), input.name() + ": nothing on " + protocol + " " + port,
                        "nothing listens on " + what + ", which the policy opens " + because + " (" + admitted(rules) + ")",
                        Citation.of(rules), fix, ImmutableList.of(new Location(input.name(), 0))));
            });
        }

        private void add(Check check, List<Listener> listeners, String message, Citation citation, String fix) {
            Listener first = listeners.get(0);
            out.add(new Finding(check.id() + ":" + input.idName() + ":" + first.protocol() + "-" + first.port(), check,
                    check.defaultSeverity(), first.protocol(), Integer.toString(first.port()), subject(listeners), message,
                    citation, fix, locations(listeners)));
        }

        private String subject(List<Listener> listeners) {
            String processes = processes(listeners);
            return input.name() + ": " + endpoints(listeners) + (processes.isEmpty() ? "" : " " + processes);
        }

        /** {@code TCP 2379 (etcd, pid 3665)}. */
        private String service(String protocol, int port, List<Listener> listeners) {
            String processes = processes(listeners);
            return protocol.toUpperCase(java.util.Locale.ROOT) + " " + port + (processes.isEmpty() ? "" : " " + processes);
        }
    }

    private static String admitted(List<FirewallRule> rules) {
        return rules.stream().map(FirewallRule::description).distinct().collect(Collectors.joining("; "));
    }

    private static String endpoints(List<Listener> listeners) {
        return listeners.stream().map(Listener::endpoint).distinct().collect(Collectors.joining(", "));
    }

    /** {@code (kubelet, pid 4152)}, or empty when the input has no process column. */
    private static String processes(List<Listener> listeners) {
        List<String> names = listeners.stream()
                .flatMap(l -> l.process().map(p -> ProcessNames.describe(p)
                        + (l.pid().isPresent() ? ", pid " + l.pid().getAsInt() : "")).stream())
                .distinct().toList();
        return names.isEmpty() ? "" : "(" + String.join("; ", names) + ")";
    }

    private static ImmutableList<Location> locations(List<Listener> listeners) {
        return listeners.stream().map(l -> new Location(l.node(), l.line())).distinct()
                .collect(ImmutableList.toImmutableList());
    }
}
