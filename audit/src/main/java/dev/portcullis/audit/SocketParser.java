package dev.portcullis.audit;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the listening sockets out of {@code ss} or {@code netstat} output, whatever surrounds them:
 * headers, {@code unix} lines, shell prompts and text (output cut by {@code grep} and pasted into
 * notes, as in seed 002). A line is taken only if it has the shape of a socket line; everything
 * else is counted and skipped.
 *
 * <ul>
 *   <li>netstat ({@code -tulpn}, {@code -npl}, {@code -tlnpW}): {@code Proto Recv-Q Send-Q Local
 *       Foreign State PID/Program}. UDP lines have no state when unconnected. The program column is
 *       {@code pid/argv0}, cut to 19 characters (net-tools {@code PROGNAME_WIDTH} 20), and without
 *       {@code -W} a long address is cut to fit 22 characters with its port.</li>
 *   <li>ss ({@code -tulpn}, {@code -Htulpn}): {@code Netid State Recv-Q Send-Q Local:Port Peer:Port
 *       users:(("name",pid=N,fd=N),…)}; without {@code -u} or {@code -t} there is no Netid column
 *       and the state tells the protocol (LISTEN: TCP, UNCONN: UDP). Older ss print
 *       {@code users:(("name",N,N))}. The name is the kernel's {@code comm}, cut to 15 characters.</li>
 * </ul>
 */
final class SocketParser {
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[A-Za-z]");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Pattern STATE = Pattern.compile("[A-Z][A-Z0-9_-]*");
    private static final Pattern NETSTAT_PROTO = Pattern.compile("(tcp|udp|udpl|raw|sctp)6?");
    private static final Pattern NETSTAT_PROGRAM = Pattern.compile("(?:^|\\s)(\\d+)/(.*)$");
    private static final Pattern SS_USER = Pattern.compile("\\(\"((?:[^\"\\\\]|\\\\.)*)\",(?:pid=)?(\\d+)");
    private static final ImmutableSet<String> SS_NETIDS = ImmutableSet.of("tcp", "udp", "raw", "sctp", "mptcp", "dccp",
            "u_str", "u_dgr", "u_seq", "nl", "p_raw", "p_dgr", "tipc", "vsock", "xdp", "v_str", "v_dgr");

    private SocketParser() {}

    /** The listeners of one input, and what the rest of it was. */
    record Parsed(ImmutableList<Listener> listeners, int socketLines, int unixLines, int notListening,
            int serviceNames, boolean sawTcp, boolean sawUdp) {}

    static Parsed parse(String node, String text) {
        List<Listener> listeners = new ArrayList<>();
        int socketLines = 0;
        int unixLines = 0;
        int notListening = 0;
        int serviceNames = 0;
        boolean sawTcp = false;
        boolean sawUdp = false;
        String[] lines = text.split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = ANSI.matcher(lines[i]).replaceAll("").strip(); // grep --color leaves escapes behind
            if (line.isEmpty()) {
                continue;
            }
            String[] tokens = WHITESPACE.split(line);
            if (tokens[0].equals("unix")) {
                unixLines++;
                continue;
            }
            Optional<Socket> socket = netstat(tokens).or(() -> ss(tokens));
            if (socket.isEmpty()) {
                continue;
            }
            socketLines++;
            Socket s = socket.get();
            sawTcp |= s.protocol().equals("tcp");
            sawUdp |= s.protocol().equals("udp");
            if (!s.listening()) {
                notListening++;
                continue;
            }
            int colon = s.local().lastIndexOf(':');
            String portText = colon < 0 ? "" : s.local().substring(colon + 1);
            if (!NUMBER.matcher(portText).matches() || portText.length() > 5) {
                serviceNames++; // ss or netstat without -n print service names, which we do not guess
                continue;
            }
            int port = Integer.parseInt(portText);
            if (port < 1 || port > 65535) {
                continue;
            }
            listeners.add(new Listener(node, i + 1, s.protocol(), BindAddress.parse(s.local().substring(0, colon)), port,
                    s.local(), s.process(), s.pid()));
        }
        return new Parsed(ImmutableList.copyOf(listeners), socketLines, unixLines, notListening, serviceNames, sawTcp, sawUdp);
    }

    /** A TCP or UDP socket line, listening or not. */
    private record Socket(String protocol, boolean listening, String local, Optional<String> process, OptionalInt pid) {}

    /** {@code tcp6 0 0 :::6443 :::* LISTEN 3378/kube-apiserver}; {@code udp 0 0 0.0.0.0:8472 0.0.0.0:* -}. */
    private static Optional<Socket> netstat(String[] tokens) {
        if (tokens.length < 5 || !NETSTAT_PROTO.matcher(tokens[0]).matches()
                || !NUMBER.matcher(tokens[1]).matches() || !NUMBER.matcher(tokens[2]).matches()) {
            return Optional.empty();
        }
        String protocol = tokens[0].replace("6", "");
        if (!protocol.equals("tcp") && !protocol.equals("udp")) {
            return Optional.empty();
        }
        int rest = 5;
        boolean listening;
        if (protocol.equals("tcp")) {
            listening = tokens.length > 5 && tokens[5].equals("LISTEN");
            rest = 6;
        } else if (tokens.length > 5 && STATE.matcher(tokens[5]).matches()) {
            listening = false; // a connected UDP socket (ESTABLISHED) is no server
            rest = 6;
        } else {
            listening = true;
        }
        String program = String.join(" ", Arrays.asList(tokens).subList(Math.min(rest, tokens.length), tokens.length));
        Matcher m = NETSTAT_PROGRAM.matcher(program);
        Optional<String> process = Optional.empty();
        OptionalInt pid = OptionalInt.empty();
        if (m.find()) {
            String name = m.group(2).strip(); // may hold spaces: nginx rewrites its argv[0]
            process = name.isEmpty() ? Optional.empty() : Optional.of(name);
            pid = pid(m.group(1));
        }
        return Optional.of(new Socket(protocol, listening, tokens[3], process, pid));
    }

    /** {@code tcp LISTEN 0 4096 *:10250 *:* users:(("kubelet",pid=1234,fd=20))}, with or without the Netid column. */
    private static Optional<Socket> ss(String[] tokens) {
        int state;
        String protocol;
        if (SS_NETIDS.contains(tokens[0]) && tokens.length >= 6 && STATE.matcher(tokens[1]).matches()) {
            state = 1;
            protocol = tokens[0];
        } else if (STATE.matcher(tokens[0]).matches() && tokens.length >= 5
                && (tokens[0].equals("LISTEN") || tokens[0].equals("UNCONN"))) {
            state = 0;
            protocol = tokens[0].equals("LISTEN") ? "tcp" : "udp"; // ss -tl or -ul: one kind, no Netid column
        } else {
            return Optional.empty();
        }
        if (!NUMBER.matcher(tokens[state + 1]).matches() || !NUMBER.matcher(tokens[state + 2]).matches()) {
            return Optional.empty();
        }
        if (!protocol.equals("tcp") && !protocol.equals("udp")) {
            return Optional.empty();
        }
        boolean listening = protocol.equals("tcp") ? tokens[state].equals("LISTEN") : tokens[state].equals("UNCONN");
        String rest = String.join(" ", Arrays.asList(tokens).subList(state + 5, tokens.length));
        Matcher user = SS_USER.matcher(rest);
        Optional<String> process = Optional.empty();
        OptionalInt pid = OptionalInt.empty();
        if (user.find()) {
            process = Optional.of(user.group(1));
            pid = pid(user.group(2));
        }
        return Optional.of(new Socket(protocol, listening, tokens[state + 3], process, pid));
    }

    /**
     * A pid as printed; none when it is too long to be one (Linux pids stay below 2^22), so a garbled
     * pid costs the listener its pid, not the audit its input.
     */
    private static OptionalInt pid(String digits) {
        long value = digits.length() <= 10 ? Long.parseLong(digits) : Long.MAX_VALUE;
        return value <= Integer.MAX_VALUE ? OptionalInt.of((int) value) : OptionalInt.empty();
    }
}
